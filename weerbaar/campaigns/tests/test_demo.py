from __future__ import annotations

from django.core import mail
from django.test import TestCase

from weerbaar.campaigns.models import Campaign, LobbyItem
from weerbaar.coalitions.models import Coalition
from weerbaar.dev.demo import DEMO_SLUG, load_demo
from weerbaar.newsflash.choices import NewsflashStatus
from weerbaar.newsflash.models import Newsflash


class CampaignsDemoTestCase(TestCase):
    def test_it_loads_two_campaigns_a_lobby_item_and_two_sent_newsflashes(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        campaigns = Campaign.objects.filter(coalition=coalition)
        self.assertEqual(campaigns.count(), 2)
        for campaign in campaigns:
            self.assertGreaterEqual(campaign.reach_figures.count(), 3)
            self.assertTrue(campaign.partners.exists())
        self.assertEqual(LobbyItem.objects.filter(coalition=coalition).count(), 1)
        issues = Newsflash.objects.filter(coalition=coalition).order_by("number")
        self.assertEqual([i.number for i in issues], [1, 2])
        self.assertEqual({i.status for i in issues}, {NewsflashStatus.SENT})
        self.assertTrue(all(i.entries.exists() for i in issues))
        newsflash_mails = [m for m in mail.outbox if "Nieuwsflits nº" in m.subject]
        self.assertEqual(len(newsflash_mails), 2 * 4)  # four members in Voorbeeldstad
