from __future__ import annotations

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from weerbaar.trends.choices import AlertStatus
from weerbaar.trends.early_warning import do_evaluate_alert_rules
from weerbaar.trends.models import Alert, AlertRule, WatchList, WatchMatch
from weerbaar.trends.periods import week_start
from weerbaar.trends.tests.fixtures import EnglishPersonasTestCase, make_source, seed_weeks

NOISE = [31, 28, 35, 30, 27, 33, 29, 32, 30, 26, 34, 30]


class AlertsTestCase(EnglishPersonasTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.today = timezone.localdate()
        self.source = make_source(self.coalition)
        self.log_in(self.femke)

    def url(self, name: str, **kwargs: object) -> str:
        return reverse(f"trends:{name}", kwargs={"slug": "voorbeeldstad", **kwargs})

    def create_rule(self, **overrides: object) -> AlertRule:
        data = {
            "name": "Oplichting",
            "theme": "scams",
            "area": "",
            "method": "zscore",
            "threshold": "3",
            "min_count": "5",
            "baseline_weeks": "8",
            "is_active": "on",
            **overrides,
        }
        response = self.client.post(self.url("create_alert_rule"), data)
        self.assertRedirects(response, self.url("alert_rules"))
        return AlertRule.objects.get(name=data["name"])

    def test_it_warns_analysts_of_a_planted_rise_and_explains_the_numbers(self) -> None:
        seed_weeks(self.anna, self.source, [*NOISE, 95], end=self.today)
        self.create_rule()
        with self.captureOnCommitCallbacks(execute=True):
            created = do_evaluate_alert_rules(self.today)
        self.assertEqual(len(created), 1)
        alert = created[0]
        self.assertEqual(alert.explanation["current"], 95)
        self.assertGreater(alert.explanation["z"], 3)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["femke@example.org"])
        self.assertIn("95", mail.outbox[0].body)

        page = self.client.get(self.url("alert", alert_id=alert.pk))
        self.assertContains(page, "there were 95, against a usual")
        # Running again does not warn twice for the same week.
        self.assertEqual(do_evaluate_alert_rules(self.today), [])

    def test_it_stays_quiet_on_normal_weekly_noise(self) -> None:
        seed_weeks(self.anna, self.source, [*NOISE, 36], end=self.today)
        self.create_rule()
        self.create_rule(name="Poisson", method="poisson", threshold="0.001")
        self.assertEqual(do_evaluate_alert_rules(self.today), [])

    def test_it_fires_a_fixed_threshold_on_last_week(self) -> None:
        last_week = self.today - datetime.timedelta(weeks=1)
        seed_weeks(self.anna, self.source, [10, 10, 41], end=last_week)
        self.create_rule(method="threshold", threshold="40")
        created = do_evaluate_alert_rules(self.today)
        self.assertEqual([a.explanation["current"] for a in created], [41])

    def test_it_refuses_nonsense_thresholds_and_keeps_the_input(self) -> None:
        for method, threshold, message in [
            ("poisson", "5", "A tail probability must be above 0 and below 0.5"),
            ("zscore", "-2", "A z-score threshold must be between 0.5 and 20"),
            ("threshold", "0", "A fixed threshold must be at least 1"),
            ("zscore", "nan", "Enter a number"),
        ]:
            with self.subTest(method=method, threshold=threshold):
                response = self.client.post(
                    self.url("create_alert_rule"),
                    {
                        "name": "Onzin",
                        "method": method,
                        "threshold": threshold,
                        "min_count": "5",
                        "baseline_weeks": "8",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertContains(response, 'value="Onzin"')
        self.assertFalse(AlertRule.objects.filter(name="Onzin").exists())

    def test_it_acknowledges_and_resolves_with_a_note(self) -> None:
        seed_weeks(self.anna, self.source, [*NOISE, 95], end=self.today)
        self.create_rule()
        alert = do_evaluate_alert_rules(self.today)[0]
        url = self.url("alert", alert_id=alert.pk)
        missing_note = self.client.post(url, {"status": "acknowledged", "note": ""})
        self.assertEqual(missing_note.status_code, 200)
        self.client.post(url, {"status": "acknowledged", "note": "Bekeken met de wijkagent."})
        alert.refresh_from_db()
        self.assertEqual((alert.status, alert.handled_by), (AlertStatus.ACKNOWLEDGED, self.femke))
        self.client.post(url, {"status": "resolved", "note": "Campagne gestart."})
        again = self.client.post(url, {"status": "acknowledged", "note": "Nog eens"}, follow=True)
        self.assertContains(again, "already resolved")
        alert.refresh_from_db()
        self.assertEqual((alert.status, alert.note), (AlertStatus.RESOLVED, "Campagne gestart."))

    def test_it_shows_alerts_only_to_analysts_of_the_coalition(self) -> None:
        seed_weeks(self.anna, self.source, [*NOISE, 95], end=self.today)
        self.create_rule()
        alert = do_evaluate_alert_rules(self.today)[0]
        self.log_in(self.anna)
        self.assertEqual(self.client.get(self.url("alert", alert_id=alert.pk)).status_code, 403)
        other = make_source(self.other_coalition)
        seed_weeks(self.anna, other, [1], end=self.today)
        self.assertEqual(Alert.objects.filter(coalition=self.other_coalition).count(), 0)

    def test_it_shows_a_new_alert_on_the_analysts_home_only(self) -> None:
        seed_weeks(self.anna, self.source, [*NOISE, 95], end=self.today)
        self.create_rule(name="Oplichting piekt")
        alert = do_evaluate_alert_rules(self.today)[0]
        home = reverse("coalitions:member_home", args=["voorbeeldstad"])

        analyst_home = self.client.get(home)
        self.log_in(self.cees)
        member_home = self.client.get(home)

        self.assertContains(analyst_home, self.url("alert", alert_id=alert.pk))
        self.assertContains(analyst_home, "Oplichting piekt")
        self.assertNotContains(member_home, "Oplichting piekt")

    def test_it_fires_on_a_rise_in_watch_list_matches(self) -> None:
        watch_list = WatchList.objects.create(
            coalition=self.coalition, name="Winkels", terms="nepwinkel"
        )
        monday = week_start(self.today)
        # About 7 matches a week, then 40 this week.
        for back, count in enumerate([160, *NOISE[:8]]):
            WatchMatch.objects.create(
                coalition=self.coalition,
                watch_list=watch_list,
                week_start=monday - datetime.timedelta(weeks=back),
                count=count // 4,
            )
        self.create_rule(
            name="Nepwinkels",
            theme="",
            watch_list=str(watch_list.pk),
            method="poisson",
            threshold="0.001",
        )
        created = do_evaluate_alert_rules(self.today)
        self.assertEqual([a.explanation["current"] for a in created], [40])
        self.assertLess(created[0].explanation["p"], 0.001)
