"""Reach figures of a campaign grouped per measure, ready for a chart and its table."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats

from weerbaar.campaigns.choices import ReachMeasure
from weerbaar.campaigns.models import Campaign, ReachFigure


@dataclass(frozen=True)
class ReachRow:
    label: str
    value: int
    note: str


@dataclass(frozen=True)
class ReachSeries:
    measure: str
    label: str
    rows: list[ReachRow]

    @property
    def total(self) -> int:
        return sum(row.value for row in self.rows)


def get_reach_series(campaign: Campaign) -> list[ReachSeries]:
    """One series per measure that has figures, in the order of ``ReachMeasure``, each with
    its figures by date (a figure counts what happened since the previous one)."""
    by_measure: dict[str, list[ReachFigure]] = {}
    for figure in campaign.reach_figures.order_by("measured_on", "pk"):
        by_measure.setdefault(figure.measure, []).append(figure)
    return [
        ReachSeries(
            measure=measure.value,
            label=str(measure.label),
            rows=[
                ReachRow(formats.date_format(f.measured_on, "j M Y"), f.value, f.note)
                for f in by_measure[measure.value]
            ],
        )
        for measure in ReachMeasure
        if measure.value in by_measure
    ]
