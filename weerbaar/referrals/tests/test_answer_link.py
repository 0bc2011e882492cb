from __future__ import annotations

import datetime
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from weerbaar.referrals.actions import CaseDetails, do_refer_case, hash_token
from weerbaar.referrals.choices import ReferralStatus
from weerbaar.referrals.models import Referral, ReferralLink
from weerbaar.referrals.tests.base import ReferralsTestCase, case


class AnswerLinkTestCase(ReferralsTestCase):
    """The youth workers have no accounts: referrals to them arrive as single-use links."""

    def refer_to_youth_work(self, **overrides: object) -> tuple[Referral, str]:
        details: CaseDetails = case(**overrides)
        with self.captureOnCommitCallbacks(execute=True):
            referral = do_refer_case(self.bram, self.bram_membership, self.youth_offer, details)
        found = re.search(
            r"/voorbeeldstad/doorverwijzen/link/([^/\s]+)/", str(mail.outbox[-1].body)
        )
        assert found is not None
        return referral, found.group(0)

    def test_it_mails_a_link_and_stores_only_its_hash(self) -> None:
        referral, path = self.refer_to_youth_work()

        token = path.rstrip("/").rsplit("/", 1)[1]
        link = ReferralLink.objects.get(referral=referral)
        self.assertEqual(link.token_hash, hash_token(token))
        self.assertNotIn(token, link.token_hash)
        self.assertEqual(mail.outbox[-1].to, ["team@jongerenwerk.example"])
        self.assertAlmostEqual(
            (link.expires_at - timezone.now()).total_seconds(),
            datetime.timedelta(days=14).total_seconds(),
            delta=60,
        )

    def test_it_lets_the_partner_answer_once(self) -> None:
        referral, path = self.refer_to_youth_work()

        page = self.client.get(path)
        with self.captureOnCommitCallbacks(execute=True):
            done = self.client.post(path, {"step": "accepted"})
        reused = self.client.get(path)
        again = self.client.post(path, {"step": "declined", "decline_reason": "capacity"})

        self.assertContains(page, "Meisje van 14")
        self.assertEqual(done.status_code, 200)
        referral.refresh_from_db()
        self.assertEqual(referral.status, ReferralStatus.ACCEPTED)
        self.assertEqual(reused.status_code, 410)
        self.assertEqual(again.status_code, 410)
        self.assertEqual(mail.outbox[-1].to, ["bram@example.org"])
        self.assertIn("no-store", page["Cache-Control"])

    def test_it_keeps_the_link_when_an_answer_is_refused(self) -> None:
        referral, path = self.refer_to_youth_work()

        refused = self.client.post(path, {"step": "declined", "message": "Vol"})

        self.assertEqual(refused.status_code, 400)
        self.assertContains(refused, "Vol", status_code=400)
        self.assertIsNone(ReferralLink.objects.get(referral=referral).used_at)

    def test_it_refuses_an_expired_or_unknown_link(self) -> None:
        referral, path = self.refer_to_youth_work()
        ReferralLink.objects.filter(referral=referral).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )

        self.assertEqual(self.client.get(path).status_code, 410)
        self.assertEqual(
            self.client.get(
                reverse("referrals:answer_link", args=["voorbeeldstad", "verzonnen"])
            ).status_code,
            404,
        )

    def test_it_lets_the_referrer_send_a_new_link_that_replaces_the_old_one(self) -> None:
        referral, old_path = self.refer_to_youth_work()
        self.log_in(self.bram)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("referrals:referral", args=["voorbeeldstad", referral.pk]),
                {"step": "send_link"},
            )
        self.client.logout()

        self.assertEqual(ReferralLink.objects.filter(referral=referral).count(), 2)
        self.assertEqual(self.client.get(old_path).status_code, 410)
        new_path = re.search(
            r"/voorbeeldstad/doorverwijzen/link/[^/\s]+/", str(mail.outbox[-1].body)
        )
        assert new_path is not None
        self.assertEqual(self.client.get(new_path.group(0)).status_code, 200)

    def test_it_ends_open_links_when_the_case_moves_on(self) -> None:
        referral, path = self.refer_to_youth_work()

        self.log_in(self.bram)
        self.client.post(
            reverse("referrals:referral", args=["voorbeeldstad", referral.pk]),
            {"step": "withdrawn"},
        )
        self.client.logout()

        self.assertEqual(self.client.get(path).status_code, 410)
