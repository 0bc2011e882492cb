"""Sending survives crashes: no row is sent twice, and none is silently lost."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import User
from weerbaar.lib.testing import PersonasTestCase, create_member
from weerbaar.newsflash import actions
from weerbaar.newsflash.actions import (
    STALE_CLAIM,
    claim_next_delivery,
    do_create_newsflash,
    do_deliver_newsflash,
    do_resume_newsflashes,
    do_send_newsflash,
    do_set_subscription,
)
from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus
from weerbaar.newsflash.models import Newsflash, NewsflashDelivery
from weerbaar.newsflash.notifications import notify_newsflash

RECIPIENTS = 8


class SimulatedCrash(BaseException):
    """Like SIGKILL, nothing in the loop catches it (it is not an Exception)."""


class DeliveryTestCase(PersonasTestCase):
    readers: list[User]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.readers = [
            create_member(cls.coalition, f"lezer{n}@example.org", f"Lezer {n}", Role.MEMBER)
            for n in range(RECIPIENTS)
        ]
        for reader in cls.readers:
            do_set_subscription(reader, cls.coalition, reader, True)

    def start_sending(self) -> Newsflash:
        newsflash = do_create_newsflash(
            self.anna, self.coalition, title="Test", intro="Hallo", roles=[], domains=[], entries=[]
        )
        # Without running the on-commit job: the tests below play the worker themselves.
        do_send_newsflash(self.anna, newsflash)
        return newsflash

    def sent_to(self) -> Counter[str]:
        return Counter(m.to[0] for m in mail.outbox)

    def statuses(self, newsflash: Newsflash) -> dict[str, int]:
        return newsflash.deliveries.counts()

    def test_it_claims_each_row_for_one_worker_only(self) -> None:
        newsflash = self.start_sending()

        first = claim_next_delivery(newsflash.pk)
        second = claim_next_delivery(newsflash.pk)

        assert first is not None
        assert second is not None
        self.assertNotEqual(first.pk, second.pk)
        updated = NewsflashDelivery.objects.filter(
            pk=first.pk, status=DeliveryStatus.PENDING
        ).update(status=DeliveryStatus.SENDING)
        self.assertEqual(updated, 0, "a claimed row can be claimed again")

    def test_it_resumes_after_a_crash_between_two_rows_without_sending_twice(self) -> None:
        newsflash = self.start_sending()
        real_claim = actions.claim_next_delivery
        calls = 0

        def crash_on_the_fourth_claim(newsflash_id: int) -> Any:
            nonlocal calls
            calls += 1
            if calls == 4:
                raise SimulatedCrash
            return real_claim(newsflash_id)

        with (
            mock.patch.object(actions, "claim_next_delivery", crash_on_the_fourth_claim),
            self.assertRaises(SimulatedCrash),
        ):
            do_deliver_newsflash(newsflash.pk)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(self.statuses(newsflash)[DeliveryStatus.PENDING], RECIPIENTS - 3)

        started = do_resume_newsflashes()  # huey runs the job at once under test

        self.assertEqual(started, 1)
        self.assertEqual(self.sent_to(), Counter({r.email: 1 for r in self.readers}))
        newsflash.refresh_from_db()
        self.assertEqual(newsflash.status, NewsflashStatus.SENT)
        self.assertEqual(self.statuses(newsflash)[DeliveryStatus.SENT], RECIPIENTS)

    def test_it_never_resends_a_row_that_was_being_sent_when_it_crashed(self) -> None:
        newsflash = self.start_sending()
        real_notify = notify_newsflash
        calls = 0

        def crash_while_sending_the_third(*args: Any) -> None:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise SimulatedCrash
            real_notify(*args)

        with (
            mock.patch.object(actions, "notify_newsflash", crash_while_sending_the_third),
            self.assertRaises(SimulatedCrash),
        ):
            do_deliver_newsflash(newsflash.pk)
        interrupted = newsflash.deliveries.get(status=DeliveryStatus.SENDING)

        do_resume_newsflashes()  # soon after: the claim may still be alive, so it is left alone
        self.assertEqual(
            NewsflashDelivery.objects.get(pk=interrupted.pk).status, DeliveryStatus.SENDING
        )
        do_resume_newsflashes(now=timezone.now() + STALE_CLAIM + STALE_CLAIM)

        interrupted.refresh_from_db()
        self.assertEqual(interrupted.status, DeliveryStatus.FAILED)
        self.assertEqual(interrupted.error, actions.INTERRUPTED)
        self.assertNotIn(interrupted.email, self.sent_to())
        self.assertEqual(max(self.sent_to().values()), 1)
        self.assertEqual(len(mail.outbox), RECIPIENTS - 1)
        newsflash.refresh_from_db()
        self.assertEqual(newsflash.status, NewsflashStatus.SENT)

    def test_it_shows_the_coordinator_how_far_sending_is(self) -> None:
        newsflash = self.start_sending()
        claim_next_delivery(newsflash.pk)
        url = f"/voorbeeldstad/nieuwsflits/{newsflash.number}/verzending/"

        page = self.log_in(self.anna).get(url)

        self.assertContains(page, f"{RECIPIENTS} ontvangers")
        self.assertContains(page, "<dt>Wacht</dt><dd>7</dd>", html=False)
        self.assertContains(page, "<dt>Wordt verstuurd</dt><dd>1</dd>", html=False)
        self.assertContains(page, 'hx-trigger="every 3s"')

    def test_it_marks_a_refused_address_failed_and_sends_the_rest(self) -> None:
        newsflash = self.start_sending()
        real_notify = notify_newsflash
        bad = self.readers[2].email

        def refuse_one(newsflash: Newsflash, email: str, user_id: int) -> None:
            if email == bad:
                raise OSError("550 no such user")
            real_notify(newsflash, email, user_id)

        with mock.patch.object(actions, "notify_newsflash", refuse_one):
            sent = do_deliver_newsflash(newsflash.pk)

        self.assertEqual(sent, RECIPIENTS - 1)
        failed = newsflash.deliveries.get(status=DeliveryStatus.FAILED)
        self.assertEqual((failed.email, failed.error), (bad, "OSError"))

        with self.captureOnCommitCallbacks(execute=True):
            client = self.log_in(self.anna)
            client.post(f"/voorbeeldstad/nieuwsflits/{newsflash.number}/verzending/")

        failed.refresh_from_db()
        self.assertEqual(failed.status, DeliveryStatus.SENT)
        self.assertEqual(self.sent_to()[bad], 1)
        self.assertEqual(len(mail.outbox), RECIPIENTS)

    def test_it_does_nothing_for_a_draft_or_a_finished_issue(self) -> None:
        newsflash = self.start_sending()
        do_deliver_newsflash(newsflash.pk)
        mail.outbox.clear()

        self.assertEqual(do_deliver_newsflash(newsflash.pk), 0)
        self.assertEqual(do_resume_newsflashes(), 0)
        self.assertEqual(mail.outbox, [])

    def test_it_resumes_from_the_management_command_too(self) -> None:
        newsflash = self.start_sending()
        out = io.StringIO()

        call_command("resume_newsflashes", stdout=out)

        self.assertIn("Started 1 newsflash job(s).", out.getvalue())
        self.assertEqual(self.sent_to(), Counter({r.email: 1 for r in self.readers}))
        newsflash.refresh_from_db()
        self.assertEqual(newsflash.status, NewsflashStatus.SENT)
