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
