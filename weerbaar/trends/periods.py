"""ISO weeks and months: the periods rollups count in."""

from __future__ import annotations

import datetime


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of ``day``'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def week_label(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_back(monday: datetime.date, count: int) -> list[datetime.date]:
    """The ``count`` Mondays before ``monday``, oldest first."""
    return [monday - datetime.timedelta(weeks=n) for n in range(count, 0, -1)]
