from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO

from django.core import mail
from django.core.management import call_command

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.covenant.actions import (
    do_pledge_commitment,
    do_record_delivery,
    do_remind_open_commitments,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import CommitmentReminder
from weerbaar.covenant.tasks import remind_open_commitments, schedule_remind_open_commitments
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner


class RemindersTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(None, self.coalition, name="Bibliotheek", domains=[])
        self.health = do_create_partner(None, self.coalition, name="GGD", domains=[])
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(None, bram, self.library)
        self.open = do_pledge_commitment(
            self.bram,
            self.library,
            year=2026,
            kind=CommitmentKind.TIME,
            description="Les",
            hours=Decimal(10),
        )
        done = do_pledge_commitment(
            self.anna, self.health, year=2026, kind=CommitmentKind.OTHER, description="Zaal"
        )
        do_record_delivery(self.anna, done, date=datetime.date(2026, 4, 1), description="Zaal")

    def test_it_mails_the_partner_admins_of_partners_with_open_pledges(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            count = do_remind_open_commitments(2026)

        self.assertEqual(count, 1)
        self.assertEqual([m.to for m in mail.outbox], [["bram@example.org"]])
        self.assertIn(
            f"/voorbeeldstad/partners/{self.library.pk}/toezeggingen/", mail.outbox[0].body
        )
        self.assertTrue(CommitmentReminder.objects.filter(partner=self.library, year=2026).exists())
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.COMMITMENT_REMINDER_SENT).exists()
        )

    def test_it_reminds_each_partner_once_a_year(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            do_remind_open_commitments(2026)
        with self.captureOnCommitCallbacks(execute=True):
            second = do_remind_open_commitments(2026)

        self.assertEqual(second, 0)
        self.assertEqual(len(mail.outbox), 1)

    def test_it_leaves_partners_alone_once_everything_is_delivered(self) -> None:
        do_record_delivery(
            self.bram,
            self.open,
            date=datetime.date(2026, 6, 1),
            description="Les",
            hours=Decimal(10),
        )

        self.assertEqual(do_remind_open_commitments(2026), 0)
        self.assertEqual(mail.outbox, [])

    def test_it_runs_as_a_command_and_as_a_task(self) -> None:
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("remind_open_commitments", "--year", "2026", stdout=out)

        self.assertIn("1 partner(s) reminded.", out.getvalue())
        self.assertEqual(remind_open_commitments.call(), 0)

    def test_it_is_scheduled_every_morning_in_december_only(self) -> None:
        schedule = schedule_remind_open_commitments.task_class()
        cases = [
            (datetime.datetime(2026, 12, 1, 9, 15), True),
            (datetime.datetime(2026, 12, 31, 9, 15), True),
            (datetime.datetime(2026, 12, 1, 10, 15), False),
            (datetime.datetime(2026, 11, 30, 9, 15), False),
            (datetime.datetime(2027, 1, 1, 9, 15), False),
        ]
        for moment, expected in cases:
            with self.subTest(moment=moment):
                self.assertEqual(schedule.validate_datetime(moment), expected)
