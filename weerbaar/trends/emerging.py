"""Emerging terms over the redacted texts of the coalition's feed items and signals.

The recent window is the last 4 weeks, the baseline the 26 weeks before; a term emerges by
``stats.emerging_terms`` (log-likelihood G² ≥ 10.83, at least 5 documents). Texts are read
newest first and capped per window, so the page stays fast on a large coalition.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.signals.models import Signal
from weerbaar.trends.models import FeedItem
from weerbaar.trends.stats import G2_THRESHOLD, MIN_TERM_COUNT, TermScore, count_terms
from weerbaar.trends.stats import emerging_terms as score_terms
from weerbaar.trends.terms import text_tokens

RECENT_WEEKS = 4
BASELINE_WEEKS = 26
MAX_DOCUMENTS = 20_000
EXAMPLES = 3


@dataclass
class EmergingTerm:
    score: TermScore
    examples: list[str]


def _texts(coalition: Coalition, start: datetime.datetime, end: datetime.datetime) -> list[str]:
    rows = (
        FeedItem.objects.filter(coalition=coalition, published_at__gte=start, published_at__lt=end)
        .order_by("-published_at")
        .values_list("title", "summary")[:MAX_DOCUMENTS]
    )
    signals = (
        Signal.objects.filter(coalition=coalition, created_at__gte=start, created_at__lt=end)
        .order_by("-created_at")
        .values_list("text", flat=True)[:MAX_DOCUMENTS]
    )
    return [f"{title}\n{summary}" for title, summary in rows] + list(signals)


def _examples(term: str, documents: Iterable[tuple[str, list[str]]]) -> list[str]:
    wanted = term.split(" ")
    found = []
    for text, tokens in documents:
        n = len(wanted)
        if any(tokens[i : i + n] == wanted for i in range(len(tokens) - n + 1)):
            found.append(text[:200])
            if len(found) == EXAMPLES:
                break
    return found


def get_emerging_terms(
    coalition: Coalition, *, now: datetime.datetime | None = None, limit: int = 20
) -> list[EmergingTerm]:
    now = now or timezone.now()
    recent_start = now - datetime.timedelta(weeks=RECENT_WEEKS)
    baseline_start = recent_start - datetime.timedelta(weeks=BASELINE_WEEKS)
    recent = [(t, text_tokens(t)) for t in _texts(coalition, recent_start, now)]
    baseline = [text_tokens(t) for t in _texts(coalition, baseline_start, recent_start)]
    scores = score_terms(
        count_terms([tokens for _text, tokens in recent]),
        count_terms(baseline),
        min_count=MIN_TERM_COUNT,
        threshold=G2_THRESHOLD,
        limit=limit,
    )
    return [EmergingTerm(s, _examples(s.term, recent)) for s in scores]
