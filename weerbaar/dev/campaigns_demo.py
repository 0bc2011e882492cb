"""Demo campaigns, a lobby item and two past newsflashes: fictional, but as a coalition works."""

from __future__ import annotations

import datetime

from django.utils import timezone

from weerbaar.accounts.models import Membership, User
from weerbaar.campaigns.actions import do_create_campaign, do_create_lobby_item, do_record_reach
from weerbaar.campaigns.choices import Addressee, CampaignStatus, LobbyStatus, ReachMeasure
from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.newsflash.actions import do_create_newsflash, do_send_newsflash, do_set_subscription
from weerbaar.newsflash.models import Newsflash
from weerbaar.newsflash.sources import SOURCES
from weerbaar.partners.models import Partner

# (days ago, measure, value, note)
CHECK_JE_BRON_REACH = [
    (150, ReachMeasure.IMPRESSIONS, 18_400, "Instagram en TikTok, eerste maand"),
    (120, ReachMeasure.IMPRESSIONS, 26_900, "Na de video met de lokale omroep"),
    (90, ReachMeasure.IMPRESSIONS, 21_300, ""),
    (60, ReachMeasure.IMPRESSIONS, 12_800, "Advertenties gestopt"),
    (120, ReachMeasure.SCHOOLS_REACHED, 4, "Gastlessen in de brugklas"),
    (60, ReachMeasure.SCHOOLS_REACHED, 7, ""),
    (30, ReachMeasure.SCHOOLS_REACHED, 9, "Ook twee basisscholen"),
]
PRAAT_EROVER_REACH = [
    (300, ReachMeasure.PARTICIPANTS, 85, "Ouderavond bibliotheek"),
    (270, ReachMeasure.PARTICIPANTS, 140, "Twee ouderavonden op scholen"),
    (240, ReachMeasure.MATERIALS, 1_200, "Flyers via de wijkteams"),
    (240, ReachMeasure.PARTICIPANTS, 60, ""),
]


def _partners(coalition: Coalition, *names: str) -> list[Partner]:
    return list(Partner.objects.filter(coalition=coalition, name__in=names))


def load_campaigns(coalition: Coalition, coordinator: User) -> None:
    """Two campaigns with reach figures, a lobby item and two sent newsflashes."""
    today = timezone.localdate()
    toolkit = KnowledgeItem.objects.filter(coalition=coalition, kind="toolkit").first()
    check = do_create_campaign(
        coordinator,
        coalition,
        title="Check je bron",
        goal="Jongeren van 12 tot 18 jaar checken wie achter een bericht zit voordat ze het delen.",
        target_groups=["young_12_18", "schools"],
        target_group_note="Brugklassers en hun mentoren",
        message="Eerst checken, dan delen: wie zegt het, en waarom?",
        channels=["social_media", "schools", "press"],
        starts_on=today - datetime.timedelta(days=160),
        ends_on=today + datetime.timedelta(days=60),
        status=CampaignStatus.RUNNING,
        partners=_partners(
            coalition,
            "Jongerenwerk Voorbeeldstad",
            "Voortgezet onderwijs: Stedelijk College",
            "Lokale omroep Voorbeeldstad FM",
        ),
        links="https://www.example.org/check-je-bron\nhttps://www.example.org/lesbrief",
        is_public=True,
        knowledge_items=[toolkit] if toolkit else [],
    )
    praat = do_create_campaign(
        coordinator,
        coalition,
        title="Praat erover met je kind",
        goal="Ouders praten vaker met hun kinderen over wat ze online zien en meemaken.",
        target_groups=["parents"],
        target_group_note="Ouders van kinderen in groep 7 en 8",
        message="Vraag niet alleen hoe laat, maar ook wat: wat zag je online vandaag?",
        channels=["posters", "meetings", "newsletter"],
        starts_on=today - datetime.timedelta(days=320),
        ends_on=today - datetime.timedelta(days=230),
        status=CampaignStatus.FINISHED,
        partners=_partners(
            coalition, "Bibliotheek Voorbeeldstad", "Sociaal Wijkteam Voorbeeldstad"
        ),
        links="https://www.example.org/praat-erover",
        is_public=False,
        knowledge_items=[],
    )
    for campaign, rows in ((check, CHECK_JE_BRON_REACH), (praat, PRAAT_EROVER_REACH)):
        for days, measure, value, note in rows:
            do_record_reach(
                coordinator,
                campaign,
                measured_on=today - datetime.timedelta(days=days),
                measure=measure,
                value=value,
                note=note,
            )
    do_create_lobby_item(
        coordinator,
        coalition,
        topic="Een meldknop die werkt, ook voor jongeren",
        ask="Wij vragen platforms een zichtbare meldknop in elke app, en een reactie binnen "
        "48 uur op meldingen van minderjarigen. We vragen het ministerie dit mee te nemen in "
        "de Europese afspraken onder de DSA.",
        addressee=Addressee.MINISTRY,
        addressee_name="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        status=LobbyStatus.IN_DISCUSSION,
        outcome="",
        links="https://www.example.org/brief-meldknop.pdf",
        knowledge_items=list(KnowledgeItem.objects.filter(coalition=coalition)[:1]),
    )
    for membership in Membership.objects.filter(coalition=coalition).select_related("user"):
        do_set_subscription(membership.user, coalition, membership.user, True)
    candidates = [c for source in SOURCES for c in source.get_candidates(coalition, today)]
    issues = [
        (
            "Terugblik congres",
            "Beste leden,\n\nRuim **120 professionals** kwamen naar het congres *Samen digitaal "
            "weerbaar tegen polarisatie en radicalisering*. Hieronder lees je wat we leerden.",
            candidates[2:4],
            70,
        ),
        (
            "Inspiratiebijeenkomst",
            "Beste leden,\n\nOp de inspiratiebijeenkomst in de bibliotheek deelden partners wat "
            "werkt in de klas. De campagne *Check je bron* loopt nog tot na de zomer.",
            [c for c in candidates if c.source == "campaign"][:1] + candidates[:1],
            14,
        ),
    ]
    for title, intro, entries, days_ago in issues:
        newsflash = do_create_newsflash(
            coordinator, coalition, title=title, intro=intro, roles=[], domains=[], entries=entries
        )
        do_send_newsflash(coordinator, newsflash)
        # Demo only: date the issue in the past, as if it went out then.
        Newsflash.objects.filter(pk=newsflash.pk).update(
            sent_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
