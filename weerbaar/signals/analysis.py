"""The text engine applied to a coalition's signals: theme suggestions and near-duplicates.

``weerbaar.text`` is pure Python; this module is where it meets the database. Only redacted
text ever reaches it, because only redacted text is stored.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.conf import settings

from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.signals.models import ClassifierModel, Signal
from weerbaar.text.classify import ThemeModel, bootstrap_model
from weerbaar.text.similarity import NearDuplicateIndex


@functools.cache
def get_bootstrap_model() -> ThemeModel:
    """The model trained on the synthetic seed set, built once per process."""
    return bootstrap_model()


@functools.lru_cache(maxsize=32)
def _load_model(model_id: int) -> ThemeModel:
    # Trained models never change (retraining adds a row), so caching by id is safe.
    return ThemeModel.from_bytes(bytes(ClassifierModel.objects.get(pk=model_id).model))


def get_current_model(coalition: Coalition) -> ClassifierModel | None:
    return for_coalition(ClassifierModel.objects.all(), coalition).first()


def get_theme_model(coalition: Coalition) -> ThemeModel:
    """The coalition's latest trained model, or the bootstrap model when it has none."""
    current = get_current_model(coalition)
    if current is None:
        return get_bootstrap_model()
    return _load_model(current.pk)


def suggest_themes(coalition: Coalition, text: str) -> list[list[str | float]]:
    """The top three themes as JSON-ready [theme, probability] pairs."""
    return [[theme, round(float(p), 4)] for theme, p in get_theme_model(coalition).top(text, n=3)]


def is_confident(signal: Signal) -> bool:
    """Whether the best suggestion is sure enough to be pre-selected for the analyst."""
    if not signal.suggested_themes:
        return False
    best = float(signal.suggested_themes[0][1])
    return best * 100 >= settings.SIGNAL_THEME_CONFIDENCE_PERCENT


@dataclass(frozen=True)
class NearestSignal:
    signal_id: int
    similarity: float

    def is_automatic(self) -> bool:
        return self.similarity * 100 >= settings.SIGNAL_CLUSTER_HIGH_PERCENT


def find_similar_signals(signal: Signal, *, limit: int = 5) -> list[NearestSignal]:
    """The most similar other signals of the coalition in the clustering window, at or above
    the low threshold, across all partners; best first."""
    candidates = (
        for_coalition(Signal.objects.all(), signal.coalition)
        .recent(settings.SIGNAL_CLUSTER_WINDOW_DAYS, now=signal.created_at)
        .filter(created_at__lte=signal.created_at)
        .exclude(pk=signal.pk)
        .values_list("pk", "text")
    )
    index = NearDuplicateIndex(threshold=settings.SIGNAL_CLUSTER_LOW_PERCENT / 100)
    for pk, text in candidates.iterator():
        index.add(pk, text)
    return [
        NearestSignal(int(match.key), float(match.similarity))  # type: ignore[call-overload]  # keys are the pks we added
        for match in index.query(signal.text, limit=limit)
    ]


def find_nearest_signal(signal: Signal) -> NearestSignal | None:
    matches = find_similar_signals(signal, limit=1)
    return matches[0] if matches else None
