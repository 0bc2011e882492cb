from __future__ import annotations

import base64
from io import StringIO

from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import UserSession
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase

SETUP_URL = "/account/tweestapsverificatie/instellen/"
VERIFY_URL = "/account/tweestapsverificatie/"
MEMBER_HOME = "/voorbeeldstad/start/"


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A code the device refuses now: none of the codes its clock tolerance accepts."""
    accepted = {
        totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
        for drift in range(-device.tolerance - 1, device.tolerance + 2)
    }
    return next(f"{n:06d}" for n in range(1000000) if n not in accepted)


class MfaTestCase(PersonasTestCase):
    def test_it_shows_a_coordinator_without_authenticator_a_qr_code_and_key(self) -> None:
        TOTPDevice.objects.filter(user=self.anna).delete()
        self.log_in(self.anna)

        response = self.client.get(f"{SETUP_URL}?next={MEMBER_HOME}")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=self.anna, confirmed=False)
        key = base64.b32encode(device.bin_key).decode()
        self.assertEqual("".join(response.context["secret_groups"]), key)
        self.assertContains(response, key[:4])

    def test_it_sends_a_coordinator_without_authenticator_to_the_setup(self) -> None:
        TOTPDevice.objects.filter(user=self.anna).delete()
        self.log_in(self.anna)

        response = self.client.get(MEMBER_HOME)

        self.assertRedirects(
            response, f"{SETUP_URL}?next=%2Fvoorbeeldstad%2Fstart%2F", fetch_redirect_response=False
        )

    def test_it_refuses_a_wrong_code_during_setup(self) -> None:
        TOTPDevice.objects.filter(user=self.anna).delete()
        self.log_in(self.anna)
        self.client.get(SETUP_URL)
        device = TOTPDevice.objects.get(user=self.anna)

        response = self.client.post(SETUP_URL, {"token": wrong_code_for(device)})

        self.assertEqual(response.status_code, 200)
        self.assertIn("token", response.context["form"].errors)
        device.refresh_from_db()
        self.assertFalse(device.confirmed)
        self.assertNotIn(DEVICE_ID_SESSION_KEY, self.client.session)
        self.assertEqual(self.client.get(MEMBER_HOME).status_code, 302)

    def test_it_confirms_the_authenticator_with_the_right_code(self) -> None:
        TOTPDevice.objects.filter(user=self.anna).delete()
        self.log_in(self.anna)
        self.client.get(SETUP_URL)
        device = TOTPDevice.objects.get(user=self.anna)

        response = self.client.post(SETUP_URL, {"token": code_for(device), "next": MEMBER_HOME})

        self.assertRedirects(response, MEMBER_HOME)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(self.client.session[DEVICE_ID_SESSION_KEY], device.persistent_id)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.MFA_ENROLLED, actor=self.anna).exists()
        )
        self.assertEqual(self.client.get(MEMBER_HOME).status_code, 200)

    def test_it_sends_a_coordinator_with_authenticator_to_the_verify_page(self) -> None:
        self.log_in(self.anna, verified=False)

        response = self.client.get(MEMBER_HOME)
        setup = self.client.get(SETUP_URL)

        self.assertRedirects(
            response,
            f"{VERIFY_URL}?next=%2Fvoorbeeldstad%2Fstart%2F",
            fetch_redirect_response=False,
        )
        self.assertTrue(setup["Location"].startswith(reverse("accounts:mfa_verify")))
        self.assertEqual(TOTPDevice.objects.filter(user=self.anna).count(), 1)

    def test_it_lets_a_coordinator_through_with_the_right_code(self) -> None:
        self.log_in(self.anna, verified=False)
        device = TOTPDevice.objects.get(user=self.anna)

        response = self.client.post(VERIFY_URL, {"token": code_for(device), "next": MEMBER_HOME})

        self.assertRedirects(response, MEMBER_HOME)
        self.assertEqual(self.client.session[DEVICE_ID_SESSION_KEY], device.persistent_id)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.MFA_VERIFIED, actor=self.anna).exists()
        )

    def test_it_refuses_and_audits_a_wrong_code_on_the_verify_page(self) -> None:
        self.log_in(self.anna, verified=False)
        device = TOTPDevice.objects.get(user=self.anna)

        response = self.client.post(VERIFY_URL, {"token": wrong_code_for(device)})

        self.assertEqual(response.status_code, 200)
        self.assertIn("token", response.context["form"].errors)
        self.assertNotIn(DEVICE_ID_SESSION_KEY, self.client.session)
        entry = AuditEntry.objects.get(action=AuditAction.MFA_FAILED)
        self.assertEqual(entry.actor, self.anna)
        self.assertEqual(entry.result, AuditResult.FAILURE)
        self.assertEqual(self.client.get(MEMBER_HOME).status_code, 302)

    def test_it_does_not_follow_a_next_address_to_another_site(self) -> None:
        self.log_in(self.anna, verified=False)
        device = TOTPDevice.objects.get(user=self.anna)

        response = self.client.post(
            VERIFY_URL, {"token": code_for(device), "next": "https://evil.example/"}
        )

        self.assertRedirects(response, reverse("accounts:home"), fetch_redirect_response=False)

    def test_it_never_asks_a_member_for_a_code(self) -> None:
        self.log_in(self.cees, verified=False)

        response = self.client.get(MEMBER_HOME)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.cees.needs_mfa())
        self.assertFalse(TOTPDevice.objects.filter(user=self.cees).exists())

    def test_it_gives_the_session_a_new_key_once_verified(self) -> None:
        self.log_in(self.anna, verified=False)
        before = self.client.session.session_key
        device = TOTPDevice.objects.get(user=self.anna)

        self.client.post(VERIFY_URL, {"token": code_for(device), "next": MEMBER_HOME})

        after = self.client.session.session_key
        self.assertNotEqual(before, after)
        self.assertTrue(UserSession.objects.filter(user=self.anna, session_key=after).exists())
        self.assertFalse(UserSession.objects.filter(session_key=before).exists())

    def test_it_lets_an_operator_reset_a_lost_authenticator(self) -> None:
        call_command("reset_mfa", "Anna@example.org", stdout=StringIO())

        self.assertFalse(TOTPDevice.objects.filter(user=self.anna).exists())
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.MFA_RESET, object_id=str(self.anna.pk))
        )
        self.log_in(self.anna)
        response = self.client.get(MEMBER_HOME)
        self.assertRedirects(
            response, f"{SETUP_URL}?next={MEMBER_HOME}", fetch_redirect_response=False
        )

    def test_it_refuses_to_reset_an_unknown_address(self) -> None:
        with self.assertRaises(CommandError):
            call_command("reset_mfa", "niemand@example.org", stdout=StringIO())
