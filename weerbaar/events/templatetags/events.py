"""The coalition's public page shows its next public events (without importing this app)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.events.models import Event

register = template.Library()

UPCOMING_ON_PUBLIC_PAGE = 3


@register.inclusion_tag("events/_upcoming.html")
def upcoming_public_events(coalition: Coalition) -> dict[str, Any]:
    """The next few public events of ``coalition``, with a link to the whole programme."""
    events = (
        for_coalition(Event.objects.all(), coalition)
        .public()
        .upcoming(timezone.now())
        .select_related("coalition")[:UPCOMING_ON_PUBLIC_PAGE]
    )
    return {"events": list(events), "coalition": coalition}
