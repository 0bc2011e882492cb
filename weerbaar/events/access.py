"""Which events a visitor may see, on top of the permission a view declares."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.events.models import Event
from weerbaar.events.querysets import EventQuerySet


def get_visible_events(request: HttpRequest) -> EventQuerySet:
    """Members see all their coalition's events; everyone else only the public ones."""
    coalition = request.coalition  # type: ignore[attr-defined]
    is_member = getattr(request, "membership", None) is not None
    events: EventQuerySet = for_coalition(Event.objects.all(), coalition)
    return events.visible_to(is_member)


def access_event(request: HttpRequest, event_id: int) -> Event:
    """An event of this coalition the visitor may see; 404 for members-only events (their
    existence is not public) and for other coalitions' events."""
    return get_object_or_404(
        get_visible_events(request).select_related("coalition", "report_item"), pk=event_id
    )


def access_event_for_management(request: HttpRequest, event_id: int) -> Event:
    coalition = request.coalition  # type: ignore[attr-defined]
    return get_object_or_404(
        for_coalition(Event.objects.all(), coalition).select_related("coalition"), pk=event_id
    )
