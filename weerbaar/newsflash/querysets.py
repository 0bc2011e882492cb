from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus

if TYPE_CHECKING:
    from weerbaar.newsflash.models import Newsflash, NewsflashDelivery  # noqa: F401


class NewsflashQuerySet(models.QuerySet["Newsflash"]):
    def published(self) -> NewsflashQuerySet:
        """Issues that went out (or are going out): the web archive."""
        return self.exclude(status=NewsflashStatus.DRAFT)


class DeliveryQuerySet(models.QuerySet["NewsflashDelivery"]):
    def pending(self) -> DeliveryQuerySet:
        return self.filter(status=DeliveryStatus.PENDING)

    def counts(self) -> dict[str, int]:
        """The number of rows per status, every status present."""
        found = dict(
            self.order_by()
            .values_list("status")
            .annotate(n=models.Count("pk"))
            .values_list("status", "n")
        )
        return {status: found.get(status, 0) for status in DeliveryStatus.values}
