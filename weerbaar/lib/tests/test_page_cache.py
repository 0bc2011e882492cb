from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from weerbaar.lib.page_cache import cache_for_visitors
from weerbaar.lib.testing import PersonasTestCase


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
class PageCacheTestCase(PersonasTestCase):
    def setUp(self) -> None:
        cache.clear()

    def change_ambition(self, text: str) -> None:
        self.coalition.ambition = text
        self.coalition.save(update_fields=["ambition"])

    def test_it_serves_visitors_the_stored_page_until_it_expires(self) -> None:
        self.change_ambition("Eerste versie van de ambitie.")
        self.client.get("/voorbeeldstad/")
        self.change_ambition("Tweede versie van de ambitie.")

        response = self.client.get("/voorbeeldstad/")

        self.assertContains(response, "Eerste versie van de ambitie.")
        cache.clear()
        self.assertContains(self.client.get("/voorbeeldstad/"), "Tweede versie van de ambitie.")

    def test_it_always_renders_afresh_for_logged_in_people(self) -> None:
        self.change_ambition("Eerste versie van de ambitie.")
        self.client.get("/voorbeeldstad/")
        self.change_ambition("Tweede versie van de ambitie.")
        self.log_in(self.cees)

        response = self.client.get("/voorbeeldstad/")

        self.assertContains(response, "Tweede versie van de ambitie.")
        self.assertContains(response, "/voorbeeldstad/start/")

    def test_it_keeps_each_language_apart(self) -> None:
        self.client.get("/voorbeeldstad/")
        self.client.cookies["weerbaar_language"] = "en"

        response = self.client.get("/voorbeeldstad/")

        self.assertContains(response, "Our principles")
        self.assertContains(response, 'lang="en"')

    def test_it_never_stores_a_page_that_carries_a_csrf_token(self) -> None:
        renders: list[int] = []

        @cache_for_visitors
        def page_with_form(request: HttpRequest) -> HttpResponse:
            renders.append(1)
            return HttpResponse(get_token(request))

        for _ in range(2):
            request = RequestFactory().get("/formulier/")
            request.user = AnonymousUser()
            page_with_form(request)

        self.assertEqual(len(renders), 2)

    def test_it_stores_nothing_for_an_unknown_coalition(self) -> None:
        self.assertEqual(self.client.get("/komt-nog/").status_code, 404)
        self.assertEqual(self.client.get("/komt-nog/").status_code, 404)
