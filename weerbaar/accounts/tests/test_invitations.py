from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO
from typing import TYPE_CHECKING

from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from weerbaar.accounts.actions import do_expire_invitations, do_invite_member
from weerbaar.accounts.choices import InvitationStatus, Role
from weerbaar.accounts.models import Invitation, Membership, User, hash_invitation_token
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

INVITE_URL = "/voorbeeldstad/leden/uitnodigen/"
NEW_PASSWORD = "lang genoeg en niet gewoon"


class InvitationsTestCase(PersonasTestCase):
    def invite(self, email: str, role: Role = Role.MEMBER) -> tuple[Invitation, str]:
        """Invite through the action (as Anna); returns the invitation and the link's path."""
        with self.captureOnCommitCallbacks(execute=True):
            invitation, token = do_invite_member(self.anna, self.coalition, email, role)
        return invitation, f"/account/uitnodiging/{token}/"

    def make_overdue(self, invitation: Invitation) -> None:
        # Time travel: the date an invitation was given is not something a person can change.
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )

    def accept_as_new_person(self, path: str, client: Client | None = None) -> TestResponse:
        return (client or self.client).post(
            path,
            {"full_name": "Nina de Vries", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )

    def test_it_lets_a_coordinator_invite_by_mail(self) -> None:
        self.log_in(self.anna)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                INVITE_URL, {"email": "Nina@Example.org", "role": Role.ANALYST}
            )

        self.assertRedirects(response, "/voorbeeldstad/leden/", fetch_redirect_response=False)
        invitation = Invitation.objects.get(email="nina@example.org")
        self.assertEqual(invitation.coalition, self.coalition)
        self.assertEqual(invitation.role, Role.ANALYST)
        self.assertEqual(invitation.invited_by, self.anna)
        self.assertEqual(invitation.status, InvitationStatus.PENDING)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["nina@example.org"])
        match = re.search(r"/account/uitnodiging/([\w-]+)/", str(mail.outbox[0].body))
        assert match is not None, mail.outbox[0].body
        token = match.group(1)
        self.assertEqual(invitation.token_hash, hash_invitation_token(token))
        self.assertNotIn(token, invitation.token_hash)
        entry = AuditEntry.objects.get(
            action=AuditAction.INVITATION_SENT, object_id=str(invitation.pk)
        )
        self.assertEqual(entry.actor, self.anna)
        self.assertEqual(entry.coalition, self.coalition)
        self.assertEqual(entry.object_id, str(invitation.pk))
        self.assertEqual(entry.detail, {"role": "analyst"})

    def test_it_refuses_an_invitation_from_a_member(self) -> None:
        self.log_in(self.cees)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(INVITE_URL, {"email": "nina@example.org", "role": "member"})

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Invitation.objects.filter(email="nina@example.org").exists())
        self.assertEqual(mail.outbox, [])

    def test_it_creates_account_and_membership_for_a_new_person(self) -> None:
        invitation, path = self.invite("nina@example.org", Role.PARTNER_ADMIN)

        self.assertEqual(self.client.get(path).status_code, 200)
        response = self.accept_as_new_person(path)

        self.assertRedirects(response, "/voorbeeldstad/start/")
        nina = User.objects.get(email="nina@example.org")
        self.assertEqual(nina.full_name, "Nina de Vries")
        self.assertTrue(nina.check_password(NEW_PASSWORD))
        membership = Membership.objects.get(user=nina)
        self.assertEqual(membership.coalition, self.coalition)
        self.assertEqual(membership.role, Role.PARTNER_ADMIN)
        self.assertEqual(int(self.client.session[SESSION_KEY]), nina.pk)
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.ACCEPTED)
        self.assertEqual(invitation.accepted_by, nina)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.INVITATION_ACCEPTED, actor=nina).exists()
        )

    def test_it_accepts_a_link_only_once(self) -> None:
        _invitation, path = self.invite("nina@example.org")
        self.accept_as_new_person(path)

        again = Client()
        response = again.get(path)
        second = self.accept_as_new_person(path, client=again)

        self.assertEqual(response.status_code, 410)
        self.assertTemplateUsed(response, "accounts/invitation_invalid.html")
        self.assertEqual(second.status_code, 410)
        self.assertEqual(User.objects.filter(email="nina@example.org").count(), 1)

    def test_it_answers_not_found_for_an_unknown_token(self) -> None:
        response = self.client.get("/account/uitnodiging/bestaat-niet/")

        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "accounts/invitation_invalid.html")

    def test_it_refuses_an_expired_invitation(self) -> None:
        invitation, path = self.invite("nina@example.org")
        self.make_overdue(invitation)

        response = self.accept_as_new_person(path)

        self.assertEqual(response.status_code, 410)
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_it_expires_overdue_invitations_once_and_audits_them(self) -> None:
        overdue, _path = self.invite("nina@example.org")
        current, _path = self.invite("otto@example.org")
        self.make_overdue(overdue)

        first = do_expire_invitations()
        second = do_expire_invitations()

        self.assertEqual((first, second), (1, 0))
        overdue.refresh_from_db()
        current.refresh_from_db()
        self.assertEqual(overdue.status, InvitationStatus.EXPIRED)
        self.assertEqual(current.status, InvitationStatus.PENDING)
        entry = AuditEntry.objects.get(action=AuditAction.INVITATION_EXPIRED)
        self.assertEqual(entry.object_id, str(overdue.pk))
        self.assertEqual(entry.actor_label, "system")
        self.assertEqual(entry.coalition, self.coalition)

    def test_it_expires_overdue_invitations_from_the_command(self) -> None:
        overdue, _path = self.invite("nina@example.org")
        self.make_overdue(overdue)

        out = StringIO()
        call_command("expire_invitations", stdout=out)
        call_command("expire_invitations", stdout=out)

        overdue.refresh_from_db()
        self.assertEqual(overdue.status, InvitationStatus.EXPIRED)
        self.assertEqual(
            AuditEntry.objects.filter(action=AuditAction.INVITATION_EXPIRED).count(), 1
        )
        self.assertEqual(
            out.getvalue().splitlines(), ["1 invitation(s) expired.", "0 invitation(s) expired."]
        )

    def test_it_keeps_the_name_when_the_passwords_differ(self) -> None:
        _invitation, path = self.invite("nina@example.org")

        response = self.client.post(
            path,
            {"full_name": "Nina de Vries", "password1": NEW_PASSWORD, "password2": "iets anders"},
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("password2", response.context["form"].errors)
        self.assertContains(response, 'value="Nina de Vries"')
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_it_refuses_a_weak_password_and_keeps_the_name(self) -> None:
        _invitation, path = self.invite("nina@example.org")

        response = self.client.post(
            path, {"full_name": "Nina de Vries", "password1": "12345678", "password2": "12345678"}
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("password1", response.context["form"].errors)
        self.assertContains(response, 'value="Nina de Vries"')
        self.assertFalse(User.objects.filter(email="nina@example.org").exists())

    def test_it_asks_an_existing_account_to_log_in_first(self) -> None:
        invitation, path = self.invite("dirk@example.org", Role.ANALYST)

        page = self.client.get(path)
        refused = self.client.post(path, {})

        self.assertIsNone(page.context["form"])
        self.assertTrue(page.context["account_exists"])
        self.assertContains(page, f"/account/inloggen/?next={path}")
        self.assertTrue(refused.context["error"])
        self.assertFalse(
            Membership.objects.filter(user=self.dirk, coalition=self.coalition).exists()
        )

        self.log_in(self.dirk)
        response = self.client.post(path)

        self.assertRedirects(response, "/voorbeeldstad/start/", fetch_redirect_response=False)
        membership = Membership.objects.get(user=self.dirk, coalition=self.coalition)
        self.assertEqual(membership.role, Role.ANALYST)
        self.assertTrue(
            Membership.objects.filter(user=self.dirk, coalition=self.other_coalition).exists()
        )
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.ACCEPTED)

    def test_it_refuses_an_invitation_for_someone_else_to_a_logged_in_person(self) -> None:
        invitation, path = self.invite("nina@example.org")
        self.log_in(self.dirk)

        response = self.client.post(path)

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["error"])
        self.assertFalse(
            Membership.objects.filter(user=self.dirk, coalition=self.coalition).exists()
        )
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.PENDING)

    def test_it_lets_a_coordinator_revoke_an_invitation(self) -> None:
        invitation, path = self.invite("nina@example.org")
        self.log_in(self.anna)

        response = self.client.post(f"/voorbeeldstad/uitnodigingen/{invitation.pk}/intrekken/")

        self.assertRedirects(response, "/voorbeeldstad/leden/", fetch_redirect_response=False)
        invitation.refresh_from_db()
        self.assertEqual(invitation.status, InvitationStatus.REVOKED)
        entry = AuditEntry.objects.get(action=AuditAction.INVITATION_REVOKED)
        self.assertEqual(entry.actor, self.anna)
        self.assertEqual(Client().get(path).status_code, 410)

    def test_it_replaces_an_earlier_pending_invitation_for_the_same_address(self) -> None:
        first, first_path = self.invite("nina@example.org")
        _second, second_path = self.invite("nina@example.org", Role.ANALYST)

        first.refresh_from_db()
        self.assertEqual(first.status, InvitationStatus.REVOKED)
        self.assertEqual(self.client.get(first_path).status_code, 410)
        self.assertEqual(self.client.get(second_path).status_code, 200)
