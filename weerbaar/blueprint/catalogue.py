"""Interventions that fit a plan's priorities, from the shared catalogue.

The catalogue of interventions is its own model once it exists (``knowledge.Intervention``);
until then, knowledge items with matching themes stand in for it. ``find_interventions`` is the
one switch: callers never know which source answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import reverse

from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.models import KnowledgeItem

# How many candidates are read before matching themes in Python (themes are a JSON list,
# which SQLite cannot filter on by containment).
CANDIDATES = 300

# The catalogue model once the knowledge app has it; looked up by name so this module works
# with and without it.
INTERVENTION_MODEL = "knowledge.Intervention"


@dataclass(frozen=True)
class Suggestion:
    title: str
    summary: str
    themes: list[str]
    url: str
    source: str


def _intervention_model() -> type[models.Model] | None:
    try:
        return apps.get_model(INTERVENTION_MODEL)
    except LookupError:
        return None


def _score(themes: list[str], priorities: list[str]) -> int:
    """Earlier priorities weigh more; no shared theme scores zero."""
    return sum(len(priorities) - i for i, theme in enumerate(priorities) if theme in themes)


def find_interventions(
    priorities: list[str], coalition: Coalition | None = None, limit: int = 6
) -> list[Suggestion]:
    """What fits ``priorities``: for a coalition, what its members may read (``visible_in``);
    for a region without a coalition yet, only what is public."""
    model = _intervention_model()
    if model is not None:
        rows: list[models.Model] = list(model.objects.all()[:CANDIDATES])  # type: ignore[attr-defined]  # the model is looked up by name
    elif coalition is not None:
        rows = list(KnowledgeItem.objects.visible_in(coalition)[:CANDIDATES])
    else:
        rows = list(KnowledgeItem.objects.public().select_related("coalition")[:CANDIDATES])
    scored = []
    for row in rows:
        themes = list(getattr(row, "themes", []) or [])
        score = _score(themes, priorities)
        if score:
            scored.append((score, row))
    scored.sort(key=lambda pair: -pair[0])
    return [_suggestion(row, coalition) for _score_value, row in scored[:limit]]


def _suggestion(row: models.Model, coalition: Coalition | None) -> Suggestion:
    if isinstance(row, KnowledgeItem):
        url = ""
        if coalition is not None:
            url = reverse("knowledge:item", kwargs={"slug": coalition.slug, "item_id": row.pk})
        return Suggestion(row.title, row.summary, list(row.themes), url, row.coalition.name)
    get_url = getattr(row, "get_absolute_url", None)
    return Suggestion(
        str(getattr(row, "title", row)),
        str(getattr(row, "summary", "") or getattr(row, "description", "")),
        list(getattr(row, "themes", []) or []),
        get_url() if callable(get_url) else "",
        "",
    )
