from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from weerbaar.trends.actions import do_delete_expired_items, do_update_trend_settings
from weerbaar.trends.models import AggregateFigure, FeedItem, Rollup
from weerbaar.trends.rollups import do_rebuild_rollups, do_roll_up_pending
from weerbaar.trends.tests.fixtures import EnglishPersonasTestCase, make_source, seed_weeks


class DashboardTestCase(EnglishPersonasTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.today = timezone.localdate()
        self.source = make_source(self.coalition)
        self.url = reverse("trends:dashboard", kwargs={"slug": "voorbeeldstad"})

    def test_it_summarises_the_change_against_the_previous_four_weeks(self) -> None:
        seed_weeks(self.anna, self.source, [25, 25, 25, 25, 35, 35, 35, 35], end=self.today)
        self.log_in(self.cees)
        response = self.client.get(self.url)
        self.assertContains(
            response, "Online scams and fraud: +40 % compared with the previous 4 weeks"
        )
        self.assertContains(response, "<polyline")
        self.assertContains(response, "instagram".capitalize())

    def test_it_hides_small_cells_for_members_but_not_for_analysts(self) -> None:
        seed_weeks(self.anna, self.source, [30, 3, 30], end=self.today)
        self.log_in(self.cees)
        member = self.client.get(self.url)
        self.assertContains(member, "fewer than 10")
        self.assertContains(member, "Numbers below 10 are hidden")
        self.assertNotContains(member, '<td class="utrecht-table__cell weerbaar-number">3</td>')
        self.log_in(self.femke)
        analyst = self.client.get(self.url)
        self.assertContains(analyst, '<td class="utrecht-table__cell weerbaar-number">3</td>')
        self.assertNotContains(analyst, "fewer than 10")

    def test_it_hides_a_filtered_count_that_differs_little_from_the_unfiltered_one(self) -> None:
        seed_weeks(self.anna, self.source, [50], end=self.today, platform="instagram")
        seed_weeks(self.anna, self.source, [4], end=self.today, platform="tiktok")
        self.log_in(self.cees)
        unfiltered = self.client.get(self.url)
        self.assertContains(unfiltered, '<td class="utrecht-table__cell weerbaar-number">54</td>')
        self.assertNotContains(
            unfiltered, '<td class="utrecht-table__cell weerbaar-number">50</td>'
        )
        filtered = self.client.get(self.url, {"platform": "instagram"})
        # 54 - 50 would give TikTok's 4 away, in the series and in the platform table.
        self.assertNotContains(filtered, '<td class="utrecht-table__cell weerbaar-number">50</td>')
        self.assertContains(filtered, "fewer than 10")

    def test_it_follows_the_coalition_setting_for_k(self) -> None:
        seed_weeks(self.anna, self.source, [12], end=self.today)
        do_update_trend_settings(self.anna, self.coalition, k_threshold=20)
        self.log_in(self.cees)
        self.assertContains(self.client.get(self.url), "fewer than 20")

    def test_it_keeps_working_on_bad_filters_and_answers_htmx_with_the_results(self) -> None:
        self.log_in(self.cees)
        response = self.client.get(self.url, {"theme": "nonsense", "period": "year"})
        self.assertEqual(response.status_code, 200)
        partial = self.client.get(self.url, {"period": "month"}, headers={"HX-Request": "true"})
        self.assertNotContains(partial, "<html")

    def test_it_counts_incrementally_the_same_as_a_rebuild(self) -> None:
        seed_weeks(self.anna, self.source, [5, 6, 7], end=self.today, theme="hate")
        feed = make_source(self.coalition, "feed", name="Nieuws", url="https://n.example/rss")
        for n in range(3):
            FeedItem.objects.create(
                coalition=self.coalition,
                source=feed,
                key=str(n),
                title=f"Bericht {n}",
                published_at=timezone.now() - datetime.timedelta(days=n * 3),
                theme="scams",
            )
        do_roll_up_pending()
        incremental = sorted(Rollup.objects.values_list("period", "period_start", "theme", "count"))
        self.assertFalse(FeedItem.objects.filter(rolled_up=False).exists())
        self.assertFalse(AggregateFigure.objects.filter(rolled_up=False).exists())
        do_rebuild_rollups(self.coalition)
        rebuilt = sorted(Rollup.objects.values_list("period", "period_start", "theme", "count"))
        self.assertEqual(incremental, rebuilt)
        self.assertEqual(sum(c for p, _s, t, c in rebuilt if p == "week" and t == "scams"), 3)

    def test_it_shows_nothing_of_another_coalition(self) -> None:
        other = make_source(self.other_coalition)
        seed_weeks(self.anna, other, [77], end=self.today)
        self.log_in(self.femke)
        self.assertNotContains(self.client.get(self.url), ">77<")

    def test_it_deletes_rows_past_retention_but_keeps_the_counts(self) -> None:
        feed = make_source(
            self.coalition, "feed", name="Oud", url="https://o.example/rss", retention_days=30
        )
        for n, days in enumerate((5, 60)):
            FeedItem.objects.create(
                coalition=self.coalition,
                source=feed,
                key=str(n),
                title="Bericht",
                published_at=timezone.now() - datetime.timedelta(days=days),
                theme="hate",
            )
        do_roll_up_pending()
        before = sum(Rollup.objects.filter(period="week").values_list("count", flat=True))
        self.assertEqual(do_delete_expired_items(), 1)
        self.assertEqual(FeedItem.objects.count(), 1)
        after = sum(Rollup.objects.filter(period="week").values_list("count", flat=True))
        self.assertEqual(before, after)

    def test_it_compares_months_when_asked_per_month(self) -> None:
        this_month = self.today.replace(day=1)
        last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
        seed_weeks(self.anna, self.source, [40], end=last_month + datetime.timedelta(days=7))
        seed_weeks(self.anna, self.source, [60], end=this_month + datetime.timedelta(days=7))
        self.log_in(self.femke)
        response = self.client.get(self.url, {"period": "month"})
        self.assertContains(
            response, "Online scams and fraud: +50 % compared with the previous month"
        )
        self.assertContains(response, "This month against the month before")
