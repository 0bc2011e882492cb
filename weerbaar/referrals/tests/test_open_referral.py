from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from weerbaar.partners.actions import do_create_partner
from weerbaar.referrals.models import HelpOffer
from weerbaar.referrals.open_referral import KINDS, build_export, get_schema_errors
from weerbaar.referrals.tests.base import ReferralsTestCase


class OpenReferralTestCase(ReferralsTestCase):
    def export(self) -> dict[str, list[dict[str, object]]]:
        self.offer.refresh_from_db()
        from weerbaar.referrals.actions import do_save_help_offer
        from weerbaar.referrals.tests.base import offer_fields

        do_save_help_offer(
            self.bram,
            self.coalition,
            self.library,
            self.offer,
            **offer_fields(
                address="Stationsplein 1",
                postal_code="1234 AB",
                city="Voorbeeldstad",
                languages=["nl", "en"],
                anonymous_possible=True,
            ),
        )
        return build_export(self.coalition)

    def test_it_exports_objects_that_pass_the_hsds_3_schemas(self) -> None:
        document = self.export()

        self.assertEqual(len(document["services"]), 2)
        self.assertEqual(len(document["organizations"]), 2)
        self.assertEqual(len(document["locations"]), 1)
        self.assertEqual(len(document["service_at_locations"]), 1)
        for key, kind in KINDS.items():
            for record in document[key]:
                with self.subTest(kind=kind, id=record["id"]):
                    self.assertEqual(get_schema_errors(kind, record), [])

    def test_it_notices_a_record_that_breaks_the_schema(self) -> None:
        service = self.export()["services"][0]

        self.assertTrue(get_schema_errors("service", {**service, "status": "open"}))
        self.assertTrue(get_schema_errors("service", {"id": "x", "name": "y"}))
        self.assertTrue(get_schema_errors("location", {"id": "x", "location_type": "moon"}))

    def test_it_serves_the_export_publicly_as_json(self) -> None:
        self.export()

        response = self.client.get(reverse("referrals:hsds_export", args=["voorbeeldstad"]))

        self.assertEqual(response["Content-Type"], "application/json")
        document = response.json()
        self.assertEqual(
            {s["name"] for s in document["services"]},
            {"Spreekuur online pesten", "Gesprek met een jongerenwerker"},
        )

    def upload(self, content: bytes, slug: str = "zeeuwse-kust") -> str:
        self.log_in(self.dirk_coordinator)
        response = self.client.post(
            reverse("referrals:import_offers", args=[slug]),
            {"file": SimpleUploadedFile("hsds.json", content, content_type="application/json")},
        )
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def setUp(self) -> None:
        from weerbaar.accounts.choices import Role
        from weerbaar.lib.testing import create_member

        self.dirk_coordinator = create_member(
            self.other_coalition, "eva@example.org", "Eva Maas", Role.COORDINATOR
        )

    def test_it_imports_the_same_format_with_an_error_per_bad_record(self) -> None:
        document = self.export()
        do_create_partner(None, self.other_coalition, name="Bibliotheek", domains=[])
        document["services"].append({"id": "kapot", "name": "Zonder status"})
        document["services"][0]["name"] = document["services"][0]["name"]

        page = self.upload(json.dumps(document).encode())

        imported = HelpOffer.objects.filter(coalition=self.other_coalition)
        self.assertEqual([o.title for o in imported], ["Spreekuur online pesten"])
        offer = imported.get()
        self.assertEqual(offer.languages, ["nl", "en"])
        self.assertTrue(offer.anonymous_possible)
        self.assertEqual(offer.themes, ["cyberbullying"])
        location = offer.get_location()
        assert location is not None
        self.assertEqual(location.city, "Voorbeeldstad")
        # Jongerenwerk is no partner of Zeeuwse Kust; the broken service has no status.
        self.assertIn("Jongerenwerk", page)
        self.assertIn("kapot", page)
        self.assertIn("status", page)

    def test_it_updates_offers_it_imported_before(self) -> None:
        document = self.export()
        do_create_partner(None, self.other_coalition, name="Bibliotheek", domains=[])
        self.upload(json.dumps(document).encode())
        document["services"][0]["name"] = "Spreekuur pesten (nieuw)"

        self.upload(json.dumps(document).encode())

        self.assertEqual(
            list(
                HelpOffer.objects.filter(coalition=self.other_coalition).values_list(
                    "title", flat=True
                )
            ),
            ["Spreekuur pesten (nieuw)"],
        )

    def test_it_says_what_is_wrong_with_a_file_that_is_not_hsds(self) -> None:
        for content in (b"{nope", b"[1, 2]", json.dumps({"services": "x"}).encode(), b"\xff\xfe"):
            with self.subTest(content=content):
                page = self.upload(content)
                self.assertIn("utrecht-alert", page)
        self.assertFalse(HelpOffer.objects.filter(coalition=self.other_coalition).exists())
