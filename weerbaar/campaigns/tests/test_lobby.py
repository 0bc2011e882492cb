from __future__ import annotations

from typing import Any

from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.campaigns.choices import LobbyStatus
from weerbaar.campaigns.models import LobbyItem
from weerbaar.lib.testing import PersonasTestCase


class LobbyAgendaTestCase(PersonasTestCase):
    def form_data(self, **changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "topic": "Meldknop voor jongeren in elke app",
            "ask": "Verplicht platforms een zichtbare meldknop te bieden.",
            "addressee": "ministry",
            "addressee_name": "Ministerie van Binnenlandse Zaken",
            "status": "drafting",
            "outcome": "",
            "links": "https://example.org/brief.pdf",
        }
        data.update(changes)
        return data

    def test_it_follows_a_lobby_item_from_draft_to_achieved(self) -> None:
        client = self.log_in(self.anna)
        client.post(
            reverse("campaigns:create_lobby_item", args=["voorbeeldstad"]), self.form_data()
        )
        item = LobbyItem.objects.get()
        edit = reverse("campaigns:edit_lobby_item", args=["voorbeeldstad", item.pk])

        client.post(edit, self.form_data(status="sent"))
        client.post(
            edit, self.form_data(status="achieved", outcome="Opgenomen in het wetsvoorstel.")
        )

        item.refresh_from_db()
        self.assertEqual(item.status, LobbyStatus.ACHIEVED)
        self.assertEqual(item.outcome, "Opgenomen in het wetsvoorstel.")
        changes = [
            (e.detail["status_from"], e.detail["status"])
            for e in AuditEntry.objects.filter(action=AuditAction.LOBBY_ITEM_UPDATED).order_by("pk")
        ]
        self.assertEqual(changes, [("drafting", "sent"), ("sent", "achieved")])
        agenda = self.log_in(self.cees).get(reverse("campaigns:lobby", args=["voorbeeldstad"]))
        self.assertContains(agenda, "Meldknop voor jongeren in elke app")
        self.assertNotContains(agenda, "Lobbypunt toevoegen")

    def test_it_asks_for_the_outcome_before_closing(self) -> None:
        client = self.log_in(self.anna)

        response = client.post(
            reverse("campaigns:create_lobby_item", args=["voorbeeldstad"]),
            self.form_data(status="not_achieved"),
        )

        self.assertContains(response, "Beschrijf de uitkomst voordat je dit punt afsluit.")
        self.assertContains(response, "Meldknop voor jongeren in elke app")
        self.assertFalse(LobbyItem.objects.exists())

    def test_it_refuses_unknown_addressees_and_bogus_links(self) -> None:
        client = self.log_in(self.anna)
        url = reverse("campaigns:create_lobby_item", args=["voorbeeldstad"])

        for data in (self.form_data(addressee="koning"), self.form_data(links="ftp://x")):
            with self.subTest(data=data):
                self.assertEqual(client.post(url, data).status_code, 200)
        self.assertFalse(LobbyItem.objects.exists())

    def test_it_keeps_members_from_changing_the_agenda(self) -> None:
        response = self.log_in(self.cees).post(
            reverse("campaigns:create_lobby_item", args=["voorbeeldstad"]), self.form_data()
        )

        self.assertEqual(response.status_code, 403)
        self.assertFalse(LobbyItem.objects.exists())
