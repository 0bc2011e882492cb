from __future__ import annotations

import datetime
import time
from unittest import mock

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.events.actions import do_cancel_event, do_register_member, do_register_visitor
from weerbaar.events.choices import EventAudience, RegistrationStatus
from weerbaar.events.models import Event, Registration
from weerbaar.events.tests.base import link_in_last_mail, make_event
from weerbaar.events.tokens import make_confirmation_token
from weerbaar.lib.testing import PersonasTestCase


class RegistrationTestCase(PersonasTestCase):
    def register_url(self, event: Event) -> str:
        return reverse("events:register", args=[self.coalition.slug, event.pk])

    def register_visitor(self, event: Event, email: str, name: str = "Sam de Boer") -> None:
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.register_url(event),
                {"name": name, "email": email, "organisation": "Sportclub"},
            )
        self.assertContains(response, "Kijk in je e-mail")

    def confirm_from_mail(self, email: str) -> None:
        path = link_in_last_mail(email, "/agenda/bevestigen/")
        self.assertEqual(self.client.get(path).status_code, 200)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(path)

    # Members

    def test_it_registers_a_member_with_one_click(self) -> None:
        event = make_event(self.coalition, audience=EventAudience.MEMBERS)
        self.log_in(self.cees)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.register_url(event))

        self.assertRedirects(response, event.get_absolute_url())
        registration = Registration.objects.get(event=event)
        self.assertEqual(registration.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(registration.user, self.cees)
        self.assertEqual(mail.outbox[-1].to, ["cees@example.org"])
        self.assertIn("/agenda/afmelden/", str(mail.outbox[-1].body))
        [(name, content, kind)] = mail.outbox[-1].attachments
        self.assertEqual((name, kind), ("bijeenkomst.ics", "text/calendar"))
        self.assertIn("BEGIN:VEVENT", str(content))
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.EVENT_REGISTERED, actor=self.cees, coalition=self.coalition
            ).exists()
        )

    def test_it_refuses_a_second_registration_with_a_clear_message(self) -> None:
        event = make_event(self.coalition)
        self.log_in(self.cees)
        self.client.post(self.register_url(event))

        response = self.client.post(self.register_url(event), follow=True)

        self.assertContains(response, "Je bent al aangemeld voor deze bijeenkomst.")
        self.assertEqual(Registration.objects.filter(event=event).count(), 1)

    def test_it_puts_members_on_the_waiting_list_when_full(self) -> None:
        event = make_event(self.coalition, capacity=1)
        do_register_member(Membership.objects.get(user=self.anna), event)
        self.log_in(self.cees)

        response = self.client.post(self.register_url(event), follow=True)

        self.assertContains(response, "wachtlijst")
        registration = Registration.objects.get(event=event, user=self.cees)
        self.assertEqual(registration.status, RegistrationStatus.WAITLISTED)

    def test_a_cancellation_promotes_the_first_on_the_waiting_list_and_mails_them(self) -> None:
        event = make_event(self.coalition, capacity=1)
        first = do_register_member(Membership.objects.get(user=self.anna), event)
        do_register_member(Membership.objects.get(user=self.cees), event)
        do_register_member(Membership.objects.get(user=self.bram), event)
        self.log_in(self.anna)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("events:cancel_own", args=[self.coalition.slug, event.pk]))

        first.refresh_from_db()
        self.assertEqual(first.status, RegistrationStatus.CANCELLED)
        cees = Registration.objects.get(event=event, user=self.cees)
        bram = Registration.objects.get(event=event, user=self.bram)
        self.assertEqual(cees.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(bram.status, RegistrationStatus.WAITLISTED)
        self.assertEqual([m.to for m in mail.outbox], [["cees@example.org"]])
        self.assertIn("plek vrijgekomen", mail.outbox[0].subject)
        self.assertEqual(event.count_confirmed(), 1)

    def test_it_refuses_registration_after_the_deadline(self) -> None:
        event = make_event(self.coalition)
        Event.objects.filter(pk=event.pk).update(
            registration_deadline=timezone.now() - datetime.timedelta(hours=1)
        )
        self.log_in(self.cees)

        response = self.client.post(self.register_url(event), follow=True)

        self.assertContains(response, "Aanmelden voor deze bijeenkomst kon tot")
        self.assertFalse(Registration.objects.filter(event=event).exists())

    def test_it_refuses_registration_for_a_cancelled_event(self) -> None:
        event = make_event(self.coalition)
        do_cancel_event(self.anna, event)
        self.log_in(self.cees)

        response = self.client.post(self.register_url(event), follow=True)

        self.assertContains(response, "Deze bijeenkomst gaat niet door")
        self.assertFalse(Registration.objects.filter(event=event).exists())

    # Visitors

    def test_a_visitor_registers_and_confirms_by_mail(self) -> None:
        event = make_event(self.coalition)

        self.register_visitor(event, "Sam@Sportclub.example")

        registration = Registration.objects.get(event=event)
        self.assertEqual(registration.status, RegistrationStatus.PENDING)
        self.assertEqual(registration.email, "sam@sportclub.example")
        self.assertEqual(event.count_confirmed(), 0)

        self.confirm_from_mail("sam@sportclub.example")

        registration.refresh_from_db()
        self.assertEqual(registration.status, RegistrationStatus.CONFIRMED)
        self.assertIn("aangemeld", mail.outbox[-1].subject)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.EVENT_REGISTRATION_CONFIRMED).exists()
        )

    def test_confirming_twice_changes_nothing(self) -> None:
        event = make_event(self.coalition)
        self.register_visitor(event, "sam@sportclub.example")
        path = link_in_last_mail("sam@sportclub.example", "/agenda/bevestigen/")
        self.client.post(path)

        response = self.client.post(path)

        self.assertContains(response, "je hebt een plek")
        self.assertEqual(Registration.objects.get(event=event).status, "confirmed")

    def test_a_visitor_cancels_through_the_personal_link(self) -> None:
        event = make_event(self.coalition, capacity=1)
        self.register_visitor(event, "sam@sportclub.example")
        self.confirm_from_mail("sam@sportclub.example")
        do_register_member(Membership.objects.get(user=self.cees), event)
        path = link_in_last_mail("sam@sportclub.example", "/agenda/afmelden/")

        self.assertContains(self.client.get(path), "Mijn aanmelding annuleren")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(path)

        self.assertContains(response, "Je aanmelding is geannuleerd")
        self.assertEqual(
            Registration.objects.get(email="sam@sportclub.example").status, "cancelled"
        )
        self.assertEqual(Registration.objects.get(user=self.cees).status, "confirmed")
        self.assertEqual(mail.outbox[-1].to, ["cees@example.org"])

    def test_a_second_registration_of_a_visitor_is_not_stored_twice(self) -> None:
        event = make_event(self.coalition)
        self.register_visitor(event, "sam@sportclub.example")
        self.confirm_from_mail("sam@sportclub.example")
        Registration.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))

        self.register_visitor(event, "SAM@sportclub.example")

        self.assertEqual(Registration.objects.filter(event=event).count(), 1)
        self.assertIn("al aangemeld", mail.outbox[-1].subject)

    def test_it_drops_a_registration_with_the_honeypot_filled_in(self) -> None:
        event = make_event(self.coalition)

        response = self.client.post(
            self.register_url(event),
            {"name": "Bot", "email": "bot@example.org", "leave_empty": "http://spam.example"},
        )

        self.assertContains(response, "Kijk in je e-mail")
        self.assertFalse(Registration.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_it_keeps_input_and_explains_a_bogus_email_address(self) -> None:
        event = make_event(self.coalition)

        response = self.client.post(
            self.register_url(event),
            {"name": "Sam de Boer", "email": "sam@@example", "organisation": "Sportclub"},
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Vul een e-mailadres in zoals naam@voorbeeld.nl.")
        self.assertContains(response, 'value="Sam de Boer"')
        self.assertFalse(Registration.objects.exists())

    def test_an_expired_confirmation_link_explains_what_to_do(self) -> None:
        event = make_event(self.coalition)
        registration = do_register_visitor(
            event, name="Sam", email="sam@sportclub.example", organisation=""
        )
        with mock.patch("django.core.signing.time.time", return_value=time.time() - 49 * 3600):
            token = make_confirmation_token(registration.pk)
        path = reverse("events:confirm", args=[self.coalition.slug, token])

        response = self.client.post(path)

        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "Deze bevestigingslink is verlopen", status_code=410)
        registration.refresh_from_db()
        self.assertEqual(registration.status, RegistrationStatus.PENDING)

    def test_registering_again_after_an_expired_link_sends_a_new_link(self) -> None:
        event = make_event(self.coalition)
        do_register_visitor(event, name="Sam", email="sam@sportclub.example", organisation="")
        Registration.objects.update(created_at=timezone.now() - datetime.timedelta(days=3))

        self.register_visitor(event, "sam@sportclub.example")

        self.assertIn("/agenda/bevestigen/", str(mail.outbox[-1].body))
        self.assertEqual(Registration.objects.filter(event=event).count(), 1)

    def test_the_form_cannot_flood_an_inbox(self) -> None:
        event = make_event(self.coalition)

        for _ in range(5):
            self.register_visitor(event, "slachtoffer@example.org")

        self.assertEqual(len([m for m in mail.outbox if "slachtoffer@example.org" in m.to]), 1)

    def test_confirming_for_a_cancelled_event_explains_it(self) -> None:
        event = make_event(self.coalition)
        self.register_visitor(event, "sam@sportclub.example")
        path = link_in_last_mail("sam@sportclub.example", "/agenda/bevestigen/")
        do_cancel_event(self.anna, event)

        response = self.client.post(path)

        self.assertContains(response, "Deze bijeenkomst gaat niet door", status_code=410)
        self.assertEqual(Registration.objects.get().status, RegistrationStatus.PENDING)

    def test_cancelling_after_the_start_is_refused_with_a_message(self) -> None:
        event = make_event(self.coalition)
        do_register_member(Membership.objects.get(user=self.cees), event)
        Event.objects.filter(pk=event.pk).update(
            starts_at=timezone.now() - datetime.timedelta(minutes=5)
        )
        self.log_in(self.cees)

        response = self.client.post(
            reverse("events:cancel_own", args=[self.coalition.slug, event.pk])
        )

        self.assertContains(response, "Deze bijeenkomst is al begonnen; afmelden kan niet meer.")
        self.assertEqual(Registration.objects.get().status, RegistrationStatus.CONFIRMED)

    def test_a_forged_link_is_not_found(self) -> None:
        for name in ("events:confirm", "events:cancel_link"):
            response = self.client.get(reverse(name, args=[self.coalition.slug, "12:nep"]))
            self.assertEqual(response.status_code, 404)

    def test_a_link_of_another_coalition_is_not_found_here(self) -> None:
        other = make_event(self.other_coalition)
        registration = do_register_visitor(
            other, name="Sam", email="sam@sportclub.example", organisation=""
        )
        token = make_confirmation_token(registration.pk)

        response = self.client.get(reverse("events:confirm", args=[self.coalition.slug, token]))

        self.assertEqual(response.status_code, 404)

    def test_visitors_cannot_see_or_register_for_members_only_events(self) -> None:
        event = make_event(self.coalition, audience=EventAudience.MEMBERS)

        self.assertEqual(self.client.get(event.get_absolute_url()).status_code, 404)
        response = self.client.post(
            self.register_url(event), {"name": "Sam", "email": "sam@example.org"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Registration.objects.exists())

    def test_a_visitor_is_told_when_registration_closed(self) -> None:
        event = make_event(self.coalition)
        Event.objects.filter(pk=event.pk).update(
            registration_deadline=timezone.now() - datetime.timedelta(minutes=1)
        )

        response = self.client.get(self.register_url(event))

        self.assertContains(response, "Aanmelden voor deze bijeenkomst is gesloten.")
        self.assertNotContains(response, 'name="email"')
