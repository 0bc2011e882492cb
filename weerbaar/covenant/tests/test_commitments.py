from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.covenant.actions import do_pledge_commitment, do_record_delivery
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import Commitment, Delivery
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner


def pledge(**changes: Any) -> dict[str, Any]:
    data = {"year": "2026", "kind": "time", "description": "Gastlessen", "hours": "40"}
    data.update(changes)
    return data


class CommitmentsTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(None, self.coalition, name="Bibliotheek", domains=[])
        self.health = do_create_partner(None, self.coalition, name="GGD", domains=[])
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(None, bram, self.library)
        self.url = f"/voorbeeldstad/partners/{self.library.pk}/toezeggingen/"

    def pledge(
        self, kind: CommitmentKind, hours: Decimal | None = None, euros: Decimal | None = None
    ) -> Commitment:
        return do_pledge_commitment(
            self.bram,
            self.library,
            year=2026,
            kind=kind,
            description="Iets",
            hours=hours,
            euros=euros,
        )

    def test_it_lets_a_partner_admin_pledge_hours(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.url, pledge())

        self.assertRedirects(response, f"{self.url}?jaar=2026")
        commitment = Commitment.objects.get()
        self.assertEqual(
            (commitment.partner, commitment.year, commitment.kind, commitment.hours),
            (self.library, 2026, CommitmentKind.TIME, Decimal(40)),
        )
        self.assertIsNone(commitment.euros)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.COMMITMENT_PLEDGED).exists())

    def test_it_refuses_bad_amounts_and_kinds_and_keeps_the_input(self) -> None:
        self.log_in(self.bram)
        cases = [
            ("negative hours", pledge(hours="-5"), "hours"),
            ("negative euros", pledge(kind="money", hours="", euros="-1"), "euros"),
            ("time without hours", pledge(hours=""), "hours"),
            ("money without euros", pledge(kind="money", hours=""), "euros"),
            ("euros on a pledge of time", pledge(euros="100"), "euros"),
            ("an unknown kind", pledge(kind="goodwill"), "kind"),
            ("no description", pledge(description=""), "description"),
        ]
        for label, data, field in cases:
            with self.subTest(label):
                response = self.client.post(self.url, data)

                self.assertEqual(response.status_code, 200)
                self.assertIn(field, response.context["form"].errors)
                self.assertContains(response, "aria-invalid")
        self.assertFalse(Commitment.objects.exists())

    def test_it_records_a_delivery_against_a_pledge(self) -> None:
        commitment = self.pledge(CommitmentKind.TIME, hours=Decimal(10))
        self.log_in(self.bram)

        response = self.client.post(
            f"{self.url}{commitment.pk}/levering/",
            {"date": "2026-03-14", "description": "Workshop voor ouders", "hours": "4"},
        )

        self.assertRedirects(response, f"{self.url}?jaar=2026")
        delivery = Delivery.objects.get()
        self.assertEqual(
            (delivery.commitment, delivery.date, delivery.hours),
            (commitment, datetime.date(2026, 3, 14), Decimal(4)),
        )
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.DELIVERY_RECORDED).exists())

    def test_it_offers_today_as_an_iso_date_the_date_picker_can_read(self) -> None:
        commitment = self.pledge(CommitmentKind.OTHER)
        self.log_in(self.bram)

        response = self.client.get(f"{self.url}{commitment.pk}/levering/")

        self.assertContains(response, f'value="{timezone.localdate().isoformat()}"')

    def test_it_refuses_a_negative_delivery_and_a_bad_date(self) -> None:
        commitment = self.pledge(CommitmentKind.TIME, hours=Decimal(10))
        self.log_in(self.bram)

        response = self.client.post(
            f"{self.url}{commitment.pk}/levering/",
            {"date": "morgen", "description": "Workshop", "hours": "-4"},
        )

        self.assertEqual(set(response.context["form"].errors), {"date", "hours"})
        self.assertContains(response, "Workshop")
        self.assertFalse(Delivery.objects.exists())

    def test_it_shows_the_partner_what_is_open(self) -> None:
        time = self.pledge(CommitmentKind.TIME, hours=Decimal(10))
        do_record_delivery(
            self.bram, time, date=datetime.date(2026, 2, 1), description="Les", hours=Decimal(4)
        )
        self.log_in(self.bram)

        response = self.client.get(f"{self.url}?jaar=2026")
        other_year = self.client.get(f"{self.url}?jaar=2025")

        rows = {row.kind: row for row in response.context["balances"]}
        self.assertEqual(
            (rows["time"].pledged, rows["time"].delivered, rows["time"].gap),
            (Decimal(10), Decimal(4), Decimal(6)),
        )
        self.assertEqual(rows["time"].open_pledges, 1)
        self.assertContains(response, 'href="?jaar=2025"')
        self.assertEqual(other_year.context["commitments"], [])

    def test_it_refuses_a_partner_admin_the_pledges_of_another_partner(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(
            f"/voorbeeldstad/partners/{self.health.pk}/toezeggingen/", pledge()
        )

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Commitment.objects.exists())

    def test_it_answers_404_for_a_pledge_of_another_partner(self) -> None:
        other = do_pledge_commitment(
            self.anna, self.health, year=2026, kind=CommitmentKind.OTHER, description="Zaal"
        )
        self.log_in(self.bram)

        response = self.client.get(f"{self.url}{other.pk}/levering/")

        self.assertEqual(response.status_code, 404)

    def test_it_shows_the_coordinator_pledged_against_delivered_for_the_coalition(self) -> None:
        money = self.pledge(CommitmentKind.MONEY, euros=Decimal("2500"))
        knowledge = self.pledge(CommitmentKind.KNOWLEDGE)
        do_pledge_commitment(
            self.anna,
            self.health,
            year=2026,
            kind=CommitmentKind.MONEY,
            description="Subsidie",
            euros=Decimal("1000"),
        )
        do_record_delivery(
            self.bram,
            money,
            date=datetime.date(2026, 5, 1),
            description="Flyers",
            euros=Decimal("500"),
        )
        do_record_delivery(self.bram, knowledge, date=datetime.date(2026, 5, 1), description="Les")
        self.log_in(self.anna)

        response = self.client.get("/voorbeeldstad/beheer/toezeggingen/?jaar=2026")

        rows = {row.kind: row for row in response.context["balances"]}
        self.assertEqual(
            (rows["money"].pledged, rows["money"].delivered, rows["money"].gap),
            (Decimal(3500), Decimal(500), Decimal(3000)),
        )
        self.assertEqual((rows["knowledge"].pledges, rows["knowledge"].open_pledges), (1, 0))
        per_partner = {row.partner.name: row for row in response.context["partners"]}
        self.assertEqual(per_partner["GGD"].by_kind["money"].gap, Decimal(1000))
        self.assertEqual(
            (per_partner["Bibliotheek"].other_pledges, per_partner["Bibliotheek"].other_delivered),
            (1, 1),
        )
        self.assertContains(response, "€ 500 van € 2.500")
        self.assertContains(response, "<caption")

    def test_it_keeps_the_overview_from_partner_admins(self) -> None:
        self.log_in(self.bram)

        response = self.client.get("/voorbeeldstad/beheer/toezeggingen/")

        self.assertEqual(response.status_code, 403)
