from __future__ import annotations

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.referrals.actions import (
    do_change_referral_status,
    do_delete_finished_referrals,
    do_remind_overdue_referrals,
    do_save_help_offer,
)
from weerbaar.referrals.choices import ReferralEventKind, ReferralStatus
from weerbaar.referrals.models import Referral, ReferralDeletion, ReferralEvent
from weerbaar.referrals.tests.base import ReferralsTestCase, offer_fields
from weerbaar.referrals.workflow import Side


class ReferralTestCase(ReferralsTestCase):
    def referral_url(self, referral: Referral) -> str:
        return reverse("referrals:referral", args=["voorbeeldstad", referral.pk])

    def form_data(self, **overrides: object) -> dict[str, object]:
        data: dict[str, object] = {
            "age_group": "12_17",
            "theme": "cyberbullying",
            "description": "Sanne de Jong (06-12345678) wordt gepest in de klassenapp.",
            "urgency": "urgent",
            "contact_preference": "phone",
            "sharing_basis": "consent",
            "consent_given_by": "parent",
            "consent_given_on": timezone.localdate().isoformat(),
            "consent_purpose": "Doorverwijzing naar het spreekuur online pesten",
        }
        data.update(overrides)
        return data

    def test_it_hands_a_case_over_with_the_description_redacted(self) -> None:
        self.log_in(self.cees)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("referrals:refer", args=["voorbeeldstad", self.offer.pk]),
                self.form_data(),
            )

        referral = Referral.objects.get()
        self.assertRedirects(response, self.referral_url(referral))
        self.assertNotIn("06-12345678", referral.description)
        self.assertNotIn("Sanne", referral.description)
        self.assertIn("[telefoon]", referral.description)
        self.assertEqual(referral.referring_partner, self.youth_work)
        self.assertEqual(referral.consent_given_by, "parent")
        self.assertLessEqual(referral.deadline - referral.created_at, datetime.timedelta(hours=24))
        self.assertEqual(referral.events.get().kind, ReferralEventKind.SENT)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.REFERRAL_SENT))
        # Bram answers for the library; the mail says there is a case, never what it is.
        self.assertEqual([m.to for m in mail.outbox], [["bram@example.org"]])
        self.assertNotIn("gepest", mail.outbox[0].body)

    def test_it_asks_for_the_basis_for_sharing_and_keeps_the_input(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(
            reverse("referrals:refer", args=["voorbeeldstad", self.offer.pk]),
            self.form_data(consent_given_by="", consent_purpose=""),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "wordt gepest in de klassenapp")
        self.assertEqual(Referral.objects.count(), 0)

    def test_it_refuses_a_referral_to_an_inactive_offer(self) -> None:
        inactive = do_save_help_offer(
            self.bram,
            self.coalition,
            self.library,
            **offer_fields(title="Gestopt", is_active=False),
        )
        self.log_in(self.cees)

        response = self.client.post(
            reverse("referrals:refer", args=["voorbeeldstad", inactive.pk]), self.form_data()
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(Referral.objects.count(), 0)

    def test_it_lets_the_receiver_accept_once_and_tells_the_referrer(self) -> None:
        referral = self.refer()
        self.log_in(self.bram)

        page = self.client.get(self.referral_url(referral))
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.referral_url(referral), {"step": "accepted"})
        again = self.client.post(self.referral_url(referral), {"step": "accepted"})

        self.assertContains(page, "Meisje van 14")
        referral.refresh_from_db()
        self.assertEqual(referral.status, ReferralStatus.ACCEPTED)
        self.assertIsNotNone(referral.accepted_at)
        self.assertEqual(again.status_code, 400)
        self.assertContains(again, "die stap kan niet meer", status_code=400)
        self.assertEqual([m.to for m in mail.outbox], [["cees@example.org"]])
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.REFERRAL_VIEWED, actor=self.bram, object_id=referral.pk
            )
        )

    def test_it_needs_a_reason_to_decline_and_lets_the_referrer_choose_again(self) -> None:
        referral = self.refer()
        self.log_in(self.bram)

        refused = self.client.post(
            self.referral_url(referral), {"step": "declined", "message": "Past niet."}
        )
        self.assertEqual(refused.status_code, 400)
        self.assertContains(refused, "Past niet.", status_code=400)
        self.client.post(
            self.referral_url(referral), {"step": "declined", "decline_reason": "capacity"}
        )
        referral.refresh_from_db()
        self.assertEqual(referral.status, ReferralStatus.DECLINED)

        self.log_in(self.cees)
        page = self.client.get(self.referral_url(referral))
        self.assertContains(page, "Gesprek met een jongerenwerker")
        self.client.post(
            self.referral_url(referral), {"step": "sent", "new_offer": self.youth_offer.pk}
        )

        referral.refresh_from_db()
        self.assertEqual(referral.status, ReferralStatus.SENT)
        self.assertEqual(referral.offer, self.youth_offer)
        kinds = list(referral.events.values_list("kind", flat=True))
        # The youth workers have no accounts: they get an answer link by mail.
        self.assertEqual(kinds, ["sent", "declined", "redirected", "link_sent"])
        # The library declined and no longer sees the case.
        self.log_in(self.bram)
        self.assertEqual(self.client.get(self.referral_url(referral)).status_code, 403)

    def test_it_passes_a_question_and_its_answer_redacted(self) -> None:
        referral = self.refer()
        sides = {Side.RECEIVER}
        do_change_referral_status(
            self.bram, referral, "info_requested", sides, message="Welke school?"
        )
        self.log_in(self.cees)

        self.client.post(
            self.referral_url(referral),
            {"step": "sent", "message": "Bel mij op 06-98765432, het is het Voorbeeldcollege."},
        )

        referral.refresh_from_db()
        self.assertEqual(referral.status, ReferralStatus.SENT)
        answer = referral.events.get(kind=ReferralEventKind.INFO_GIVEN)
        self.assertNotIn("06-98765432", answer.message)

    def test_it_shows_a_case_to_the_two_organisations_only(self) -> None:
        referral = self.refer()

        for user, status in ((self.anna, 403), (self.femke, 403), (self.dirk, 403)):
            with self.subTest(user=user.email):
                self.log_in(user)
                self.assertEqual(self.client.get(self.referral_url(referral)).status_code, status)
        self.log_in(self.anna)
        overview = self.client.get(reverse("referrals:overview", args=["voorbeeldstad"]))
        self.assertNotContains(overview, "Meisje van 14")
        self.assertContains(overview, "Online pesten")

    def test_it_warns_that_a_referral_is_no_casusoverleg(self) -> None:
        referral = self.refer(theme="extremism")
        self.log_in(self.bram)

        self.assertContains(self.client.get(self.referral_url(referral)), "casusoverleg")

    def test_it_reminds_overdue_referrals_once_a_day(self) -> None:
        referral = self.refer(urgency="urgent")
        later = referral.deadline + datetime.timedelta(hours=1)

        with self.captureOnCommitCallbacks(execute=True):
            first = do_remind_overdue_referrals(later)
            second = do_remind_overdue_referrals(later + datetime.timedelta(hours=2))
        third = do_remind_overdue_referrals(later + datetime.timedelta(hours=25))

        self.assertEqual((first, second, third), (1, 0, 1))
        self.assertEqual([m.to for m in mail.outbox], [["bram@example.org"]])
        self.assertIn("Herinnering", mail.outbox[0].subject)

    @override_settings(REFERRAL_RETENTION_DAYS=30)
    def test_it_deletes_closed_cases_after_the_retention_period(self) -> None:
        referral = self.refer()
        sides = {Side.RECEIVER}
        do_change_referral_status(self.bram, referral, "accepted", sides)
        do_change_referral_status(self.bram, referral, "closed", sides)
        open_case = self.refer()

        self.assertEqual(do_delete_finished_referrals(timezone.now()), 0)
        out = io.StringIO()
        with self.settings(REFERRAL_RETENTION_DAYS=1):
            Referral.objects.filter(pk=referral.pk).update(
                closed_at=timezone.now() - datetime.timedelta(days=2)
            )
            call_command("delete_finished_referrals", stdout=out)

        self.assertIn("1 referral(s) deleted", out.getvalue())
        self.assertFalse(Referral.objects.filter(pk=referral.pk).exists())
        self.assertFalse(ReferralEvent.objects.filter(referral_id=referral.pk).exists())
        self.assertTrue(Referral.objects.filter(pk=open_case.pk).exists())
        deletion = ReferralDeletion.objects.get()
        self.assertEqual(deletion.referral_number, referral.pk)
        entry = AuditEntry.objects.get(action=AuditAction.REFERRAL_DELETED)
        self.assertEqual(entry.detail, {"referral": referral.pk})

    def test_it_runs_the_periodic_jobs_as_tasks(self) -> None:
        from weerbaar.referrals.tasks import (
            delete_finished_referrals,
            remind_overdue_referrals,
            request_offer_confirmations,
        )

        referral = self.refer(urgency="urgent")
        Referral.objects.filter(pk=referral.pk).update(
            deadline=timezone.now() - datetime.timedelta(hours=1)
        )

        results = [
            job.enqueue().return_value
            for job in (
                remind_overdue_referrals,
                request_offer_confirmations,
                delete_finished_referrals,
            )
        ]

        self.assertEqual(results, [1, 0, 0])
        self.assertEqual(referral.events.filter(kind=ReferralEventKind.REMINDED).count(), 1)
