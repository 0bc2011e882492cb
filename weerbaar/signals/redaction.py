"""Redaction as the signals app applies it: the text engine's ``redact``, except that the
coalition's own district names stay.

A district such as "De Heuvels" looks like a surname with a prefix to the engine, but it is
exactly the kind of place a signal should name. Only a ``[naam]`` or ``[adres]`` span whose
whole text is one of the coalition's area names is kept; everything else the engine found
is replaced as usual.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.views.decorators.debug import sensitive_variables

from weerbaar.coalitions.models import Coalition
from weerbaar.text import redact

KEEPABLE_KINDS = frozenset({"naam", "adres"})
# Words the engine sometimes takes into a name span at the start of a sentence ("In De
# Heuvels"); a span that is an area name plus only these is kept too.
FUNCTION_WORDS = frozenset(
    {"in", "uit", "op", "bij", "naar", "het", "de", "van", "voor", "met", "rond", "om", "en"}
)


def _is_kept(original: str, kept: set[str]) -> bool:
    folded = " ".join(original.casefold().split())
    for name in kept:
        if name not in folded:
            continue
        rest = folded.replace(name, " ").split()
        if all(word.strip(".,;:!?'\"()") in FUNCTION_WORDS for word in rest):
            return True
    return False


@sensitive_variables()
def redact_text(text: str, keep: Iterable[str] = ()) -> str:
    """``text`` with personal data replaced by placeholders, the names in ``keep`` kept."""
    result = redact(text)
    kept = {" ".join(name.casefold().split()) for name in keep if name.strip()}
    if not kept or not result.spans:
        return result.text
    parts: list[str] = []
    position = 0
    for span in result.spans:
        original = text[span.start : span.end]
        parts.append(text[position : span.start])
        keep_it = span.kind in KEEPABLE_KINDS and _is_kept(original, kept)
        parts.append(original if keep_it else span.placeholder)
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def get_kept_names(coalition: Coalition) -> list[str]:
    """The words redaction leaves alone for this coalition: its area names."""
    return list(coalition.areas.values_list("name", flat=True))


def redact_for(coalition: Coalition, text: str) -> str:
    return redact_text(text, get_kept_names(coalition))


@sensitive_variables()
def count_replaced(text: str, keep: Iterable[str] = ()) -> dict[str, int]:
    """How many of each placeholder ``redact_text`` puts in, for the live preview."""
    kept = {" ".join(name.casefold().split()) for name in keep if name.strip()}
    counts: dict[str, int] = {}
    for span in redact(text).spans:
        if span.kind in KEEPABLE_KINDS and _is_kept(text[span.start : span.end], kept):
            continue
        counts[span.placeholder] = counts.get(span.placeholder, 0) + 1
    return counts
