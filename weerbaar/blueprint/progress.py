"""Progress of a coalition's plan per phase: done against total, and what is overdue."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from weerbaar.blueprint.choices import Phase
from weerbaar.blueprint.models import PlanTask


@dataclass(frozen=True)
class PhaseProgress:
    phase: Phase
    tasks: list[PlanTask]
    overdue: set[int]

    @property
    def label(self) -> str | Promise:
        return self.phase.label

    @property
    def done(self) -> int:
        return sum(1 for task in self.tasks if task.is_done())

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def percentage(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def get_phase_progress(tasks: Iterable[PlanTask], today: datetime.date) -> list[PhaseProgress]:
    """One row per phase of the Utrecht path, in order, with its tasks in plan order."""
    tasks = list(tasks)
    return [
        PhaseProgress(
            phase,
            [t for t in tasks if t.phase == phase],
            {t.pk for t in tasks if t.phase == phase and t.is_overdue(today)},
        )
        for phase in Phase
    ]
