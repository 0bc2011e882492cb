"""Words of redacted texts: theme classification, emerging terms and watch-list matching.

Only redacted text reaches this module; the placeholders redaction leaves (``[telefoon]``,
``[naam]``…) are dropped before counting, so they never "emerge".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from weerbaar.coalitions.choices import Theme
from weerbaar.text.classify import ThemeModel, bootstrap_model
from weerbaar.text.similarity import tokens

_PLACEHOLDER = re.compile(r"\[[a-z\-]+\]")
MIN_TOKEN_LENGTH = 3


@lru_cache(maxsize=1)
def _model() -> ThemeModel:
    return bootstrap_model()


def classify_theme(text: str) -> str:
    """The most likely theme key of a (redacted) text; ``other`` when the model has none."""
    best = _model().top(text, n=1)
    if best and best[0][0] in Theme.values:
        return best[0][0]
    return str(Theme.OTHER)


def text_tokens(text: str) -> list[str]:
    """Stemmed tokens worth counting: no placeholders, no numbers, no very short words."""
    return [
        t
        for t in tokens(_PLACEHOLDER.sub(" ", text))
        if len(t) >= MIN_TOKEN_LENGTH and not t.isdigit()
    ]


def term_tokens(terms: Sequence[str]) -> list[list[str]]:
    """Each watch-list term as its token sequence (a phrase keeps its order)."""
    return [found for term in terms if (found := text_tokens(term))]


def contains_any(terms: Sequence[Sequence[str]], document: Sequence[str]) -> bool:
    """Whether any term occurs in ``document`` as a contiguous run of tokens."""
    for term in terms:
        n = len(term)
        for start in range(len(document) - n + 1):
            if list(document[start : start + n]) == list(term):
                return True
    return False
