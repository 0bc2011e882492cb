from __future__ import annotations

from typing import Any

from django.core import mail

from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import (
    JOIN_REQUESTS_PER_HOUR,
    do_create_partner,
    do_submit_join_request,
)
from weerbaar.partners.choices import JoinRequestEventKind, JoinRequestStatus
from weerbaar.partners.duplicates import normalise_name, website_host
from weerbaar.partners.models import JoinRequest

JOIN_URL = "/voorbeeldstad/sluit-aan/"
LIST_URL = "/voorbeeldstad/beheer/aanmeldingen/"


def application(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "organisation_name": "Buurthuis De Brug",
        "domains": ["civil_society", "youth_work"],
        "website": "https://www.debrug.example/",
        "contact_name": "Els Mulder",
        "contact_email": "Els@DeBrug.example",
        "motivation": "Wij zien veel jongeren die online gepest worden.",
    }
    data.update(changes)
    return data


class JoinRequestsTestCase(PersonasTestCase):
    def submit(self, **fields: Any) -> JoinRequest:
        data = application(**fields)
        return do_submit_join_request(self.coalition, endorsed_principles=[], **data)

    def test_it_links_the_join_form_from_the_public_page(self) -> None:
        response = self.client.get("/voorbeeldstad/")

        self.assertContains(response, f'href="{JOIN_URL}"')

    def test_it_stores_a_request_tells_the_coordinators_and_thanks_the_applicant(self) -> None:
        do_invite_member(None, self.coalition, "olga@example.org", Role.COORDINATOR)
        principle = self.coalition.principles.get()

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                JOIN_URL, {**application(), "endorsed_principles": [principle.pk]}
            )

        self.assertRedirects(response, "/voorbeeldstad/sluit-aan/bedankt/")
        join_request = JoinRequest.objects.get()
        self.assertEqual(join_request.coalition, self.coalition)
        self.assertEqual(join_request.organisation_name, "Buurthuis De Brug")
        self.assertEqual(join_request.domains, ["civil_society", "youth_work"])
        self.assertEqual(join_request.contact_email, "els@debrug.example")
        self.assertEqual(join_request.status, JoinRequestStatus.PENDING)
        self.assertEqual(list(join_request.endorsed_principles.all()), [principle])
        self.assertEqual(
            list(join_request.events.values_list("kind", flat=True)),
            [JoinRequestEventKind.SUBMITTED],
        )
        entry = AuditEntry.objects.get(action=AuditAction.JOIN_REQUEST_SUBMITTED)
        self.assertEqual(entry.coalition, self.coalition)
        self.assertEqual(entry.object_id, str(join_request.pk))
        # Only Anna holds the coordinator role yet; Olga is merely invited.
        notices = [m for m in mail.outbox if "Buurthuis De Brug" in str(m.subject)]
        self.assertEqual([m.to for m in notices], [["anna@example.org"]])
        self.assertIn(f"/voorbeeldstad/beheer/aanmeldingen/{join_request.pk}/", notices[0].body)

    def test_it_keeps_everything_typed_when_input_is_wrong(self) -> None:
        response = self.client.post(
            JOIN_URL,
            application(website="geen adres", contact_email="", domains=[], motivation=""),
        )

        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertEqual(set(errors), {"website", "contact_email", "domains", "motivation"}, errors)
        self.assertContains(response, 'value="Buurthuis De Brug"')
        self.assertContains(response, 'value="geen adres"')
        self.assertContains(response, 'value="Els Mulder"')
        self.assertContains(response, 'aria-invalid="true"')
        self.assertFalse(JoinRequest.objects.exists())

    def test_it_refuses_a_flood_of_applications_from_one_address_and_keeps_the_input(
        self,
    ) -> None:
        for number in range(JOIN_REQUESTS_PER_HOUR):
            self.client.post(JOIN_URL, application(organisation_name=f"Organisatie {number}"))

        response = self.client.post(JOIN_URL, application(organisation_name="Nog een"))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nog een")
        self.assertTrue(response.context["form"].non_field_errors())
        self.assertEqual(JoinRequest.objects.count(), JOIN_REQUESTS_PER_HOUR)
        other_address = self.client.post(
            JOIN_URL, application(organisation_name="Elders"), REMOTE_ADDR="192.0.2.7"
        )
        self.assertEqual(other_address.status_code, 302)

    def test_it_silently_drops_a_request_that_fills_the_hidden_field(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(JOIN_URL, application(leave_empty="+31 20 123 4567"))

        self.assertRedirects(response, "/voorbeeldstad/sluit-aan/bedankt/")
        self.assertFalse(JoinRequest.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_it_hides_the_honeypot_from_people_and_assistive_technology(self) -> None:
        response = self.client.get(JOIN_URL)

        self.assertContains(response, '<div class="visually-hidden" aria-hidden="true">')
        self.assertContains(response, 'tabindex="-1"')
        self.assertContains(response, 'autocomplete="off"')

    def test_it_offers_only_the_coalitions_own_principles(self) -> None:
        foreign = self.other_coalition.principles.get()

        response = self.client.post(
            JOIN_URL, {**application(), "endorsed_principles": [foreign.pk]}
        )

        self.assertIn("endorsed_principles", response.context["form"].errors)
        self.assertFalse(JoinRequest.objects.exists())

    def test_it_lists_pending_requests_first_for_the_coordinator(self) -> None:
        handled = self.submit(organisation_name="Oud verzoek")
        JoinRequest.objects.filter(pk=handled.pk).update(status=JoinRequestStatus.REJECTED)
        pending = self.submit(organisation_name="Nieuw verzoek")
        self.log_in(self.anna)

        response = self.client.get(LIST_URL)

        self.assertEqual(list(response.context["join_requests"]), [pending, handled])
        self.assertContains(response, "Nieuw verzoek")

    def test_it_shows_the_pending_count_on_the_coordinators_home(self) -> None:
        self.submit()
        self.submit(organisation_name="Tweede")
        self.log_in(self.anna)

        response = self.client.get("/voorbeeldstad/start/")

        self.assertEqual(response.context["pending_join_requests"], 2)
        self.assertContains(response, LIST_URL)

    def test_it_shows_partners_and_pending_requests_with_the_same_name_or_website(
        self,
    ) -> None:
        join_request = self.submit(
            organisation_name="Buurthuis  de BRUG", website="https://www.debrug.example/"
        )
        same_name = do_create_partner(None, self.coalition, name="buurthuis de brug", domains=[])
        same_site = self.submit(organisation_name="De Brug", website="http://debrug.example")
        do_create_partner(None, self.coalition, name="Iets anders", domains=[])
        do_create_partner(None, self.other_coalition, name="Buurthuis De Brug", domains=[])
        self.log_in(self.anna)

        response = self.client.get(f"{LIST_URL}{join_request.pk}/")

        self.assertEqual(response.context["duplicate_partners"], [same_name])
        self.assertEqual(response.context["duplicate_requests"], [same_site])
        self.assertContains(response, f'href="/voorbeeldstad/partners/{same_name.pk}/"')
        self.assertContains(response, f'href="{LIST_URL}{same_site.pk}/"')

    def test_it_answers_404_for_a_request_of_another_coalition(self) -> None:
        foreign = do_submit_join_request(
            self.other_coalition, endorsed_principles=[], **application()
        )
        self.log_in(self.anna)

        response = self.client.get(f"{LIST_URL}{foreign.pk}/")

        self.assertEqual(response.status_code, 404)

    def test_it_normalises_names_and_website_hosts_for_comparison(self) -> None:
        names = [("  Bibliotheek   VOORBEELDSTAD ", "bibliotheek voorbeeldstad"), ("GGD", "ggd")]
        hosts = [
            ("https://www.debrug.example/", "debrug.example"),
            ("http://DeBrug.example/over-ons", "debrug.example"),
            ("debrug.example", "debrug.example"),
            ("www.debrug.example/", "debrug.example"),
            ("", ""),
        ]
        for raw, expected in names:
            with self.subTest(name=raw):
                self.assertEqual(normalise_name(raw), expected)
        for raw, expected in hosts:
            with self.subTest(website=raw):
                self.assertEqual(website_host(raw), expected)
