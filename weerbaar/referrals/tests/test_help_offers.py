from __future__ import annotations

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.referrals.actions import do_request_offer_confirmations, do_save_help_offer
from weerbaar.referrals.models import HelpOffer, ServiceAtLocation
from weerbaar.referrals.tests.base import ReferralsTestCase, offer_fields


class HelpOfferTestCase(ReferralsTestCase):
    def form_data(self, **overrides: object) -> dict[str, object]:
        data: dict[str, object] = {
            "title": "Ouderspreekuur gamen",
            "description": "Vragen over gamen en schermtijd? Kom langs.",
            "partner": self.library.pk,
            "themes": ["gaming"],
            "audiences": ["parents"],
            "urgency": "regular",
            "cost": "free",
            "phone": "",
            "email": "",
            "address": "Stationsplein 1",
            "postal_code": "1234 AB",
            "city": "Voorbeeldstad",
            "location_name": "Centrale bibliotheek",
            "languages": ["nl", "ar"],
            "is_active": "on",
        }
        data.update(overrides)
        return data

    def test_it_lets_a_partner_admin_add_an_offer_with_a_walk_in_address(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(
            reverse("referrals:create_offer", args=["voorbeeldstad"]), self.form_data()
        )

        offer = HelpOffer.objects.get(title="Ouderspreekuur gamen")
        self.assertRedirects(
            response, reverse("referrals:edit_offer", args=["voorbeeldstad", offer.pk])
        )
        self.assertEqual(offer.partner, self.library)
        self.assertEqual(offer.languages, ["nl", "ar"])
        self.assertEqual(offer.assured_by, self.bram)
        location = offer.get_location()
        assert location is not None
        self.assertEqual(location.get_one_line(), "Stationsplein 1, 1234 AB Voorbeeldstad")
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.HELP_OFFER_SAVED, object_id=offer.pk)
        )

    def test_it_keeps_the_input_when_no_way_to_reach_is_given(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(
            reverse("referrals:create_offer", args=["voorbeeldstad"]),
            self.form_data(address="", city=""),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ouderspreekuur gamen")
        self.assertContains(response, "Geef minstens één manier")
        self.assertFalse(HelpOffer.objects.filter(title="Ouderspreekuur gamen").exists())

    def test_it_refuses_a_partner_admin_another_organisations_offer(self) -> None:
        self.log_in(self.bram)

        response = self.client.get(
            reverse("referrals:edit_offer", args=["voorbeeldstad", self.youth_offer.pk])
        )
        posted = self.client.post(
            reverse("referrals:create_offer", args=["voorbeeldstad"]),
            self.form_data(partner=self.youth_work.pk),
        )

        self.assertEqual(response.status_code, 403)
        # The other organisation is not a choice for Bram: the form says so, nothing is saved.
        self.assertEqual(posted.status_code, 200)
        self.assertFalse(HelpOffer.objects.filter(title="Ouderspreekuur gamen").exists())

    def test_it_removes_the_walk_in_address_when_it_is_emptied(self) -> None:
        self.log_in(self.anna)
        self.client.post(
            reverse("referrals:create_offer", args=["voorbeeldstad"]), self.form_data()
        )
        offer = HelpOffer.objects.get(title="Ouderspreekuur gamen")

        self.client.post(
            reverse("referrals:edit_offer", args=["voorbeeldstad", offer.pk]),
            self.form_data(address="", city="", phone="030-7654321"),
        )

        self.assertIsNone(offer.get_location())
        self.assertFalse(ServiceAtLocation.objects.filter(offer=offer).exists())

    def test_it_confirms_an_offer_and_asks_about_stale_ones_once(self) -> None:
        old = timezone.localdate() - datetime.timedelta(days=200)
        stale = do_save_help_offer(
            self.bram, self.coalition, self.library, assured_on=old, **offer_fields(title="Oud")
        )
        self.assertTrue(stale.is_stale())

        with self.captureOnCommitCallbacks(execute=True):
            first = do_request_offer_confirmations()
            second = do_request_offer_confirmations()

        self.assertEqual((first, second), (1, 0))
        self.assertEqual([m.to for m in mail.outbox], [["bram@example.org"]])
        self.assertIn(f"/voorbeeldstad/beheer/hulpaanbod/{stale.pk}/", mail.outbox[0].body)

        self.log_in(self.bram)
        self.client.post(reverse("referrals:confirm_offer", args=["voorbeeldstad", stale.pk]))
        stale.refresh_from_db()
        self.assertEqual(stale.assured_on, timezone.localdate())
        self.assertIsNone(stale.confirmation_requested_on)

    def test_it_runs_the_confirmation_job_as_a_command(self) -> None:
        old = timezone.localdate() - datetime.timedelta(days=400)
        do_save_help_offer(
            self.bram, self.coalition, self.library, assured_on=old, **offer_fields(title="Oud")
        )

        out = io.StringIO()
        call_command("request_offer_confirmations", stdout=out)

        self.assertIn("1 offer(s) asked about", out.getvalue())

    def test_it_shows_partner_admins_only_their_own_offers(self) -> None:
        self.log_in(self.bram)

        response = self.client.get(reverse("referrals:manage_offers", args=["voorbeeldstad"]))

        self.assertContains(response, "Spreekuur online pesten")
        self.assertNotContains(response, "Gesprek met een jongerenwerker")
