from __future__ import annotations

from typing import Any

from django.core import mail

from weerbaar.accounts.choices import InvitationStatus, Role
from weerbaar.accounts.models import Invitation
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.coalitions.actions import do_update_coalition
from weerbaar.coalitions.models import Area, Coalition
from weerbaar.lib.testing import PersonasTestCase

CREATE_URL = "/platform/coalities/nieuw/"
SETTINGS_URL = "/voorbeeldstad/beheer/instellingen/"


def new_coalition_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": "duinstad",
        "name": "Online Coalitie Duinstad",
        "region": "Duinstad",
        "ambition": "Samen tegen online haat.",
        "focus_areas": ["prevention", "awareness"],
        "themes": ["hate"],
        "look": "voorbeeld",
        "is_public": "on",
        "principles": "Wij werken samen\n\n  Wij delen kennis  \nWij beschermen privacy",
        "areas": "Noord\nZuid",
        "coordinator_email": "Kwartiermaker@Duinstad.example",
    }
    data.update(changes)
    return data


class CoalitionManagementTestCase(PersonasTestCase):
    def settings_data(self, **changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.coalition.name,
            "region": self.coalition.region,
            "ambition": "",
            "look": "voorbeeld",
            "is_public": "on",
            "principles": "Samen sterk",
            "areas": "Binnenstad",
        }
        data.update(changes)
        return data

    def test_it_lets_a_platform_admin_create_a_coalition_and_invite_its_coordinator(self) -> None:
        self.log_in(self.pieter)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(CREATE_URL, new_coalition_data())

        self.assertRedirects(response, "/platform/", fetch_redirect_response=False)
        coalition = Coalition.objects.get(slug="duinstad")
        self.assertEqual(coalition.name, "Online Coalitie Duinstad")
        self.assertEqual(coalition.focus_areas, ["prevention", "awareness"])
        self.assertEqual(coalition.themes, ["hate"])
        self.assertTrue(coalition.is_public)
        self.assertEqual(
            [p.text for p in coalition.principles.all()],
            ["Wij werken samen", "Wij delen kennis", "Wij beschermen privacy"],
        )
        self.assertEqual([p.position for p in coalition.principles.all()], [0, 1, 2])
        self.assertEqual(sorted(a.name for a in coalition.areas.all()), ["Noord", "Zuid"])
        invitation = Invitation.objects.get(coalition=coalition)
        self.assertEqual(invitation.email, "kwartiermaker@duinstad.example")
        self.assertEqual(invitation.role, Role.COORDINATOR)
        self.assertEqual(invitation.status, InvitationStatus.PENDING)
        self.assertEqual([m.to for m in mail.outbox], [["kwartiermaker@duinstad.example"]])
        entry = AuditEntry.objects.get(action=AuditAction.COALITION_CREATED)
        self.assertEqual(entry.actor, self.pieter)
        self.assertEqual(entry.coalition, coalition)

    def test_it_refuses_a_reserved_address_and_keeps_the_form(self) -> None:
        self.log_in(self.pieter)

        response = self.client.post(CREATE_URL, new_coalition_data(slug="account"))

        self.assertEqual(response.status_code, 200)
        self.assertIn("slug", response.context["form"].errors)
        self.assertContains(response, 'value="Online Coalitie Duinstad"')
        self.assertContains(response, "Wij delen kennis")
        self.assertFalse(Coalition.objects.filter(slug="account").exists())
        self.assertFalse(Invitation.objects.filter(email="kwartiermaker@duinstad.example").exists())

    def test_it_refuses_an_address_already_taken(self) -> None:
        self.log_in(self.pieter)

        response = self.client.post(CREATE_URL, new_coalition_data(slug="zeeuwse-kust"))

        self.assertEqual(response.status_code, 200)
        self.assertIn("slug", response.context["form"].errors)
        self.assertContains(response, 'value="Kwartiermaker@Duinstad.example"')
        self.assertEqual(Coalition.objects.filter(slug="zeeuwse-kust").count(), 1)
        self.other_coalition.refresh_from_db()
        self.assertEqual(self.other_coalition.name, "Online Coalitie Zeeuwse Kust")

    def test_it_refuses_coalition_creation_to_a_coordinator(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(CREATE_URL, new_coalition_data())

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Coalition.objects.filter(slug="duinstad").exists())

    def test_it_lets_a_coordinator_edit_the_settings_and_keeps_areas_by_name(self) -> None:
        binnenstad = Area.objects.get(coalition=self.coalition, name="Binnenstad")
        do_update_coalition(
            self.anna, self.coalition, principles=[], areas=["Binnenstad", "Noord", "Zuid"]
        )
        noord = Area.objects.get(coalition=self.coalition, name="Noord")
        self.log_in(self.anna)

        response = self.client.post(
            SETTINGS_URL,
            self.settings_data(
                name="Online Coalitie Voorbeeldstad e.o.",
                principles="Eerst dit\nDan dat",
                areas="Binnenstad\nNoord\nOost",
            ),
        )

        self.assertRedirects(response, SETTINGS_URL, fetch_redirect_response=False)
        self.coalition.refresh_from_db()
        self.assertEqual(self.coalition.name, "Online Coalitie Voorbeeldstad e.o.")
        areas = {a.name: a.pk for a in self.coalition.areas.all()}
        self.assertEqual(sorted(areas), ["Binnenstad", "Noord", "Oost"])
        self.assertEqual(areas["Binnenstad"], binnenstad.pk)
        self.assertEqual(areas["Noord"], noord.pk)
        self.assertEqual(
            [p.text for p in self.coalition.principles.all()], ["Eerst dit", "Dan dat"]
        )
        entry = AuditEntry.objects.filter(action=AuditAction.COALITION_UPDATED).first()
        assert entry is not None
        self.assertEqual(entry.actor, self.anna)
        self.assertIn("name", entry.detail["fields"])

    def test_it_refuses_an_area_listed_twice(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(
            SETTINGS_URL, self.settings_data(name="Nieuwe naam", areas="Noord\nnoord")
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("areas", response.context["form"].errors)
        self.assertContains(response, 'value="Nieuwe naam"')
        self.coalition.refresh_from_db()
        self.assertEqual(self.coalition.name, "Online Coalitie Voorbeeldstad")
        self.assertEqual([a.name for a in self.coalition.areas.all()], ["Binnenstad"])

    def test_it_lists_only_public_coalitions_on_the_platform_home(self) -> None:
        do_update_coalition(
            self.pieter, self.other_coalition, principles=[], areas=[], is_public=False
        )

        response = self.client.get("/")

        listed = list(response.context["coalitions"])
        self.assertIn(self.coalition, listed)
        self.assertNotIn(self.other_coalition, listed)
        self.assertContains(response, "/voorbeeldstad/")
        self.assertNotContains(response, "/zeeuwse-kust/")
