from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from weerbaar.referrals.choices import ReferralStatus

if TYPE_CHECKING:
    from weerbaar.partners.models import Partner
    from weerbaar.referrals.models import HelpOffer, Referral  # noqa: F401

OPEN_STATUSES = (ReferralStatus.SENT, ReferralStatus.INFO_REQUESTED)
FINISHED_STATUSES = (ReferralStatus.CLOSED, ReferralStatus.WITHDRAWN)


class HelpOfferQuerySet(models.QuerySet["HelpOffer"]):
    def active(self) -> HelpOfferQuerySet:
        return self.filter(is_active=True, partner__isnull=False)

    def stale(self, freshness_days: int, today: datetime.date | None = None) -> HelpOfferQuerySet:
        today = today or timezone.localdate()
        return self.filter(assured_on__lt=today - datetime.timedelta(days=freshness_days))


class ReferralQuerySet(models.QuerySet["Referral"]):
    def open(self) -> ReferralQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def received_by(self, partner: Partner) -> ReferralQuerySet:
        """The receiving partner's queue: referrals to one of its offers."""
        return self.filter(offer__partner=partner)

    def sent_by(self, partner: Partner) -> ReferralQuerySet:
        return self.filter(referring_partner=partner)

    def overdue(self, now: datetime.datetime | None = None) -> ReferralQuerySet:
        return self.filter(status=ReferralStatus.SENT, deadline__lt=now or timezone.now())

    def finished_before(self, moment: datetime.datetime) -> ReferralQuerySet:
        """Closed or withdrawn cases whose end lies before ``moment`` (for deletion)."""
        return self.filter(status__in=FINISHED_STATUSES, closed_at__lt=moment)
