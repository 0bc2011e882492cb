from __future__ import annotations

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseBase
from django.urls import reverse

from weerbaar.trends.models import AggregateFigure, Rollup
from weerbaar.trends.tests.fixtures import EnglishPersonasTestCase, make_source


class ImportsTestCase(EnglishPersonasTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.source = make_source(self.coalition)
        self.url = reverse(
            "trends:import", kwargs={"slug": "voorbeeldstad", "source_id": self.source.pk}
        )
        self.log_in(self.femke)

    def upload(self, name: str, content: str) -> HttpResponseBase:
        return self.client.post(
            self.url, {"file": SimpleUploadedFile(name, content.encode(), "text/csv")}
        )

    def test_it_previews_checks_each_row_and_stores_only_after_commit(self) -> None:
        response = self.upload(
            "cijfers.csv",
            "week,theme,platform,area,age_group,count\n"
            "2026-W05,scams,instagram,Binnenstad,12_15,40\n"
            "2026-02-02,hate,tiktok,,16_18,12\n"
            "2026-02-30,hate,tiktok,,,3\n"
            "2026-W06,weather,tiktok,,,3\n"
            "2026-W06,hate,tiktok,Atlantis,,3\n"
            "2026-W06,hate,tiktok,,,veel\n"
            "2099-W06,hate,tiktok,,,3\n",
        )
        self.assertContains(response, "2 good rows, together 52")
        self.assertContains(response, "Line 4")
        self.assertContains(response, "is not a known theme")
        self.assertContains(response, "is not an area of this coalition")
        self.assertContains(response, "whole number")
        self.assertContains(response, "impossible or in the future")
        self.assertFalse(AggregateFigure.objects.exists())

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {"commit": "1"})
        figures = AggregateFigure.objects.order_by("week_start")
        self.assertEqual([f.count for f in figures], [40, 12])
        self.assertEqual(figures[0].week_start, datetime.date(2026, 1, 26))
        # The roll-up job ran (immediately under tests) and counted them per week and month.
        week = Rollup.objects.get(period="week", theme="scams")
        self.assertEqual((week.count, week.platform, week.area), (40, "instagram", "Binnenstad"))
        self.assertEqual(Rollup.objects.filter(period="month").count(), 2)

    def test_it_reads_json(self) -> None:
        rows = [{"week": "2026-W05", "theme": "scams", "count": 7}]
        response = self.client.post(
            self.url,
            {"file": SimpleUploadedFile("c.json", json.dumps(rows).encode(), "application/json")},
        )
        self.assertContains(response, "1 good rows, together 7")

    def test_it_refuses_wrong_columns_and_formats_with_a_clear_message(self) -> None:
        for name, content, message in [
            ("a.csv", "datum,aantal\n2026-01-05,3\n", "Columns missing: week, theme, count"),
            ("a.csv", "week,theme,count,naam\n2026-W02,hate,3,Jan\n", "Unknown columns: naam"),
            ("a.json", "{not json", "not valid JSON"),
            ("a.txt", "week,theme,count\n", "Upload a .csv or .json file"),
        ]:
            with self.subTest(content=content):
                response = self.upload(name, content)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertFalse(AggregateFigure.objects.exists())

    def test_it_says_when_the_preview_expired(self) -> None:
        response = self.client.post(self.url, {"commit": "1"}, follow=True)
        self.assertContains(response, "The preview has expired")
