from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.events.actions import do_register_member
from weerbaar.events.choices import EventStatus, RegistrationStatus
from weerbaar.events.forms import parse_programme
from weerbaar.events.models import Event, Registration
from weerbaar.events.tests.base import make_event
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


class EventsTestCase(PersonasTestCase):
    def form_data(self, **overrides: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": "Congres Samen digitaal weerbaar",
            "kind": "congress",
            "description": "Een dag over polarisatie en radicalisering.",
            "starts_at": "2027-03-12T09:30",
            "ends_at": "2027-03-12T16:30",
            "location": "Stadsschouwburg, Voorbeeldstad",
            "online_link": "",
            "programme": "09:30 | Ontvangst\n10:00 | Opening | Anna de Wit | Grote zaal",
            "audience": "public",
            "capacity": "120",
            "registration_deadline": "2027-03-05T17:00",
        }
        data.update(overrides)
        return data

    def test_a_coordinator_adds_an_event_with_programme_and_partners(self) -> None:
        partner = do_create_partner(self.anna, self.coalition, name="Bibliotheek", domains=[])
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:create", args=[self.coalition.slug]),
            self.form_data(organisers=[partner.pk]),
        )

        event = Event.objects.get()
        self.assertRedirects(response, event.get_absolute_url())
        # Entered in Dutch time: 09:30 in March is 08:30 UTC.
        self.assertEqual(
            event.starts_at, datetime.datetime(2027, 3, 12, 8, 30, tzinfo=datetime.UTC)
        )
        self.assertEqual(list(event.organisers.all()), [partner])
        self.assertEqual(
            [
                (i.starts_at.strftime("%H:%M"), i.title, i.speaker, i.room)
                for i in event.programme.all()
            ],
            [("09:30", "Ontvangst", "", ""), ("10:00", "Opening", "Anna de Wit", "Grote zaal")],
        )
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.EVENT_CREATED).exists())
        page = self.client.get(event.get_absolute_url())
        self.assertContains(page, "Grote zaal")
        self.assertContains(page, "vrijdag 12 maart 2027, 09:30")

    def test_it_keeps_input_and_explains_an_end_before_the_start(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:create", args=[self.coalition.slug]),
            self.form_data(ends_at="2027-03-12T08:00", programme="half tien | Ontvangst"),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Het einde moet na het begin liggen.")
        self.assertContains(response, "Regel 1: “half tien” is geen tijd")
        self.assertContains(response, "Congres Samen digitaal weerbaar")
        self.assertFalse(Event.objects.exists())

    def test_it_refuses_a_deadline_after_the_start_and_no_place(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:create", args=[self.coalition.slug]),
            self.form_data(registration_deadline="2027-03-13T10:00", location=""),
        )

        self.assertContains(response, "De aanmelddeadline moet voor het begin liggen.")
        self.assertContains(response, "Vul een adres of een online link in.")
        self.assertFalse(Event.objects.exists())

    def test_it_refuses_fewer_places_than_are_taken(self) -> None:
        event = make_event(self.coalition, capacity=3)
        for user in (self.anna, self.cees):
            do_register_member(Membership.objects.get(user=user), event)
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:edit", args=[self.coalition.slug, event.pk]),
            self.form_data(
                starts_at=local(event.starts_at),
                ends_at=local(event.ends_at),
                registration_deadline="",
                capacity="1",
            ),
        )

        self.assertContains(response, "2 mensen hebben al een plek")
        event.refresh_from_db()
        self.assertEqual(event.capacity, 3)

    def test_more_places_go_to_the_waiting_list_at_once(self) -> None:
        event = make_event(self.coalition, capacity=1)
        for user in (self.anna, self.cees):
            do_register_member(Membership.objects.get(user=user), event)
        self.log_in(self.anna)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("events:edit", args=[self.coalition.slug, event.pk]),
                self.form_data(
                    starts_at=local(event.starts_at),
                    ends_at=local(event.ends_at),
                    registration_deadline="",
                    capacity="2",
                ),
            )

        cees = Registration.objects.get(user=self.cees)
        self.assertEqual(cees.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(mail.outbox[-1].to, ["cees@example.org"])

    def test_cancelling_an_event_mails_everyone_registered(self) -> None:
        event = make_event(self.coalition)
        do_register_member(Membership.objects.get(user=self.cees), event)
        self.log_in(self.anna)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("events:cancel_event", args=[self.coalition.slug, event.pk]))

        event.refresh_from_db()
        self.assertEqual(event.status, EventStatus.CANCELLED)
        self.assertEqual([m.to for m in mail.outbox], [["cees@example.org"]])
        self.assertIn("Gaat niet door", mail.outbox[0].subject)

    def test_members_see_members_only_events_and_visitors_do_not(self) -> None:
        make_event(self.coalition, title="Werkgroep onderwijs", audience="members")
        make_event(self.coalition, title="Open inspiratieavond")
        url = reverse("events:calendar", args=[self.coalition.slug])

        visitor = self.client.get(url)
        self.assertContains(visitor, "Open inspiratieavond")
        self.assertNotContains(visitor, "Werkgroep onderwijs")
        self.log_in(self.cees)
        member = self.client.get(url)
        self.assertContains(member, "Werkgroep onderwijs")

    def test_the_public_page_shows_coming_public_events(self) -> None:
        make_event(self.coalition, title="Open inspiratieavond")
        make_event(self.coalition, title="Werkgroep onderwijs", audience="members")

        response = self.client.get(reverse("coalitions:public_page", args=[self.coalition.slug]))

        self.assertContains(response, "Open inspiratieavond")
        self.assertNotContains(response, "Werkgroep onderwijs")

    def test_it_reads_programme_lines(self) -> None:
        lines = parse_programme("19.30 | Welkom\n\n20:00 | Workshop | Bram | Zaal 2 ")

        self.assertEqual([line.title for line in lines], ["Welkom", "Workshop"])
        self.assertEqual(lines[1].room, "Zaal 2")
        self.assertEqual(lines[0].starts_at, datetime.time(19, 30))
