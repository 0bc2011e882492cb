"""Rollups: counts per ISO week and month, by theme x platform x area x age group x source.

``do_roll_up_pending`` adds the rows not counted yet (each source table has a ``rolled_up``
flag) to the rollup cells, in one transaction per batch: new cells are bulk-created, existing
ones bulk-updated. ``do_rebuild_rollups`` throws a coalition's cells away and counts every row
again (``manage.py rebuild_trend_rollups``). Dashboards read only ``Rollup``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.signals.models import Signal
from weerbaar.trends.choices import Period, SourceKind, SourceStatus
from weerbaar.trends.models import AggregateFigure, FeedItem, Rollup, SignalFact, Source
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


def add_to_rollups(counts: Mapping[CellKey, int]) -> None:
    """Add ``counts`` (negative to subtract) to the stored cells, in the caller's transaction."""
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
        if n == 0:
            continue
        if key in existing:
            cell = existing[key]
            cell.count = max(cell.count + n, 0)
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
                    count=max(n, 0),
                )
            )
    Rollup.objects.bulk_update(changed, ["count"], batch_size=1000)
    Rollup.objects.bulk_create(new, batch_size=1000)


def signal_fact(signal: Signal, source: Source) -> SignalFact:
    """What one signal counts as: its day, first theme, first platform, area and age group.

    One signal counts once: a signal with two themes or platforms counts under its first
    (the confirmed themes, else the model's best suggestion), so totals stay totals.
    """
    themes = list(signal.themes) or [t for t, _p in signal.suggested_themes[:1]]
    return SignalFact(
        coalition_id=signal.coalition_id,
        source=source,
        signal_id=signal.pk,
        day=timezone.localdate(signal.created_at),
        theme=themes[0] if themes else "other",
        platform=signal.platforms[0] if signal.platforms else "",
        area=signal.area.name if signal.area is not None else "",
        age_group=signal.age_group,
    )


def _fact_cells(fact: SignalFact) -> Iterable[CellKey]:
    return _cells(
        fact.coalition_id,
        fact.source_id,
        fact.day,
        fact.theme,
        fact.platform,
        fact.area,
        fact.age_group,
    )


def _same(a: SignalFact, b: SignalFact) -> bool:
    fields = ("day", "theme", "platform", "area", "age_group")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def do_roll_up_signals(source: Source, batch: int = BATCH) -> tuple[int, list[Signal]]:
    """Count the signals changed since the source's ``counted_until``.

    Returns how many signals were read and which of them were new.

    Counts only while the built-in signals source is switched on (its register entry is
    complete). A signal whose theme changed in triage moves from its old cell to the new one.
    """
    new_signals: list[Signal] = []
    with transaction.atomic():
        locked = Source.objects.select_for_update().get(pk=source.pk)
        if locked.kind != SourceKind.SIGNALS or locked.status != SourceStatus.ACTIVE:
            return 0, []
        signals = Signal.objects.filter(coalition_id=locked.coalition_id).select_related("area")
        if locked.counted_until is not None:
            signals = signals.filter(updated_at__gt=locked.counted_until)
        changed = list(signals.order_by("updated_at", "pk")[:batch])
        if not changed:
            return 0, []
        known = {
            f.signal_id: f for f in SignalFact.objects.filter(signal_id__in=[s.pk for s in changed])
        }
        delta: Counter[CellKey] = Counter()
        for signal in changed:
            fact = signal_fact(signal, locked)
            old = known.get(signal.pk)
            if old is not None and _same(old, fact):
                continue
            if old is not None:
                for key in _fact_cells(old):
                    delta[key] -= 1
                fact.pk = old.pk
            else:
                new_signals.append(signal)
            for key in _fact_cells(fact):
                delta[key] += 1
            fact.save()
        add_to_rollups(delta)
        last = changed[-1].updated_at
        if len(changed) == batch:
            # The batch may have cut a group of signals changed at the same moment: stop the
            # mark before that moment, so the next run reads the group whole (the facts
            # already stored make the ones counted now a no-op then).
            earlier = [s.updated_at for s in changed if s.updated_at < last]
            last = earlier[-1] if earlier else last
        locked.counted_until = last
        locked.save(update_fields=["counted_until"])
    return len(changed), new_signals


def do_roll_up_pending(batch: int = BATCH) -> int:
    """Count every row not counted yet; returns how many rows were counted."""
    from weerbaar.trends.actions import do_count_watch_matches

    done = 0
    for source in Source.objects.filter(kind=SourceKind.SIGNALS, status=SourceStatus.ACTIVE):
        while True:
            read, signals = do_roll_up_signals(source, batch)
            if signals:
                do_count_watch_matches(
                    source.coalition,
                    [(timezone.localdate(s.created_at), s.text) for s in signals],
                )
            done += len(signals)
            if read < batch:
                break
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
        # Signals are recounted from their facts; ``do_roll_up_pending`` adds what changed.
        cells = Rollup.objects.all()
        items = FeedItem.objects.all()
        figures = AggregateFigure.objects.all()
        if coalition is not None:
            cells = cells.filter(coalition=coalition)
            items = items.filter(coalition=coalition)
            figures = figures.filter(coalition=coalition)
        cells.delete()
        facts = SignalFact.objects.all()
        if coalition is not None:
            facts = facts.filter(coalition=coalition)
        counts: Counter[CellKey] = Counter()
        for fact in facts.iterator(chunk_size=BATCH):
            for key in _fact_cells(fact):
                counts[key] += 1
        counts += count_feed_items(
            items.only("coalition_id", "source_id", "published_at", "theme").iterator(
                chunk_size=BATCH
            )
        ) + count_figures(figures.iterator(chunk_size=BATCH))
        add_to_rollups(counts)
        items.update(rolled_up=True)
        figures.update(rolled_up=True)
        return len(counts)
