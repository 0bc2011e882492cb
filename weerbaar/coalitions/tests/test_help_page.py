from __future__ import annotations

from django.conf import settings
from django.test import TestCase


class HelpPageTestCase(TestCase):
    def test_it_explains_what_a_coalition_may_monitor_once_under_a_plain_title(self) -> None:
        for language, heading in (
            ("nl", "Wat mag een coalitie online volgen?"),
            ("en", "What may a coalition monitor online?"),
        ):
            with self.subTest(language=language):
                self.client.cookies.load({settings.LANGUAGE_COOKIE_NAME: language})
                page = self.client.get("/help/").content.decode()

                title = page.split("<title>", 1)[1].split("</title>", 1)[0]
                self.assertNotIn("<", title)
                self.assertEqual(page.count('id="privacy"'), 1)
                self.assertIn(heading, page.split("</title>", 1)[1])
