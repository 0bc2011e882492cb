from __future__ import annotations

import datetime
from typing import Any

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.signals.actions import do_report_signal
from weerbaar.signals.models import Signal


def report(reporter: User | None, coalition: Coalition, text: str, **fields: Any) -> Signal:
    """A signal reported through the action, with plain defaults for what the test ignores."""
    values: dict[str, Any] = {
        "platforms": ["instagram"],
        "space": "closed",
        "age_group": "12_15",
        "area": None,
        "first_seen": None,
        "urgency": "concern",
    }
    values.update(fields)
    return do_report_signal(reporter, coalition, text=text, **values)


def days_ago(days: int) -> datetime.datetime:
    from django.utils import timezone

    return timezone.now() - datetime.timedelta(days=days)
