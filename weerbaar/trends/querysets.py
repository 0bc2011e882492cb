from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Sum

from weerbaar.trends.choices import Period, SourceKind, SourceStatus

if TYPE_CHECKING:
    from weerbaar.trends.models import Rollup, Source  # noqa: F401


class SourceQuerySet(models.QuerySet["Source"]):
    def active(self) -> SourceQuerySet:
        return self.filter(status=SourceStatus.ACTIVE)

    def feeds(self) -> SourceQuerySet:
        return self.filter(kind=SourceKind.FEED)


class RollupQuerySet(models.QuerySet["Rollup"]):
    def weeks(self, start: datetime.date, end: datetime.date) -> RollupQuerySet:
        """Weekly cells with a Monday in [start, end)."""
        return self.filter(period=Period.WEEK, period_start__gte=start, period_start__lt=end)

    def filtered(self, **dimensions: str) -> RollupQuerySet:
        """Cells matching every non-empty dimension (theme, platform, area, age_group, source)."""
        rows = self
        for name, value in dimensions.items():
            if value:
                rows = rows.filter(**{name if name != "source" else "source_id": value})
        return rows

    def totals_by(self, *fields: str) -> dict[tuple[Any, ...], int]:
        """Summed counts keyed by the values of ``fields``."""
        return {
            tuple(row[f] for f in fields): row["total"] or 0
            for row in self.values(*fields).annotate(total=Sum("count")).order_by()
        }
