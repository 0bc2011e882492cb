from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from weerbaar.trends.models import TrendReport
from weerbaar.trends.reports import do_create_monthly_reports, previous_month
from weerbaar.trends.tests.fixtures import EnglishPersonasTestCase, make_source, seed_weeks


class ReportsTestCase(EnglishPersonasTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.source = make_source(self.coalition)
        self.today = timezone.localdate()
        seed_weeks(self.anna, self.source, [40, 42, 3, 45, 90], end=self.today)

    def url(self, name: str, **kwargs: object) -> str:
        return reverse(f"trends:{name}", kwargs={"slug": "voorbeeldstad", **kwargs})

    def test_it_makes_comments_and_publishes_a_report_that_members_then_read(self) -> None:
        self.log_in(self.femke)
        start = self.today - datetime.timedelta(weeks=4)
        response = self.client.post(
            self.url("create_report"),
            {"period_start": start.isoformat(), "period_end": self.today.isoformat()},
        )
        report = TrendReport.objects.get()
        self.assertRedirects(response, self.url("report", report_id=report.pk))
        self.assertTrue(report.title.startswith("Trendmonitor jeugd online — "))

        self.log_in(self.cees)
        self.assertEqual(self.client.get(self.url("report", report_id=report.pk)).status_code, 404)
        self.assertNotContains(self.client.get(self.url("reports")), report.title)

        self.log_in(self.femke)
        self.client.post(
            self.url("report", report_id=report.pk),
            {"commentary": "Oplichting via **nepwinkels** nam sterk toe.", "publish": "on"},
        )
        self.log_in(self.cees)
        page = self.client.get(self.url("report", report_id=report.pk))
        self.assertContains(page, "<strong>nepwinkels</strong>")
        self.assertContains(page, ">90<")
        # The small week is hidden in the report, for everyone.
        self.assertContains(page, "fewer than 10")
        self.assertNotContains(page, 'weerbaar-number">3<')
        pdf = self.client.get(self.url("report_pdf", report_id=report.pk))
        self.assertIn(pdf.status_code, (200, 302))
        if pdf.status_code == 200:
            self.assertEqual(pdf["Content-Type"], "application/pdf")

    def test_it_refuses_a_second_report_for_the_same_period_and_impossible_periods(self) -> None:
        self.log_in(self.femke)
        data = {"period_start": "2026-02-01", "period_end": "2026-02-28"}
        self.client.post(self.url("create_report"), data)
        again = self.client.post(self.url("create_report"), data)
        self.assertContains(again, "There is already a report for this period")
        backwards = self.client.post(
            self.url("create_report"), {"period_start": "2026-03-01", "period_end": "2026-02-01"}
        )
        self.assertContains(backwards, "The end must be after the start")
        self.assertEqual(TrendReport.objects.count(), 1)

    def test_it_drafts_last_month_once(self) -> None:
        self.assertEqual(do_create_monthly_reports(self.today), 1)
        self.assertEqual(do_create_monthly_reports(self.today), 0)
        start, end = previous_month(self.today)
        report = TrendReport.objects.get()
        self.assertEqual((report.period_start, report.period_end), (start, end))
        self.assertFalse(report.is_published())
