from __future__ import annotations

from weerbaar.lib.testing import PersonasTestCase


class LanguageSwitchTestCase(PersonasTestCase):
    def test_it_speaks_dutch_whatever_the_browser_prefers(self) -> None:
        response = self.client.get("/voorbeeldstad/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

        self.assertContains(response, '<html lang="nl">')
        self.assertEqual(response["Content-Language"], "nl")

    def test_it_remembers_english_and_returns_to_the_page(self) -> None:
        response = self.client.get("/taal/en/?next=/voorbeeldstad/")

        self.assertRedirects(response, "/voorbeeldstad/", fetch_redirect_response=False)
        self.assertEqual(response.cookies["weerbaar_language"].value, "en")
        self.assertContains(self.client.get("/voorbeeldstad/"), '<html lang="en">')

    def test_it_offers_the_other_language_named_in_that_language(self) -> None:
        response = self.client.get("/voorbeeldstad/")

        self.assertContains(
            response,
            'href="/taal/en/?next=/voorbeeldstad/" lang="en" hreflang="en">English</a>',
        )

    def test_it_never_sends_the_visitor_to_another_site(self) -> None:
        response = self.client.get("/taal/en/?next=https://kwaadwillend.example/")

        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_it_answers_404_for_a_language_it_does_not_speak(self) -> None:
        response = self.client.get("/taal/fr/?next=/")

        self.assertEqual(response.status_code, 404)
        self.assertNotIn("weerbaar_language", response.cookies)
