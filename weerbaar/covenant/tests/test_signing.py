from __future__ import annotations

from unittest import mock

from django.db import IntegrityError

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_publish_covenant_version,
    do_sign_covenant,
)
from weerbaar.covenant.models import CovenantVersion, ImmutableRecordError, Signature
from weerbaar.covenant.workflow import CovenantError
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner

SIGN_URL = "/voorbeeldstad/convenant/ondertekenen/"


def signed(**changes: str) -> dict[str, str]:
    data = {
        "version": "1",
        "signer_name": "Bram Jansen",
        "signer_function": "Directeur",
        "confirmed": "on",
    }
    data.update(changes)
    return data


class SigningTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(None, self.coalition, name="Bibliotheek", domains=[])
        self.bram_membership = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(None, self.bram_membership, self.library)
        self.version = self.publish("Convenant")
        self.log_in(self.bram)

    def publish(self, title: str) -> CovenantVersion:
        draft = do_create_covenant_draft(self.anna, self.coalition, title=title, body="Tekst")
        return do_publish_covenant_version(self.anna, draft)

    def test_it_lets_a_partner_admin_sign_for_their_organisation(self) -> None:
        response = self.client.post(SIGN_URL, signed(), REMOTE_ADDR="192.0.2.7")

        self.assertRedirects(response, "/voorbeeldstad/convenant/")
        signature = Signature.objects.get()
        self.assertEqual(
            (signature.version, signature.partner, signature.signed_by),
            (self.version, self.library, self.bram),
        )
        self.assertEqual(
            (signature.signer_name, signature.signer_function), ("Bram Jansen", "Directeur")
        )
        self.assertTrue(signature.confirmed)
        self.assertEqual(signature.ip_address, "192.0.2.7")
        entry = AuditEntry.objects.get(action=AuditAction.COVENANT_SIGNED)
        self.assertEqual(entry.detail, {"version": 1, "partner": self.library.pk})

    def test_it_shows_the_signature_on_the_covenant_page(self) -> None:
        self.client.post(SIGN_URL, signed())

        response = self.client.get("/voorbeeldstad/convenant/")

        self.assertContains(response, "Bram Jansen, Directeur")
        self.assertFalse(response.context["may_sign"])
        self.assertEqual(response.context["unsigned_partners"], [])

    def test_it_requires_the_explicit_confirmation_and_keeps_the_input(self) -> None:
        response = self.client.post(SIGN_URL, signed(confirmed=""))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bevestig dat je namens je organisatie ondertekent.")
        self.assertContains(response, 'value="Directeur"')
        self.assertFalse(Signature.objects.exists())

    def test_it_refuses_signing_twice_with_a_clear_message(self) -> None:
        self.client.post(SIGN_URL, signed())

        response = self.client.post(SIGN_URL, signed(signer_name="Iemand anders"), follow=True)

        self.assertContains(
            response, "Bibliotheek heeft deze versie van het convenant al ondertekend"
        )
        self.assertEqual(Signature.objects.count(), 1)

    def test_it_sends_a_partner_that_already_signed_back_to_the_covenant(self) -> None:
        self.client.post(SIGN_URL, signed())

        response = self.client.get(SIGN_URL, follow=True)

        self.assertRedirects(response, "/voorbeeldstad/convenant/")
        self.assertContains(
            response, "Bibliotheek heeft deze versie van het convenant al ondertekend"
        )

    def test_it_refuses_signing_a_version_that_was_superseded_meanwhile(self) -> None:
        page = self.client.get(SIGN_URL)
        self.publish("Convenant, herzien")

        response = self.client.post(SIGN_URL, signed(version="1"), follow=True)

        self.assertEqual(page.status_code, 200)
        self.assertContains(response, "niet meer de huidige")
        self.assertFalse(Signature.objects.exists())

    def test_it_refuses_a_version_number_that_does_not_exist(self) -> None:
        for number in ("99", "x", "9" * 30):
            with self.subTest(number=number):
                response = self.client.post(SIGN_URL, signed(version=number), follow=True)

                self.assertContains(response, "niet meer de huidige")
        self.assertFalse(Signature.objects.exists())

    def test_it_turns_a_simultaneous_second_signature_into_a_message(self) -> None:
        with (
            mock.patch.object(Signature.objects, "create", side_effect=IntegrityError("unique")),
            self.assertRaises(CovenantError) as raised,
        ):
            do_sign_covenant(
                self.bram,
                self.version,
                self.library,
                signer_name="Bram",
                signer_function="Directeur",
                confirmed=True,
            )

        self.assertIn("al ondertekend", str(raised.exception))

    def test_it_refuses_a_partner_admin_without_an_organisation(self) -> None:
        Membership.objects.filter(pk=self.bram_membership.pk).update(organisation=None)

        response = self.client.post(SIGN_URL, signed())

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Signature.objects.exists())
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.ACCESS_DENIED, detail__permission="sign_covenant"
            ).exists()
        )

    def test_it_refuses_signing_to_members_and_the_coordinator(self) -> None:
        for user in (self.cees, self.anna):
            with self.subTest(user=user.email):
                self.log_in(user)

                self.assertEqual(self.client.post(SIGN_URL, signed()).status_code, 403)
        self.assertFalse(Signature.objects.exists())

    def test_it_sends_to_the_covenant_page_when_nothing_is_published(self) -> None:
        CovenantVersion.objects.all().delete()

        response = self.client.get(SIGN_URL, follow=True)

        self.assertContains(response, "Er is nog geen gepubliceerd convenant om te ondertekenen.")

    def test_it_never_changes_or_removes_a_signature(self) -> None:
        self.client.post(SIGN_URL, signed())
        signature = Signature.objects.get()

        signature.signer_name = "Iemand anders"
        with self.assertRaises(ImmutableRecordError):
            signature.save()
        with self.assertRaises(ImmutableRecordError):
            signature.delete()
        with self.assertRaises(ImmutableRecordError):
            Signature.objects.update(signer_name="Iemand anders")
        with self.assertRaises(ImmutableRecordError):
            Signature.objects.all().delete()
        signature.refresh_from_db()
        self.assertEqual(signature.signer_name, "Bram Jansen")
