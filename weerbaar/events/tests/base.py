"""Shared set-up for the events tests: events made through the real action."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core import mail
from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.events.actions import do_create_event
from weerbaar.events.choices import EventAudience, EventKind
from weerbaar.events.models import Event


def event_fields(**overrides: Any) -> dict[str, Any]:
    start = timezone.now() + datetime.timedelta(days=14)
    fields: dict[str, Any] = {
        "kind": EventKind.INSPIRATION_MEETING,
        "title": "Inspiratiebijeenkomst nepnieuws",
        "description": "Over **nepnieuws** en jongeren.",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "location": "Bibliotheek, Stationsplein 1, Voorbeeldstad",
        "online_link": "",
        "audience": EventAudience.PUBLIC,
        "capacity": 10,
        "registration_deadline": None,
    }
    fields.update(overrides)
    return fields


def make_event(coalition: Coalition, **overrides: Any) -> Event:
    return do_create_event(None, coalition, **event_fields(**overrides))


def link_in_last_mail(to: str, pattern: str) -> str:
    """The path of the last link matching ``pattern`` in the newest mail to ``to``."""
    sent = [m for m in mail.outbox if to in m.to]
    assert sent, f"no mail to {to}"
    found = re.findall(r"https?://[^/\s]+(/\S*" + pattern + r"\S*)", str(sent[-1].body))
    assert found, sent[-1].body
    path: str = found[-1]
    return path
