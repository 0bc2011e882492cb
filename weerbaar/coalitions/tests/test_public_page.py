from __future__ import annotations

from weerbaar.lib.testing import PersonasTestCase


class PublicPageTestCase(PersonasTestCase):
    def test_it_shows_ambition_principles_and_focus_to_visitors(self) -> None:
        self.coalition.ambition = "Een veilige online samenleving."
        self.coalition.focus_areas = ["prevention", "signalling"]
        self.coalition.save()

        response = self.client.get("/voorbeeldstad/")

        self.assertContains(response, "Een veilige online samenleving.")
        self.assertContains(response, "Samen sterk in Online Coalitie Voorbeeldstad")
        self.assertContains(response, "Preventie")

    def test_it_answers_404_in_the_layout_for_an_unknown_slug(self) -> None:
        response = self.client.get("/bestaat-niet/")

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "weerbaar-skip-link", status_code=404)

    def test_it_shows_no_template_comment_or_tag_as_text(self) -> None:
        # Django's {# #} comments end at the line end; one spread over two lines becomes text.
        for url in ("/", "/voorbeeldstad/", "/account/inloggen/", "/help/"):
            with self.subTest(url=url):
                body = self.client.get(url).content.decode()
                self.assertNotIn("{#", body)
                self.assertNotIn("{%", body)
                self.assertNotIn("{{", body)
