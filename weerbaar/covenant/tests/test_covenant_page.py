from __future__ import annotations

from unittest import mock

from weerbaar.accounts.models import Membership
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_publish_covenant_version,
    do_sign_covenant,
)
from weerbaar.covenant.views import refuse_fetch
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner


class CovenantPageTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(None, self.coalition, name="Bibliotheek", domains=[])
        self.health = do_create_partner(None, self.coalition, name="GGD", domains=[])
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(None, bram, self.library)
        first = do_create_covenant_draft(
            self.anna, self.coalition, title="Convenant 2025", body="## Ambitie\n\nSamen."
        )
        self.first = do_publish_covenant_version(self.anna, first)
        do_sign_covenant(
            self.bram,
            self.first,
            self.library,
            signer_name="Bram Jansen",
            signer_function="Directeur",
            confirmed=True,
        )
        second = do_create_covenant_draft(
            self.anna, self.coalition, title="Convenant 2026", body="**Nieuw** convenant"
        )
        self.second = do_publish_covenant_version(self.anna, second)
        do_create_covenant_draft(self.anna, self.coalition, title="Geheim concept", body="x")
        self.log_in(self.cees)

    def test_it_shows_members_the_current_text_and_who_has_not_signed(self) -> None:
        response = self.client.get("/voorbeeldstad/convenant/")

        self.assertContains(response, "<strong>Nieuw</strong>", html=False)
        self.assertEqual(response.context["version"], self.second)
        self.assertEqual(response.context["signatures"], [])
        self.assertEqual(response.context["unsigned_partners"], [self.library, self.health])
        self.assertEqual(list(response.context["history"]), [self.second, self.first])
        self.assertNotContains(response, "Geheim concept")

    def test_it_asks_the_partner_admin_to_sign_the_new_version(self) -> None:
        self.log_in(self.bram)

        response = self.client.get("/voorbeeldstad/convenant/")

        self.assertTrue(response.context["may_sign"])
        self.assertContains(response, 'href="/voorbeeldstad/convenant/ondertekenen/"')
        self.assertContains(
            response, f'href="/voorbeeldstad/partners/{self.library.pk}/toezeggingen/"'
        )

    def test_it_links_the_coordinator_to_the_management_page(self) -> None:
        self.log_in(self.anna)

        response = self.client.get("/voorbeeldstad/convenant/")

        self.assertContains(response, 'href="/voorbeeldstad/beheer/convenant/"')
        self.assertFalse(response.context["may_sign"])

    def test_it_keeps_old_versions_with_their_signatures(self) -> None:
        response = self.client.get("/voorbeeldstad/convenant/versies/1/")

        self.assertContains(response, "Convenant 2025")
        self.assertContains(response, "Bram Jansen, Directeur")
        self.assertContains(response, "vervangen door een nieuwere versie")
        self.assertEqual(response.context["unsigned_partners"], [self.health])

    def test_it_hides_drafts_from_the_history(self) -> None:
        response = self.client.get("/voorbeeldstad/convenant/versies/3/")

        self.assertEqual(response.status_code, 404)

    def test_it_offers_a_printable_page(self) -> None:
        response = self.client.get("/voorbeeldstad/convenant/afdrukken/")

        self.assertContains(response, "Convenant 2026")
        self.assertContains(response, "weerbaar-print-only")

    def test_it_sends_to_the_printable_page_when_weasyprint_is_missing(self) -> None:
        with mock.patch("weerbaar.covenant.views.is_pdf_available", return_value=False):
            response = self.client.get("/voorbeeldstad/convenant/pdf/", follow=True)

        self.assertRedirects(response, "/voorbeeldstad/convenant/afdrukken/")
        self.assertContains(response, "Een pdf maken kan hier niet")

    def test_it_returns_a_pdf_when_weasyprint_is_installed(self) -> None:
        weasyprint = mock.MagicMock()
        weasyprint.HTML.return_value.write_pdf.return_value = b"%PDF-1.7 test"
        with (
            mock.patch("weerbaar.covenant.views.is_pdf_available", return_value=True),
            mock.patch.dict("sys.modules", {"weasyprint": weasyprint}),
        ):
            response = self.client.get("/voorbeeldstad/convenant/pdf/")

        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response.content, b"%PDF-1.7 test")
        html = weasyprint.HTML.call_args.kwargs["string"]
        self.assertIn("Convenant 2026", html)
        self.assertIn("Bibliotheek", html)
        weasyprint.HTML.return_value.write_pdf.assert_called_once_with(pdf_variant="pdf/ua-1")

    def test_it_lets_the_pdf_renderer_fetch_nothing(self) -> None:
        with self.assertRaises(ValueError):
            refuse_fetch("http://169.254.169.254/latest/meta-data/")
