from __future__ import annotations

from django.test import TestCase

from weerbaar.coalitions.models import Coalition
from weerbaar.dev.demo import DEMO_SLUG, load_demo
from weerbaar.referrals.choices import ReferralStatus
from weerbaar.referrals.models import CrisisLine, HelpOffer, Referral
from weerbaar.referrals.open_referral import KINDS, build_export, get_schema_errors


class ReferralsDemoTestCase(TestCase):
    def test_it_loads_offers_crisis_lines_and_a_referral_in_every_status(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        offers = HelpOffer.objects.filter(coalition=coalition)
        self.assertGreaterEqual(offers.count(), 25)
        self.assertGreaterEqual(offers.values("partner").distinct().count(), 10)
        self.assertTrue(any(o.is_stale() for o in offers))
        self.assertEqual(
            set(CrisisLine.objects.filter(coalition=coalition).values_list("name", flat=True)),
            {"112", "113 Zelfmoordpreventie", "Veilig Thuis", "De Kindertelefoon", "Helpwanted"},
        )
        statuses = set(
            Referral.objects.filter(coalition=coalition).values_list("status", flat=True)
        )
        self.assertEqual(statuses, set(ReferralStatus.values))
        document = build_export(coalition)
        for key, kind in KINDS.items():
            for record in document[key]:
                self.assertEqual(get_schema_errors(kind, record), [], record["id"])
