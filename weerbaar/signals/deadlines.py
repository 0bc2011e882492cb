"""Triage deadlines by urgency, counted in working days (Monday to Friday)."""

from __future__ import annotations

import datetime

from django.conf import settings

from weerbaar.signals.choices import Urgency


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """``days`` working days after ``start``; 0 is ``start`` itself (a weekend day then
    moves to the next Monday)."""
    current = start
    while current.weekday() >= 5:
        current += datetime.timedelta(days=1)
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def get_deadline(urgency: str, reported_on: datetime.date) -> datetime.date | None:
    """When triage must be done; ``None`` for information, which has no deadline."""
    days: dict[str, int] = settings.SIGNAL_DEADLINE_WORKING_DAYS
    if urgency not in days:
        return None
    if urgency == Urgency.ACUTE:
        return reported_on
    return add_working_days(reported_on, days[urgency])
