from __future__ import annotations

from django.test import TestCase

from weerbaar.coalitions.models import Coalition
from weerbaar.dev.demo import DEMO_SLUG, load_demo
from weerbaar.trends.models import Alert, FeedItem, Rollup, Source, TrendReport


class TrendsDemoTestCase(TestCase):
    def test_it_loads_sources_figures_and_catches_the_planted_rise(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()
        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        sources = Source.objects.filter(coalition=coalition)
        self.assertEqual(sources.filter(status="active").count(), 4)
        self.assertTrue(sources.filter(status="draft").exists())
        self.assertGreater(Rollup.objects.filter(coalition=coalition, period="week").count(), 1000)
        self.assertTrue(FeedItem.objects.filter(coalition=coalition).exists())
        fired = {a.rule.name for a in Alert.objects.filter(coalition=coalition)}
        self.assertIn("Online oplichting boven normaal", fired)
        self.assertNotIn("Haat: meer dan 120 per week", fired)
        self.assertTrue(TrendReport.objects.get(coalition=coalition).is_published())
