from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PASSWORD, PersonasTestCase

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

LOGIN_URL = "/account/inloggen/"


class LoginTestCase(PersonasTestCase):
    def log_in_with(self, email: str, password: str) -> TestResponse:
        return self.client.post(LOGIN_URL, {"username": email, "password": password})

    def test_it_lands_a_member_on_the_home_of_their_coalition(self) -> None:
        response = self.client.post(
            LOGIN_URL, {"username": "cees@example.org", "password": PASSWORD}, follow=True
        )

        self.assertEqual(response.redirect_chain[-1][0], "/voorbeeldstad/start/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(int(self.client.session[SESSION_KEY]), self.cees.pk)

    def test_it_accepts_the_address_in_other_capitals(self) -> None:
        response = self.log_in_with("Cees@Example.org", PASSWORD)

        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(self.client.session[SESSION_KEY]), self.cees.pk)

    def test_it_keeps_the_typed_address_and_shows_an_error_on_a_wrong_password(self) -> None:
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

        response = self.log_in_with("cees@example.org", "wrong password")

        self.assertEqual(response.status_code, 200)
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertContains(response, 'value="cees@example.org"')
        self.assertContains(
            response, "This e-mail address and password do not match. Check both and try again."
        )
        self.assertTrue(response.context["form"].non_field_errors())

    def test_it_audits_a_failed_login_with_the_attempted_address(self) -> None:
        self.log_in_with("nobody@example.org", "wrong password")

        entry = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
        self.assertEqual(entry.actor_label, "nobody@example.org")
        self.assertEqual(entry.result, AuditResult.FAILURE)
        self.assertIsNone(entry.actor)
        self.assertEqual(entry.ip_address, "127.0.0.1")
        self.assertNotIn("wrong password", str(entry.detail))

    def test_it_audits_login_and_logout(self) -> None:
        self.log_in_with("cees@example.org", PASSWORD)
        self.client.post(reverse("accounts:logout"))

        login = AuditEntry.objects.get(action=AuditAction.LOGIN)
        logout = AuditEntry.objects.get(action=AuditAction.LOGOUT)
        self.assertEqual(login.actor, self.cees)
        self.assertEqual(logout.actor, self.cees)
        self.assertEqual(logout.result, AuditResult.SUCCESS)
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_it_blocks_logging_in_after_too_many_failures_even_with_the_right_password(
        self,
    ) -> None:
        self.assertTrue(settings.AXES_ENABLED)
        self.assertEqual(settings.AXES_FAILURE_LIMIT, 5)
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            self.log_in_with("cees@example.org", "wrong password")

        response = self.log_in_with("cees@example.org", PASSWORD)

        self.assertIn(response.status_code, (403, 429))
        self.assertTemplateUsed(response, "accounts/locked_out.html")
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.LOGIN_LOCKED_OUT).exists())

    def test_it_counts_capital_variants_of_one_address_towards_the_same_lockout(self) -> None:
        variants = ["cees@example.org", "Cees@example.org", "CEES@example.org"]
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            self.log_in_with(variants[attempt % len(variants)], "wrong password")

        response = self.log_in_with("cees@example.org", PASSWORD)

        self.assertIn(response.status_code, (403, 429))
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_it_still_lets_others_log_in_while_one_address_is_blocked(self) -> None:
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            self.log_in_with("cees@example.org", "wrong password")

        response = self.log_in_with("bram@example.org", PASSWORD)

        self.assertEqual(response.status_code, 302)
        self.assertEqual(int(self.client.session[SESSION_KEY]), self.bram.pk)

    def test_it_sends_a_logged_in_person_away_from_the_login_page(self) -> None:
        self.log_in(self.cees)

        response = self.client.get(LOGIN_URL)

        self.assertRedirects(response, reverse("accounts:home"), fetch_redirect_response=False)
