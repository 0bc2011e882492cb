"""Events' news for the member home and the weekly digest (``weerbaar.updates``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from weerbaar.events.choices import EventStatus
from weerbaar.events.models import Event
from weerbaar.updates.registry import Update, UpdateSource, register

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


def collect_new_events(
    coalition: Coalition, user: User, since: datetime.datetime, limit: int
) -> list[Update]:
    """Upcoming events of ``coalition`` planned after ``since``, not by ``user``."""
    rows = (
        Event.objects.filter(coalition=coalition, created_at__gt=since)
        .upcoming(timezone.now())
        .exclude(status=EventStatus.CANCELLED)
        .exclude(created_by=user)
        .order_by("-created_at")[:limit]
    )
    return [
        Update(
            title=row.title,
            path=row.get_absolute_url(),
            at=row.created_at,
            kind=date_format(timezone.localtime(row.starts_at), "j F Y"),
        )
        for row in rows
    ]


def register_updates() -> None:
    register(UpdateSource("events", _("Events"), collect_new_events))
