from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PASSWORD, PersonasTestCase

NEW_PASSWORD = "a brand new passphrase for cees"


class PasswordResetTestCase(PersonasTestCase):
    def ask_for_link(self, email: str) -> str:
        """Ask for a reset mail for ``email``; returns the path of the link in it."""
        response = self.client.post(reverse("accounts:password_reset"), {"email": email})
        self.assertRedirects(response, reverse("accounts:password_reset_sent"))
        self.assertEqual(len(mail.outbox), 1)
        match = re.search(r"https?://testserver(/\S+/)", str(mail.outbox[0].body))
        assert match is not None, mail.outbox[0].body
        return match.group(1)

    def test_it_mails_a_link_to_choose_a_new_password(self) -> None:
        path = self.ask_for_link("cees@example.org")

        self.assertEqual(mail.outbox[0].to, ["cees@example.org"])
        self.assertTrue(path.startswith("/account/wachtwoord-herstellen/"))

    def test_it_sets_the_new_password_through_the_link(self) -> None:
        path = self.ask_for_link("cees@example.org")

        form_page = self.client.get(path, follow=True)
        set_password_url = form_page.redirect_chain[-1][0]
        response = self.client.post(
            set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )

        self.assertRedirects(response, reverse("accounts:password_reset_complete"))
        self.cees.refresh_from_db()
        self.assertTrue(self.cees.check_password(NEW_PASSWORD))
        self.assertFalse(self.cees.check_password(PASSWORD))
        entry = AuditEntry.objects.get(action=AuditAction.PASSWORD_CHANGED)
        self.assertEqual(entry.actor, self.cees)

    def test_it_refuses_a_short_password_and_keeps_the_form(self) -> None:
        path = self.ask_for_link("cees@example.org")
        set_password_url = self.client.get(path, follow=True).redirect_chain[-1][0]

        response = self.client.post(
            set_password_url, {"new_password1": "kort1!", "new_password2": "kort1!"}
        )

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["validlink"])
        self.assertIn("new_password2", response.context["form"].errors)
        self.assertContains(response, 'name="new_password1"')
        self.cees.refresh_from_db()
        self.assertTrue(self.cees.check_password(PASSWORD))
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED).exists())

    def test_it_does_not_accept_a_link_twice(self) -> None:
        path = self.ask_for_link("cees@example.org")
        set_password_url = self.client.get(path, follow=True).redirect_chain[-1][0]
        self.client.post(
            set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )

        response = self.client.get(path, follow=True)

        self.assertFalse(response.context["validlink"])

    def test_it_shows_the_sent_page_but_mails_nothing_for_an_unknown_address(self) -> None:
        response = self.client.post(
            reverse("accounts:password_reset"), {"email": "onbekend@example.org"}
        )

        self.assertRedirects(response, reverse("accounts:password_reset_sent"))
        self.assertEqual(mail.outbox, [])
