from __future__ import annotations

from typing import Any

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner
from weerbaar.partners.models import Partner


def profile(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "description": "De bibliotheek helpt iedereen mee te doen in de digitale samenleving.",
        "domains": ["library", "media_literacy"],
        "expertise": "Mediawijsheid voor ouders\nNepnieuws herkennen",
        "website": "https://www.bibliotheek.example",
        "is_public": "on",
    }
    data.update(changes)
    return data


class PartnerProfilesTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(
            None, self.coalition, name="Bibliotheek Voorbeeldstad", domains=["library"]
        )
        self.health = do_create_partner(
            None, self.coalition, name="GGD Regio Voorbeeldstad", domains=["public_health"]
        )
        self.foreign = do_create_partner(None, self.other_coalition, name="GGD Zeeland", domains=[])
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(self.anna, bram, self.library)

    def edit_url(self, partner: Partner) -> str:
        return f"/voorbeeldstad/partners/{partner.pk}/bewerken/"

    def test_it_lists_the_coalitions_partners_for_every_member(self) -> None:
        for user in (self.cees, self.femke, self.bram, self.anna):
            with self.subTest(user=user.email):
                self.log_in(user)

                response = self.client.get("/voorbeeldstad/partners/")

                self.assertEqual(list(response.context["partners"]), [self.library, self.health])
                self.assertNotContains(response, "GGD Zeeland")

    def test_it_shows_a_partner_with_its_people(self) -> None:
        self.log_in(self.cees)

        response = self.client.get(f"/voorbeeldstad/partners/{self.library.pk}/")

        self.assertContains(response, "Bibliotheek Voorbeeldstad")
        self.assertContains(response, "Bram Jansen")
        self.assertFalse(response.context["can_edit"])

    def test_it_lets_a_partner_admin_edit_their_own_organisation(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.edit_url(self.library), profile())

        self.assertRedirects(response, f"/voorbeeldstad/partners/{self.library.pk}/")
        self.library.refresh_from_db()
        self.assertEqual(self.library.domains, ["library", "media_literacy"])
        self.assertTrue(self.library.is_public)
        self.assertEqual(self.library.website, "https://www.bibliotheek.example")
        self.assertIn("Nepnieuws", self.library.expertise)
        entry = AuditEntry.objects.get(action=AuditAction.PARTNER_UPDATED)
        self.assertEqual(entry.actor, self.bram)
        self.assertEqual(
            set(entry.detail["fields"]),
            {"description", "domains", "expertise", "website", "is_public"},
        )

    def test_it_links_a_partner_admin_to_their_organisation_from_the_home_page(self) -> None:
        self.log_in(self.bram)

        response = self.client.get("/voorbeeldstad/start/")

        self.assertContains(response, f'href="/voorbeeldstad/partners/{self.library.pk}/"')

    def test_it_refuses_a_partner_admin_another_organisation(self) -> None:
        self.log_in(self.bram)

        page = self.client.get(self.edit_url(self.health))
        response = self.client.post(self.edit_url(self.health), profile())

        self.assertEqual((page.status_code, response.status_code), (403, 403))
        self.health.refresh_from_db()
        self.assertEqual(self.health.description, "")
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.ACCESS_DENIED, actor=self.bram, result=AuditResult.DENIED
            ).exists()
        )

    def test_it_refuses_a_partner_admin_without_an_organisation(self) -> None:
        Membership.objects.filter(user=self.bram).update(organisation=None)
        self.log_in(self.bram)

        response = self.client.get(self.edit_url(self.library))

        self.assertEqual(response.status_code, 403)

    def test_it_lets_the_coordinator_edit_any_partner_of_the_coalition(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.edit_url(self.health), profile(domains=["public_health"]))

        self.assertEqual(response.status_code, 302)
        self.health.refresh_from_db()
        self.assertEqual(self.health.domains, ["public_health"])

    def test_it_answers_404_for_a_partner_of_another_coalition(self) -> None:
        self.log_in(self.anna)

        response = self.client.get(self.edit_url(self.foreign))

        self.assertEqual(response.status_code, 404)

    def test_it_keeps_the_input_when_the_website_is_wrong(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(
            self.edit_url(self.library), profile(website="http://", domains=[])
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["form"].errors), {"website", "domains"})
        self.assertContains(response, "Nepnieuws herkennen")
        self.library.refresh_from_db()
        self.assertEqual(self.library.description, "")
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.PARTNER_UPDATED).exists())

    def test_it_lists_public_partners_by_domain_on_the_public_page(self) -> None:
        self.log_in(self.bram)
        self.client.post(self.edit_url(self.library), profile())
        self.client.logout()

        response = self.client.get("/voorbeeldstad/")

        groups = dict(response.context["partners_by_domain"])
        self.assertEqual(groups, {"Bibliotheek": [self.library], "Mediawijsheid": [self.library]})
        self.assertNotContains(response, "GGD Regio Voorbeeldstad")

    def test_it_shows_partners_and_join_requests_in_the_navigation_by_role(self) -> None:
        self.log_in(self.cees)
        member_page = self.client.get("/voorbeeldstad/start/")
        self.log_in(self.anna)
        coordinator_page = self.client.get("/voorbeeldstad/start/")

        self.assertContains(member_page, 'href="/voorbeeldstad/partners/"')
        self.assertNotContains(member_page, 'href="/voorbeeldstad/beheer/aanmeldingen/"')
        self.assertContains(coordinator_page, 'href="/voorbeeldstad/beheer/aanmeldingen/"')
