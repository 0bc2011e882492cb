"""Events as iCalendar (RFC 5545): one event, or a coalition's feed for calendar programs."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.events.models import Event

PRODID = "-//Weerbaar//Evenementen//NL"


def _component(event: Event, zone: ZoneInfo) -> icalendar.Event:
    url = str(settings.SITE_URL) + reverse(
        "events:event", kwargs={"slug": event.coalition.slug, "event_id": event.pk}
    )
    component = icalendar.Event()
    component.add("uid", f"{event.uid}@weerbaar")
    component.add("dtstamp", event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("dtstart", event.starts_at.astimezone(zone))
    component.add("dtend", event.ends_at.astimezone(zone))
    component.add("summary", event.title)
    description = event.description
    if event.online_link:
        description = f"{description}\n\n{event.online_link}".strip()
    component.add("description", f"{description}\n\n{url}".strip())
    if event.location:
        component.add("location", event.location)
    elif event.online_link:
        component.add("location", event.online_link)
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("status", "CANCELLED" if event.is_cancelled() else "CONFIRMED")
    return component


def render_calendar(coalition: Coalition, events: Iterable[Event], *, name: str) -> bytes:
    """The ``.ics`` text for ``events``, in Europe/Amsterdam time with its VTIMEZONE."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_component(event, zone))
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical


def get_feed_window_start() -> datetime.datetime:
    """The feed carries the past year and everything ahead."""
    return timezone.now() - datetime.timedelta(days=365)
