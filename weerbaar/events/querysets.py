from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models

from weerbaar.events.choices import ACTIVE_STATUSES, EventAudience, RegistrationStatus

if TYPE_CHECKING:
    from weerbaar.events.models import Event, Registration  # noqa: F401


class EventQuerySet(models.QuerySet["Event"]):
    def public(self) -> EventQuerySet:
        return self.filter(audience=EventAudience.PUBLIC)

    def visible_to(self, is_member: bool) -> EventQuerySet:
        """Members see every event of their coalition; everyone else only public ones."""
        return self if is_member else self.public()

    def upcoming(self, now: datetime.datetime) -> EventQuerySet:
        return self.filter(ends_at__gte=now).order_by("starts_at", "pk")

    def past(self, now: datetime.datetime) -> EventQuerySet:
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-pk")


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self) -> RegistrationQuerySet:
        """First come, first served: the order in which places are offered."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "pk")
