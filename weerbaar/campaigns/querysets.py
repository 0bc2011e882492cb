from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models

from weerbaar.campaigns.choices import LobbyStatus

if TYPE_CHECKING:
    from weerbaar.campaigns.models import Campaign, LobbyItem  # noqa: F401


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def recent(self, since: datetime.date) -> CampaignQuerySet:
        """Campaigns running on or after ``since``: not ended before it."""
        return self.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=since))

    def public(self) -> CampaignQuerySet:
        return self.filter(is_public=True)


class LobbyItemQuerySet(models.QuerySet["LobbyItem"]):
    def open(self) -> LobbyItemQuerySet:
        return self.exclude(status__in=[LobbyStatus.ACHIEVED, LobbyStatus.NOT_ACHIEVED])
