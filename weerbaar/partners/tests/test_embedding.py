from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import (
    EmbeddingError,
    do_create_partner,
    do_link_membership_to_partner,
    do_update_embedding,
)
from weerbaar.partners.embedding import get_embedding_coverage
from weerbaar.partners.models import Embedding, Partner


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "endorsed_by_management": "on",
        "endorsed_on": "2025-03-01",
        "contact_person": "Bram Jansen",
        "has_budget": "on",
        "budget_euros": "2500",
        "internal_embedding": "Het MT en het team jeugd kennen en dragen het.",
        "embedded_since": "2025-04-01",
    }
    data.update(changes)
    return data


class EmbeddingTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(
            None, self.coalition, name="Bibliotheek Voorbeeldstad", domains=["library"]
        )
        self.health = do_create_partner(
            None, self.coalition, name="GGD Regio Voorbeeldstad", domains=["public_health"]
        )
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(self.anna, bram, self.library)

    def url(self, partner: Partner) -> str:
        return f"/voorbeeldstad/partners/{partner.pk}/borging/"

    def test_it_lets_a_partner_admin_fill_in_their_own_checklist(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.url(self.library), answers())

        self.assertRedirects(response, f"/voorbeeldstad/partners/{self.library.pk}/")
        embedding = Embedding.objects.get(partner=self.library)
        self.assertTrue(embedding.endorsed_by_management)
        self.assertEqual(embedding.endorsed_on, datetime.date(2025, 3, 1))
        self.assertEqual(embedding.budget_euros, Decimal("2500"))
        self.assertEqual(embedding.coalition, self.coalition)
        entry = AuditEntry.objects.get(action=AuditAction.EMBEDDING_UPDATED)
        self.assertEqual(entry.actor, self.bram)
        self.assertIn("budget_euros", entry.detail["fields"])

    def test_it_audits_only_the_answers_that_changed(self) -> None:
        self.log_in(self.bram)
        self.client.post(self.url(self.library), answers())

        self.client.post(self.url(self.library), answers(contact_person="Els de Vries"))

        entry = AuditEntry.objects.filter(action=AuditAction.EMBEDDING_UPDATED).latest("pk")
        self.assertEqual(entry.detail["fields"], ["contact_person"])

    def test_it_refuses_a_partner_admin_another_partners_checklist(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.url(self.health), answers())

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Embedding.objects.exists())
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.ACCESS_DENIED, result=AuditResult.DENIED
            ).exists()
        )

    def test_it_keeps_the_input_when_since_lies_in_the_future(self) -> None:
        self.log_in(self.bram)
        future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()

        response = self.client.post(
            self.url(self.library), answers(embedded_since=future, contact_person="Els")
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Vul vandaag of een datum in het verleden in.")
        self.assertContains(response, 'value="Els"')
        self.assertContains(response, f'value="{future}"')
        self.assertFalse(Embedding.objects.exists())

    def test_it_refuses_a_negative_budget(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.url(self.library), answers(budget_euros="-5"))

        self.assertContains(response, "negatieve bedragen kunnen niet")
        self.assertContains(response, 'value="-5"')
        self.assertFalse(Embedding.objects.exists())

    def test_it_asks_to_tick_the_budget_line_when_an_amount_is_given(self) -> None:
        self.log_in(self.bram)
        data = answers(budget_euros="100")
        del data["has_budget"]

        response = self.client.post(self.url(self.library), data)

        self.assertContains(response, "Vink dit aan als je een budgetbedrag invult")
        self.assertFalse(Embedding.objects.exists())

    def test_the_action_refuses_a_future_date_and_a_negative_budget(self) -> None:
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        for bad in ({"embedded_since": tomorrow}, {"budget_euros": Decimal(-1)}):
            with self.subTest(bad=bad), self.assertRaises(EmbeddingError):
                do_update_embedding(self.bram, self.library, **bad)
        self.assertFalse(Embedding.objects.exists())

    def test_it_shows_the_coordinator_coverage_across_partners(self) -> None:
        do_update_embedding(
            self.bram,
            self.library,
            endorsed_by_management=True,
            contact_person="Bram",
            has_budget=False,
        )
        self.log_in(self.anna)

        response = self.client.get("/voorbeeldstad/beheer/borging/")

        rows = {row.key: (row.count, row.total) for row in response.context["coverage"]}
        self.assertEqual(rows["endorsed"], (1, 2))
        self.assertEqual(rows["contact"], (1, 2))
        self.assertEqual(rows["budget"], (0, 2))
        self.assertContains(response, "<caption", count=2)
        self.assertContains(response, "Bibliotheek Voorbeeldstad")

    def test_coverage_counts_blank_answers_as_not_ticked(self) -> None:
        embedding = do_update_embedding(self.bram, self.library, contact_person="   ")

        coverage = get_embedding_coverage([self.library, self.health], [embedding])

        self.assertEqual([row.count for row in coverage], [0, 0, 0, 0, 0])
        self.assertEqual({row.total for row in coverage}, {2})
