from __future__ import annotations

import datetime

from django.urls import reverse

from weerbaar.referrals.actions import do_change_referral_status
from weerbaar.referrals.models import Referral
from weerbaar.referrals.overview import get_decline_reasons, get_referral_figures
from weerbaar.referrals.tests.base import ReferralsTestCase
from weerbaar.referrals.workflow import Side


class OverviewTestCase(ReferralsTestCase):
    def test_it_counts_acceptance_time_and_reasons_without_showing_cases(self) -> None:
        receiver = {Side.RECEIVER}
        fast, slow, declined, _waiting = (self.refer() for _ in range(4))
        for referral, hours in ((fast, 2), (slow, 10)):
            do_change_referral_status(self.bram, referral, "accepted", receiver)
            Referral.objects.filter(pk=referral.pk).update(
                accepted_at=referral.created_at + datetime.timedelta(hours=hours)
            )
        do_change_referral_status(
            self.bram, declined, "declined", receiver, decline_reason="capacity"
        )
        rows = Referral.objects.filter(coalition=self.coalition)

        figures = get_referral_figures(rows)

        self.assertEqual(figures.total, 4)
        self.assertEqual(figures.acceptance_rate, 67)
        self.assertEqual(figures.median_hours_to_accept, 6.0)
        self.assertEqual(figures.by_partner, [("Bibliotheek", 4)])
        self.assertEqual(get_decline_reasons(rows), [("Op dit moment geen plek", 1)])
        self.log_in(self.anna)
        page = self.client.get(reverse("referrals:overview", args=["voorbeeldstad"]))
        self.assertContains(page, "67%")
        self.assertNotContains(page, "Meisje van 14")
