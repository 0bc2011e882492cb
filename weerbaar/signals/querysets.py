from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from weerbaar.signals.choices import OPEN_STATUSES

if TYPE_CHECKING:
    from weerbaar.signals.models import Signal  # noqa: F401


class SignalQuerySet(models.QuerySet["Signal"]):
    def open(self) -> SignalQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None) -> SignalQuerySet:
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def recent(self, days: int, now: datetime.datetime | None = None) -> SignalQuerySet:
        return self.filter(created_at__gte=(now or timezone.now()) - datetime.timedelta(days=days))
