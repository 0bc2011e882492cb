from __future__ import annotations

import datetime
import io

import icalendar
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from weerbaar.accounts.models import Membership, User
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.events.actions import (
    do_register_member,
    do_register_visitor,
    do_send_event_reminders,
)
from weerbaar.events.models import Event, Registration
from weerbaar.events.tests.base import make_event
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.lib.testing import PersonasTestCase


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


class AroundTheEventTestCase(PersonasTestCase):
    def register(self, event: Event, *users: User) -> None:
        for user in users:
            do_register_member(Membership.objects.get(user=user, coalition=self.coalition), event)

    def past_event(self, **overrides: object) -> Event:
        event = make_event(self.coalition, **overrides)
        self.register(event, self.cees, self.bram)
        start = timezone.now() - datetime.timedelta(days=2)
        Event.objects.filter(pk=event.pk).update(
            starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )
        event.refresh_from_db()
        return event

    # iCalendar

    def test_it_offers_an_ics_file_in_dutch_time(self) -> None:
        start = datetime.datetime(2027, 6, 1, 17, 30, tzinfo=datetime.UTC)
        event = make_event(
            self.coalition,
            title="Training; nepnieuws, herkennen",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )

        response = self.client.get(reverse("events:ics", args=[self.coalition.slug, event.pk]))

        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        calendar = icalendar.Calendar.from_ical(response.content)
        [component] = calendar.walk("VEVENT")
        self.assertEqual(str(component["SUMMARY"]), "Training; nepnieuws, herkennen")
        self.assertEqual(component.decoded("DTSTART"), start)
        self.assertEqual(str(component.decoded("DTSTART").tzinfo), "Europe/Amsterdam")
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)
        self.assertIn(b"\r\n", response.content)
        self.assertIn(b"SUMMARY:Training\\; nepnieuws\\, herkennen", response.content)

    def test_the_feed_holds_public_events_only(self) -> None:
        make_event(self.coalition, title="Open inspiratieavond")
        make_event(self.coalition, title="Werkgroep onderwijs", audience="members")
        make_event(self.other_coalition, title="Zeeuws congres")

        response = self.client.get(reverse("events:feed", args=[self.coalition.slug]))

        calendar = icalendar.Calendar.from_ical(response.content)
        titles = [str(c["SUMMARY"]) for c in calendar.walk("VEVENT")]
        self.assertEqual(titles, ["Open inspiratieavond"])

    # Reminders

    def test_it_reminds_once_the_day_before(self) -> None:
        tomorrow = make_event(
            self.coalition,
            starts_at=timezone.now() + datetime.timedelta(hours=20),
            ends_at=timezone.now() + datetime.timedelta(hours=22),
        )
        later = make_event(self.coalition)
        self.register(tomorrow, self.cees)
        self.register(later, self.bram)
        do_register_visitor(tomorrow, name="Sam", email="sam@example.org", organisation="")
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(do_send_event_reminders(), 1)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(do_send_event_reminders(), 0)
        out = io.StringIO()
        call_command("send_event_reminders", stdout=out)

        self.assertEqual([m.to for m in mail.outbox], [["cees@example.org"]])
        self.assertIn("Morgen", mail.outbox[0].subject)
        self.assertIn("0 registration(s) reminded.", out.getvalue())
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.EVENT_REMINDER_SENT).exists())

    def test_the_reminder_window_ends_at_midnight_after_tomorrow_in_dutch_time(self) -> None:
        from weerbaar.events.actions import get_reminder_window

        now = datetime.datetime(2027, 3, 12, 22, 30, tzinfo=datetime.UTC)  # 23:30 in Amsterdam

        _start, end = get_reminder_window(now)

        self.assertEqual(end, datetime.datetime(2027, 3, 13, 23, 0, tzinfo=datetime.UTC))

    # Attendance and the attendee list

    def test_the_organiser_marks_attendance(self) -> None:
        event = self.past_event()
        cees = Registration.objects.get(user=self.cees)
        bram = Registration.objects.get(user=self.bram)
        self.log_in(self.anna)

        self.client.post(
            reverse("events:attendees", args=[self.coalition.slug, event.pk]),
            {f"attended_{cees.pk}": "yes", f"attended_{bram.pk}": "no"},
        )

        cees.refresh_from_db()
        bram.refresh_from_db()
        self.assertIs(cees.attended, True)
        self.assertIs(bram.attended, False)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.EVENT_ATTENDANCE_RECORDED).exists()
        )

    def test_the_attendee_list_is_safe_to_open_in_a_spreadsheet(self) -> None:
        event = make_event(self.coalition)
        do_register_visitor(
            event, name='=HYPERLINK("http://x")', email="sam@example.org", organisation="@evil"
        )
        self.register(event, self.cees)
        self.log_in(self.anna)

        response = self.client.get(reverse("events:export", args=[self.coalition.slug, event.pk]))

        text = response.content.decode("utf-8-sig")
        self.assertIn("'=HYPERLINK", text)
        self.assertIn("'@evil", text)
        self.assertIn("Cees Bakker", text)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED).exists())

    # The report

    def test_the_report_becomes_a_knowledge_item_with_photos_and_slides(self) -> None:
        event = self.past_event()
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:report", args=[self.coalition.slug, event.pk]),
            {
                "summary": "Veertig professionals leerden nepnieuws herkennen.",
                "body": "## Wat we leerden\n\nVeel.",
                "photo_1": SimpleUploadedFile("zaal.png", png(), "image/png"),
                "slides": SimpleUploadedFile("dia.pdf", b"%PDF-1.4 dia's", "application/pdf"),
            },
        )

        event.refresh_from_db()
        item = event.report_item
        assert item is not None
        self.assertRedirects(response, item.get_absolute_url())
        self.assertEqual(item.kind, KnowledgeKind.EVENT_REPORT)
        self.assertEqual(item.visibility, Visibility.PUBLIC)
        self.assertEqual(
            sorted(a.original_name for a in item.attachments.all()), ["dia.pdf", "zaal.png"]
        )
        self.assertContains(self.client.get(event.get_absolute_url()), item.title)

    def test_a_report_with_a_bad_file_keeps_the_text(self) -> None:
        event = self.past_event()
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:report", args=[self.coalition.slug, event.pk]),
            {
                "summary": "Veertig professionals.",
                "body": "",
                "slides": SimpleUploadedFile("dia.exe", b"MZ\x90\x00", "application/pdf"),
            },
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Veertig professionals.")
        event.refresh_from_db()
        self.assertIsNone(event.report_item)

    def test_no_report_before_the_event_is_over(self) -> None:
        event = make_event(self.coalition)
        self.log_in(self.anna)

        response = self.client.post(
            reverse("events:report", args=[self.coalition.slug, event.pk]),
            {"summary": "Te vroeg."},
        )

        self.assertEqual(response.status_code, 200)
        event.refresh_from_db()
        self.assertIsNone(event.report_item)
