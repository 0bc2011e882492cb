from __future__ import annotations

from django.test import override_settings

from weerbaar.lib.testing import PersonasTestCase


@override_settings(LANGUAGE_CODE="en")
class NavigationTestCase(PersonasTestCase):
    def header_links(self, page: str) -> str:
        return page.split('class="weerbaar-nav"', 1)[1].split("</nav>", 1)[0]

    def test_the_header_keeps_management_on_the_our_coalition_page(self) -> None:
        self.log_in(self.anna)

        page = self.client.get("/voorbeeldstad/start/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

        header = self.header_links(page)
        self.assertIn("/voorbeeldstad/coalitie/", header)
        self.assertNotIn("/voorbeeldstad/beheer/instellingen/", header)

    def test_the_our_coalition_page_lists_only_what_the_role_may_open(self) -> None:
        self.log_in(self.anna)
        coordinator_page = self.client.get("/voorbeeldstad/coalitie/").content.decode()
        self.log_in(self.cees)
        member_page = self.client.get("/voorbeeldstad/coalitie/").content.decode()

        self.assertIn("/voorbeeldstad/beheer/instellingen/", coordinator_page)
        self.assertNotIn("/voorbeeldstad/beheer/instellingen/", member_page)
        self.assertIn("/voorbeeldstad/partners/", member_page)

    def test_a_visitor_finds_the_help_finder_in_the_header(self) -> None:
        visitor = self.header_links(self.client.get("/voorbeeldstad/").content.decode())
        self.log_in(self.cees)
        member = self.header_links(self.client.get("/voorbeeldstad/").content.decode())

        self.assertIn('href="/voorbeeldstad/hulp/"', visitor)
        self.assertNotIn('href="/voorbeeldstad/hulp/"', member)
        self.assertIn('href="/voorbeeldstad/doorverwijzen/"', member)
