"""The join request workflow as scenarios: a list of (who, decision, message) steps each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import mail
from django.test import Client

from weerbaar.accounts.choices import InvitationStatus, Role
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_submit_join_request
from weerbaar.partners.choices import JoinRequestEventKind, JoinRequestStatus
from weerbaar.partners.models import JoinRequest, Partner
from weerbaar.partners.workflow import TRANSITIONS, can_transition


@dataclass(frozen=True)
class Step:
    decision: str
    message: str = ""


APPROVE = Step("approve")
REJECT = Step("reject", "Jullie werken niet in onze regio.")
ASK = Step("ask", "Met wie werken jullie nu al samen?")


class JoinWorkflowTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.join_request = do_submit_join_request(
            self.coalition,
            organisation_name="Buurthuis De Brug",
            domains=["civil_society"],
            website="https://debrug.example",
            contact_name="Els Mulder",
            contact_email="els@debrug.example",
            motivation="Wij doen graag mee.",
            endorsed_principles=[],
        )
        self.url = f"/voorbeeldstad/beheer/aanmeldingen/{self.join_request.pk}/"

    def run_steps(self, *steps: Step) -> list[int]:
        """Post each step as Anna; returns the status codes."""
        self.log_in(self.anna)
        codes = []
        for step in steps:
            field = {
                "approve": "approval_message",
                "reject": "rejection_message",
                "ask": "question",
            }
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    self.url,
                    {"decision": step.decision, field.get(step.decision, "message"): step.message},
                )
            codes.append(response.status_code)
        self.join_request.refresh_from_db()
        return codes

    def kinds(self) -> list[str]:
        return list(self.join_request.events.values_list("kind", flat=True))

    def test_it_allows_only_the_transitions_in_the_table(self) -> None:
        scenarios = [
            (JoinRequestStatus.PENDING, JoinRequestStatus.APPROVED, True),
            (JoinRequestStatus.PENDING, JoinRequestStatus.REJECTED, True),
            (JoinRequestStatus.APPROVED, JoinRequestStatus.REJECTED, False),
            (JoinRequestStatus.APPROVED, JoinRequestStatus.APPROVED, False),
            (JoinRequestStatus.REJECTED, JoinRequestStatus.APPROVED, False),
        ]
        for current, target, allowed in scenarios:
            with self.subTest(current=current, target=target):
                self.assertEqual(can_transition(current, target), allowed)
        self.assertEqual(set(TRANSITIONS), set(JoinRequestStatus))

    def test_it_approves_creates_the_partner_and_invites_the_contact(self) -> None:
        codes = self.run_steps(APPROVE)

        self.assertEqual(codes, [302])
        self.assertEqual(self.join_request.status, JoinRequestStatus.APPROVED)
        self.assertEqual(self.join_request.decided_by, self.anna)
        self.assertIsNotNone(self.join_request.decided_at)
        partner = Partner.objects.get()
        self.assertEqual(self.join_request.partner, partner)
        self.assertEqual(
            (partner.coalition, partner.name, partner.domains, partner.website, partner.is_public),
            (
                self.coalition,
                "Buurthuis De Brug",
                ["civil_society"],
                "https://debrug.example",
                False,
            ),
        )
        invitation = Invitation.objects.get(email="els@debrug.example")
        self.assertEqual(
            (invitation.role, invitation.partner, invitation.coalition),
            (Role.PARTNER_ADMIN, partner, self.coalition),
        )
        self.assertEqual(self.kinds(), ["submitted", "approved"])
        self.assertEqual([m.to for m in mail.outbox], [["els@debrug.example"]])
        for action in (
            AuditAction.JOIN_REQUEST_APPROVED,
            AuditAction.PARTNER_CREATED,
            AuditAction.INVITATION_SENT,
        ):
            self.assertTrue(AuditEntry.objects.filter(action=action, actor=self.anna).exists())

    def test_it_links_the_accepted_membership_to_the_new_partner(self) -> None:
        self.run_steps(APPROVE)
        match = re.search(r"/account/uitnodiging/[\w-]+/", str(mail.outbox[0].body))
        assert match is not None
        password = "lang genoeg en niet gewoon"

        Client().post(
            match.group(0),
            {"full_name": "Els Mulder", "password1": password, "password2": password},
        )

        els = User.objects.get(email="els@debrug.example")
        membership = Membership.objects.get(user=els, coalition=self.coalition)
        self.assertEqual(membership.role, Role.PARTNER_ADMIN)
        self.assertEqual(membership.organisation, self.join_request.partner)
        self.assertEqual(Invitation.objects.get(email=els.email).status, InvitationStatus.ACCEPTED)

    def test_it_links_a_contact_who_is_already_in_the_coalition(self) -> None:
        scenarios = [
            (self.cees, Role.PARTNER_ADMIN),  # a member becomes the partner's admin
            (self.anna, Role.COORDINATOR),  # a coordinator keeps her role
        ]
        for user, role in scenarios:
            with self.subTest(user=user.email):
                self.setUp()
                JoinRequest.objects.filter(pk=self.join_request.pk).update(
                    contact_email=user.email.upper()
                )

                self.assertEqual(self.run_steps(APPROVE), [302])

                membership = Membership.objects.get(user=user, coalition=self.coalition)
                self.assertEqual(membership.role, role)
                self.assertEqual(membership.organisation, self.join_request.partner)
                self.assertFalse(Invitation.objects.pending().filter(email=user.email).exists())
                self.assertTrue(
                    AuditEntry.objects.filter(
                        action=AuditAction.MEMBERSHIP_LINKED, object_id=str(membership.pk)
                    ).exists()
                )

    def test_it_refuses_to_approve_twice_with_a_clear_message(self) -> None:
        codes = self.run_steps(APPROVE, APPROVE)

        self.assertEqual(codes, [302, 302])
        self.assertEqual(Partner.objects.count(), 1)
        self.assertEqual(Invitation.objects.filter(email="els@debrug.example").count(), 1)
        self.assertEqual(self.kinds(), ["submitted", "approved"])
        page = self.client.get(self.url)
        self.assertContains(page, "al afgehandeld")

    def test_it_rejects_with_a_message_mailed_to_the_contact(self) -> None:
        codes = self.run_steps(REJECT)

        self.assertEqual(codes, [302])
        self.assertEqual(self.join_request.status, JoinRequestStatus.REJECTED)
        self.assertEqual(self.join_request.message, REJECT.message)
        self.assertFalse(Partner.objects.exists())
        self.assertEqual([m.to for m in mail.outbox], [["els@debrug.example"]])
        self.assertIn(REJECT.message, mail.outbox[0].body)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.JOIN_REQUEST_REJECTED).exists()
        )

    def test_it_asks_a_question_and_stays_pending(self) -> None:
        codes = self.run_steps(ASK)

        self.assertEqual(codes, [302])
        self.assertEqual(self.join_request.status, JoinRequestStatus.PENDING)
        self.assertEqual(self.kinds(), ["submitted", JoinRequestEventKind.QUESTION_ASKED])
        self.assertEqual(mail.outbox[0].to, ["els@debrug.example"])
        self.assertEqual(mail.outbox[0].reply_to, ["anna@example.org"])
        self.assertIn(ASK.message, mail.outbox[0].body)
        self.assertContains(self.client.get(self.url), ASK.message)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.JOIN_REQUEST_QUESTION_ASKED).exists()
        )

    def test_it_runs_the_unhappy_scenarios_without_errors(self) -> None:
        scenarios: list[tuple[tuple[Step, ...], list[int], JoinRequestStatus, list[str]]] = [
            # A question, then approval: the usual careful path.
            (
                (ASK, APPROVE),
                [302, 302],
                JoinRequestStatus.APPROVED,
                ["question_asked", "approved"],
            ),
            # Rejecting without a message keeps the form and changes nothing.
            ((Step("reject", "  "),), [200], JoinRequestStatus.PENDING, []),
            # An empty question is refused as well.
            ((Step("ask"),), [200], JoinRequestStatus.PENDING, []),
            # Once rejected, neither approval nor a question gets through.
            ((REJECT, APPROVE, ASK), [302, 302, 302], JoinRequestStatus.REJECTED, ["rejected"]),
            # An unknown decision only shows the page again.
            ((Step("delete"),), [200], JoinRequestStatus.PENDING, []),
        ]
        for steps, codes, status, kinds in scenarios:
            with self.subTest(steps=[s.decision for s in steps]):
                self.setUp()
                self.assertEqual(self.run_steps(*steps), codes)
                self.assertEqual(self.join_request.status, status)
                self.assertEqual(self.kinds(), ["submitted", *kinds])

    def test_it_keeps_the_rejection_message_form_with_an_error(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.url, {"decision": "reject", "rejection_message": ""})

        self.assertEqual(response.status_code, 200)
        self.assertIn("rejection_message", response.context["reject_form"].errors)

    def test_it_refuses_decisions_by_a_partner_admin(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.url, {"decision": "approve"})

        self.assertEqual(response.status_code, 403)
        self.join_request.refresh_from_db()
        self.assertEqual(self.join_request.status, JoinRequestStatus.PENDING)
        self.assertFalse(JoinRequest.objects.exclude(status=JoinRequestStatus.PENDING).exists())
