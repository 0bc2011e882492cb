from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from weerbaar.trends.models import FeedItem, WatchList
from weerbaar.trends.tests.fixtures import EnglishPersonasTestCase, make_source


class TermsTestCase(EnglishPersonasTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.feed = make_source(self.coalition, "feed", name="Nieuws", url="https://n.example/")
        now = timezone.now()
        rows = []
        for n in range(60):
            rows.append(
                (
                    "Nieuws over school en sport in de stad",
                    now - datetime.timedelta(weeks=6 + n % 20),
                )
            )
        for n in range(15):
            rows.append(
                (
                    f"Nieuwe nepwinkel lokt jongeren met sneakers {n}",
                    now - datetime.timedelta(days=n),
                )
            )
        for n in range(10):
            rows.append(
                ("Nieuws over school en sport in de stad", now - datetime.timedelta(days=n))
            )
        FeedItem.objects.bulk_create(
            FeedItem(
                coalition=self.coalition,
                source=self.feed,
                key=str(i),
                title=title,
                published_at=when,
                theme="scams",
            )
            for i, (title, when) in enumerate(rows)
        )
        self.url = reverse("trends:terms", kwargs={"slug": "voorbeeldstad"})

    def test_it_shows_rising_terms_with_examples_for_analysts_only(self) -> None:
        self.log_in(self.femke)
        analyst = self.client.get(self.url)
        self.assertContains(
            analyst, '<th class="utrecht-table__header-cell" scope="row">nepwinkel</th>', html=False
        )
        self.assertContains(analyst, "Nieuwe nepwinkel lokt jongeren")
        self.assertNotContains(analyst, 'scope="row">school</th>')
        self.log_in(self.cees)
        member = self.client.get(self.url)
        self.assertContains(member, 'scope="row">nepwinkel</th>')
        self.assertNotContains(member, "Nieuwe nepwinkel lokt jongeren")

    def test_it_keeps_watch_lists_to_analysts_and_refuses_account_names(self) -> None:
        url = reverse("trends:create_watch_list", kwargs={"slug": "voorbeeldstad"})
        self.log_in(self.cees)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.log_in(self.femke)
        response = self.client.post(url, {"name": "Accounts", "terms": "@jantje\nnepwinkel"})
        self.assertContains(response, "account names (@…) are not allowed")
        self.assertFalse(WatchList.objects.exists())
        self.client.post(url, {"name": "Winkels", "terms": " nepwinkel \n\nsneakers actie"})
        self.assertEqual(WatchList.objects.get().get_terms(), ["nepwinkel", "sneakers actie"])
