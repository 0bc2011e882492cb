"""The figures of the trend dashboard, read from the rollups only, with small cells hidden.

``k=None`` means the reader is an analyst and sees every count. Otherwise a count of 1…k-1 is
hidden, a filtered count is hidden when the unfiltered count minus it is 1…k-1 (differencing
between filters), and tables with a total hide a second cell when only one would be hidden.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Coalition
from weerbaar.trends.choices import AGE_GROUP_LABELS, PLATFORM_LABELS, Period
from weerbaar.trends.models import Rollup
from weerbaar.trends.periods import month_start, week_label, week_start
from weerbaar.trends.stats import percent_change, suppress_part, suppress_row

COMPARE_WEEKS = 4
CHART_WIDTH = 640
CHART_HEIGHT = 160


@dataclass(frozen=True)
class Filters:
    theme: str = ""
    platform: str = ""
    area: str = ""
    age_group: str = ""
    source: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "theme": self.theme,
            "platform": self.platform,
            "area": self.area,
            "age_group": self.age_group,
            "source": self.source,
        }

    def any(self) -> bool:
        return any(self.as_dict().values())


@dataclass
class Point:
    start: datetime.date
    label: str
    value: int | None  # None: hidden because it is small


@dataclass
class Series:
    theme: str
    label: str
    points: list[Point]
    summary: str
    recent: int | None
    previous: int | None
    change: float | None
    segments: list[str] = field(default_factory=list)  # SVG polyline point lists
    dots: list[tuple[float, float]] = field(default_factory=list)  # one per shown point
    largest: int = 0


@dataclass
class Row:
    label: str
    value: int | None


@dataclass
class Dashboard:
    series: list[Series]
    platforms: list[Row]
    platforms_total: int | None
    areas: list[Row]
    areas_total: int | None
    k: int | None
    hidden_any: bool
    periods: list[datetime.date]
    monthly: bool = False


def get_periods(period: str, end: datetime.date, count: int) -> list[datetime.date]:
    """``count`` period starts up to and including the one holding ``end``, oldest first."""
    if period == Period.MONTH:
        starts = [month_start(end)]
        for _i in range(count - 1):
            starts.append(month_start(starts[-1] - datetime.timedelta(days=1)))
        return starts[::-1]
    monday = week_start(end)
    return [monday - datetime.timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def _label(period: str, start: datetime.date) -> str:
    return week_label(start) if period == Period.WEEK else start.strftime("%Y-%m")


def _hide(value: int, whole: int, k: int | None, filtered: bool) -> int | None:
    if k is None:
        return value
    if filtered:
        return suppress_part(value, whole, k)
    return None if 0 < value < k else value


def _dots(points: list[Point], largest: int) -> list[tuple[float, float]]:
    """A dot per shown point, so a week between two hidden ones is still drawn."""
    step = CHART_WIDTH / max(len(points) - 1, 1)
    return [
        (round(i * step, 1), round(CHART_HEIGHT - (CHART_HEIGHT * p.value / largest), 1))
        for i, p in enumerate(points)
        if p.value is not None and largest
    ]


def _segments(points: list[Point], largest: int) -> list[str]:
    step = CHART_WIDTH / max(len(points) - 1, 1)
    segments: list[list[str]] = [[]]
    for index, point in enumerate(points):
        if point.value is None:
            segments.append([])
            continue
        y = CHART_HEIGHT - (CHART_HEIGHT * point.value / largest if largest else 0)
        segments[-1].append(f"{index * step:.1f},{y:.1f}")
    return [" ".join(s) for s in segments if s]


def summarise(
    label: str, recent: int | None, previous: int | None, weeks: int, *, monthly: bool = False
) -> str:
    """One line such as "Hate speech: +40 % compared with the previous 4 weeks"."""
    if recent is None or previous is None:
        return _("%(theme)s: too few to compare.") % {"theme": label}
    change = percent_change(recent, previous)
    if monthly:
        if change is None:
            return _("%(theme)s: %(count)d this month, none the month before.") % {
                "theme": label,
                "count": recent,
            }
        return _("%(theme)s: %(change)s %% compared with the previous month") % {
            "theme": label,
            "change": f"{change:+.0f}",
        }
    if change is None:
        return _("%(theme)s: %(count)d in the last %(weeks)d weeks, none before.") % {
            "theme": label,
            "count": recent,
            "weeks": weeks,
        }
    return _("%(theme)s: %(change)s %% compared with the previous %(weeks)d weeks") % {
        "theme": label,
        "change": f"{change:+.0f}",
        "weeks": weeks,
    }


def get_dashboard(
    coalition: Coalition,
    *,
    end: datetime.date,
    period: str = Period.WEEK,
    count: int = 12,
    filters: Filters | None = None,
    k: int | None,
) -> Dashboard:
    filters = filters or Filters()
    starts = get_periods(period, end, count)
    first = starts[0]
    # The comparison needs 2 x 4 weeks; read that much even when fewer periods are shown.
    if period == Period.WEEK:
        first = min(first, starts[-1] - datetime.timedelta(weeks=2 * COMPARE_WEEKS - 1))
    after = end + datetime.timedelta(days=1)
    cells = Rollup.objects.filter(
        coalition=coalition, period=period, period_start__gte=first, period_start__lt=after
    )
    chosen = cells.filtered(**filters.as_dict())
    by_theme = chosen.totals_by("theme", "period_start")
    unfiltered = cells.totals_by("theme", "period_start") if filters.any() else by_theme
    filtered = filters.any()
    hidden_any = False
    series: list[Series] = []
    for theme in Theme:
        if filters.theme and theme != filters.theme:
            continue

        def value(start: datetime.date, theme: str = theme) -> int:
            return by_theme.get((theme, start), 0)

        def whole(start: datetime.date, theme: str = theme) -> int:
            return unfiltered.get((theme, start), 0)

        if not any(value(s) for s in starts) and not filters.theme:
            continue
        points = [
            Point(s, _label(period, s), _hide(value(s), whole(s), k, filtered)) for s in starts
        ]
        recent = previous = None
        if period == Period.WEEK:
            last = starts[-1]
            recent_weeks = [last - datetime.timedelta(weeks=n) for n in range(COMPARE_WEEKS)]
            previous_weeks = [w - datetime.timedelta(weeks=COMPARE_WEEKS) for w in recent_weeks]
            recent = _hide(
                sum(value(w) for w in recent_weeks),
                sum(whole(w) for w in recent_weeks),
                k,
                filtered,
            )
            previous = _hide(
                sum(value(w) for w in previous_weeks),
                sum(whole(w) for w in previous_weeks),
                k,
                filtered,
            )
        elif len(starts) > 1:
            recent, previous = points[-1].value, points[-2].value
        hidden = any(p.value is None for p in points)
        if hidden:
            # A sum over hidden weeks minus the shown ones would give a hidden week back.
            recent = previous = None
        hidden_any = hidden_any or hidden
        label = str(theme.label)
        largest = max((p.value or 0 for p in points), default=0)
        series.append(
            Series(
                theme=theme.value,
                label=label,
                points=points,
                summary=summarise(
                    label, recent, previous, COMPARE_WEEKS, monthly=period == Period.MONTH
                ),
                recent=recent,
                previous=previous,
                change=(
                    percent_change(recent, previous)
                    if recent is not None and previous is not None
                    else None
                ),
                segments=_segments(points, largest),
                dots=_dots(points, largest),
                largest=largest,
            )
        )
    shown = chosen.filter(period_start__gte=starts[0])
    platforms, platforms_total, hidden_platforms = _table(
        shown.totals_by("platform"),
        cells.filter(period_start__gte=starts[0]).totals_by("platform") if filtered else None,
        PLATFORM_LABELS,
        k,
    )
    areas, areas_total, hidden_areas = _table(
        shown.totals_by("area"),
        cells.filter(period_start__gte=starts[0]).totals_by("area") if filtered else None,
        {"": _("Unknown")},
        k,
    )
    return Dashboard(
        series=series,
        platforms=platforms,
        platforms_total=platforms_total,
        areas=areas,
        areas_total=areas_total,
        k=k,
        hidden_any=hidden_any or hidden_platforms or hidden_areas,
        periods=starts,
        monthly=period == Period.MONTH,
    )


def _table(
    counts: dict[tuple[object, ...], int],
    wholes: dict[tuple[object, ...], int] | None,
    labels: Mapping[str, object],
    k: int | None,
) -> tuple[list[Row], int | None, bool]:
    """Rows largest first, and the total; with complementary and differencing suppression."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0][0])))
    names = [str(key[0]) for key, _n in ordered]
    values = [n for _key, n in ordered]
    if k is None:
        return (
            [Row(str(labels.get(n, n)), v) for n, v in zip(names, values, strict=True)],
            sum(values),
            False,
        )
    row = suppress_row(values, k)
    cells = row.cells
    total = row.total
    if wholes is not None:
        # A cell hidden in the unfiltered table stays hidden here, or the filter would show
        # what complementary suppression hid there.
        whole_names = [str(key[0]) for key in wholes]
        whole_cells = suppress_row(list(wholes.values()), k).cells
        hidden_there = {n for n, c in zip(whole_names, whole_cells, strict=True) if c is None}
        cells = [
            None
            if c is None or name in hidden_there
            else suppress_part(c, wholes.get((name,), 0), k)
            for c, name in zip(cells, names, strict=True)
        ]
        total = None if total is None else suppress_part(total, sum(wholes.values()), k)
        if sum(c is None for c in cells) == 1 and total is not None:
            total = None
    rows = [Row(str(labels.get(n, n)), c) for n, c in zip(names, cells, strict=True)]
    return rows, total, any(c is None for c in cells) or (total is None and bool(values))


def get_age_group_label(code: str) -> str:
    return str(AGE_GROUP_LABELS.get(code, code))
