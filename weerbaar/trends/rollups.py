"""Rollups: counts per ISO week and month, by theme x platform x area x age group x source.

``do_roll_up_pending`` adds the rows not counted yet (each source table has a ``rolled_up``
flag) to the rollup cells, in one transaction per batch: new cells are bulk-created, existing
ones bulk-updated. ``do_rebuild_rollups`` throws a coalition's cells away and counts every row
again (``manage.py rebuild_trend_rollups``). Dashboards read only ``Rollup``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.trends.choices import Period
from weerbaar.trends.models import AggregateFigure, FeedItem, Rollup
from weerbaar.trends.periods import month_start, week_start

# (coalition id, source id, period, period start, theme, platform, area, age group)
CellKey = tuple[int, int, str, datetime.date, str, str, str, str]

FEED_PLATFORM = "news"
BATCH = 5000


def _cells(
    coalition_id: int,
    source_id: int,
    day: datetime.date,
    theme: str,
    platform: str,
    area: str,
    age_group: str,
) -> Iterable[CellKey]:
    yield (coalition_id, source_id, Period.WEEK, week_start(day), theme, platform, area, age_group)
    yield (
        coalition_id,
        source_id,
        Period.MONTH,
        month_start(day),
        theme,
        platform,
        area,
        age_group,
    )


def count_feed_items(items: Iterable[FeedItem]) -> Counter[CellKey]:
    counts: Counter[CellKey] = Counter()
    for item in items:
        day = timezone.localdate(item.published_at)
        for key in _cells(
            item.coalition_id, item.source_id, day, item.theme, FEED_PLATFORM, "", ""
        ):
            counts[key] += 1
    return counts


def count_figures(figures: Iterable[AggregateFigure]) -> Counter[CellKey]:
    counts: Counter[CellKey] = Counter()
    for figure in figures:
        for key in _cells(
            figure.coalition_id,
            figure.source_id,
            figure.week_start,
            figure.theme,
            figure.platform,
            figure.area,
            figure.age_group,
        ):
            counts[key] += figure.count
    return counts


def add_to_rollups(counts: Counter[CellKey]) -> None:
    """Add ``counts`` to the stored cells (inside the caller's transaction)."""
    if not counts:
        return
    source_ids = {key[1] for key in counts}
    starts = {key[3] for key in counts}
    existing: dict[CellKey, Rollup] = {}
    for cell in Rollup.objects.select_for_update().filter(
        source_id__in=source_ids, period_start__in=starts
    ):
        key = (
            cell.coalition_id,
            cell.source_id,
            cell.period,
            cell.period_start,
            cell.theme,
            cell.platform,
            cell.area,
            cell.age_group,
        )
        existing[key] = cell
    changed, new = [], []
    for key, n in counts.items():
        if key in existing:
            cell = existing[key]
            cell.count += n
            changed.append(cell)
        else:
            coalition_id, source_id, period, start, theme, platform, area, age_group = key
            new.append(
                Rollup(
                    coalition_id=coalition_id,
                    source_id=source_id,
                    period=period,
                    period_start=start,
                    theme=theme,
                    platform=platform,
                    area=area,
                    age_group=age_group,
                    count=n,
                )
            )
    Rollup.objects.bulk_update(changed, ["count"], batch_size=1000)
    Rollup.objects.bulk_create(new, batch_size=1000)


def do_roll_up_pending(batch: int = BATCH) -> int:
    """Count every row not counted yet; returns how many rows were counted."""
    done = 0
    while True:
        with transaction.atomic():
            items = list(
                FeedItem.objects.select_for_update(skip_locked=True)
                .filter(rolled_up=False)
                .order_by("pk")[:batch]
            )
            figures = list(
                AggregateFigure.objects.select_for_update(skip_locked=True)
                .filter(rolled_up=False)
                .order_by("pk")[:batch]
            )
            if not items and not figures:
                return done
            counts = count_feed_items(items) + count_figures(figures)
            add_to_rollups(counts)
            FeedItem.objects.filter(pk__in=[i.pk for i in items]).update(rolled_up=True)
            AggregateFigure.objects.filter(pk__in=[f.pk for f in figures]).update(rolled_up=True)
            done += len(items) + len(figures)


def do_rebuild_rollups(coalition: Coalition | None = None) -> int:
    """Recount from scratch (one coalition, or all); returns the number of cells written."""
    with transaction.atomic():
        cells = Rollup.objects.all()
        items = FeedItem.objects.all()
        figures = AggregateFigure.objects.all()
        if coalition is not None:
            cells = cells.filter(coalition=coalition)
            items = items.filter(coalition=coalition)
            figures = figures.filter(coalition=coalition)
        cells.delete()
        counts = count_feed_items(
            items.only("coalition_id", "source_id", "published_at", "theme").iterator(
                chunk_size=BATCH
            )
        ) + count_figures(figures.iterator(chunk_size=BATCH))
        add_to_rollups(counts)
        items.update(rolled_up=True)
        figures.update(rolled_up=True)
        return len(counts)
