"""Embedding (borging) coverage: how many of a coalition's partners tick each checklist item."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.partners.models import Embedding, Partner

# Each item of the checklist and when a partner's answers count as ticking it.
ITEMS: list[tuple[str, str | Promise, Callable[[Embedding], bool]]] = [
    ("endorsed", _("Endorsed by own management"), lambda e: e.endorsed_by_management),
    ("contact", _("Named contact person"), lambda e: bool(e.contact_person.strip())),
    ("budget", _("Budget line for the coalition's work"), lambda e: e.has_budget),
    ("internal", _("Internal embedding described"), lambda e: bool(e.internal_embedding.strip())),
    ("since", _("Embedded since a known date"), lambda e: e.embedded_since is not None),
]


@dataclass(frozen=True)
class CoverageRow:
    key: str
    label: str | Promise
    count: int
    total: int

    @property
    def percentage(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0


def get_ticked_items(embedding: Embedding | None) -> set[str]:
    """The keys of the checklist items ``embedding`` ticks (none without answers)."""
    if embedding is None:
        return set()
    return {key for key, _label, ticks in ITEMS if ticks(embedding)}


def get_embedding_coverage(
    partners: Iterable[Partner], embeddings: Iterable[Embedding]
) -> list[CoverageRow]:
    """One row per checklist item: of all ``partners``, how many tick it."""
    partner_ids = {p.pk for p in partners}
    answered = [e for e in embeddings if e.partner_id in partner_ids]
    return [
        CoverageRow(key, label, sum(1 for e in answered if ticks(e)), len(partner_ids))
        for key, label, ticks in ITEMS
    ]
