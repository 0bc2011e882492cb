"""Demo signals: fictional, redacted, written as professionals in Voorbeeldstad would report.

A few incidents are reported several times by different organisations (so they form
clusters), spread over the past months, across themes, platforms and districts, so the
triage queue, the clusters and the trend monitor have something to show.
"""

from __future__ import annotations

import datetime
import itertools
import random

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.partners.models import Partner
from weerbaar.signals.actions import (
    do_assign_signal,
    do_change_signal_status,
    do_confirm_themes,
    do_decide_similar,
    do_report_signal,
    do_train_theme_model,
)
from weerbaar.signals.choices import SignalStatus as S

SIGNAL_REPORTERS = [
    "cees@voorbeeldstad.example",
    "bram@voorbeeldstad.example",
    "anna@voorbeeldstad.example",
]
SIGNAL_ANALYST = "femke@voorbeeldstad.example"

# (days ago, theme, platforms, space, age group, area, urgency, text)
Row = tuple[int, str, list[str], str, str, str, str, str]

# Incidents reported more than once (paraphrases by different reporters) come in runs.
SIGNALS: list[Row] = [
    (
        84,
        "sextortion",
        ["instagram"],
        "closed",
        "12_15",
        "Noordwijk",
        "urgent",
        "Een meisje van 14 wordt op Instagram afgeperst: iemand die zich voordeed als "
        "leeftijdgenoot heeft naaktfoto's van haar en eist 150 euro, anders stuurt hij ze naar "
        "haar volgers.",
    ),
    (
        83,
        "sextortion",
        ["instagram"],
        "closed",
        "12_15",
        "Noordwijk",
        "urgent",
        "Leerling van 14 vertelde dat ze op Instagram wordt afgeperst. Een nepaccount van een "
        "leeftijdgenoot heeft naaktfoto's van haar en wil 150 euro, anders gaan ze naar haar "
        "volgers.",
    ),
    (
        81,
        "sextortion",
        ["instagram", "snapchat"],
        "closed",
        "16_18",
        "Oosterpark",
        "acute",
        "Jongen van 16 in paniek in het jongerencentrum: na een videogesprek via Instagram wordt "
        "hij afgeperst met naaktbeelden. Hij moet vandaag 300 euro betalen en denkt aan "
        "zelfbeschadiging.",
    ),
    (
        79,
        "sextortion",
        ["instagram"],
        "closed",
        "12_15",
        "Westerveld",
        "urgent",
        "Weer een melding van afpersing met naaktfoto's via Instagram bij een meisje van 14; het "
        "account doet zich voor als leeftijdgenoot en eist 150 euro.",
    ),
    (
        70,
        "disinformation",
        ["tiktok"],
        "open",
        "12_15",
        "Binnenstad",
        "concern",
        "Op TikTok gaat een filmpje rond dat er morgen een schietpartij komt op een middelbare "
        "school in de Binnenstad. Leerlingen zijn bang en willen thuisblijven. Er is geen echte "
        "dreiging bekend.",
    ),
    (
        70,
        "disinformation",
        ["tiktok", "snapchat"],
        "open",
        "12_15",
        "Binnenstad",
        "concern",
        "Veel brugklassers vertellen over een TikTok-filmpje waarin staat dat er een schietpartij"
        " komt op school in de Binnenstad. Ouders bellen ongerust; de politie weet van geen "
        "dreiging.",
    ),
    (
        69,
        "disinformation",
        ["tiktok"],
        "open",
        "16_18",
        "De Heuvels",
        "concern",
        "Het TikTok-bericht over een schietpartij op een school in de Binnenstad wordt nu ook in "
        "De Heuvels gedeeld. Leerlingen vragen of ze morgen wel naar school moeten.",
    ),
    (
        62,
        "extremism",
        ["discord", "gaming"],
        "closed",
        "12_15",
        "Zuiderhaven",
        "urgent",
        "Jongens uit groep 8 en de brugklas worden vanuit een game uitgenodigd in een Discord-"
        "server waar racistische en nazistische memes worden gedeeld. Wie het meest extreme "
        "plaatje post, krijgt een hogere rol.",
    ),
    (
        58,
        "extremism",
        ["discord"],
        "closed",
        "12_15",
        "Zuiderhaven",
        "urgent",
        "Een moeder vertelde dat haar zoon van 13 in een Discord-server zit met nazistische en "
        "racistische memes; hij werd uitgenodigd via een game en krijgt punten voor extreme "
        "plaatjes.",
    ),
    (
        55,
        "extremism",
        ["discord", "telegram"],
        "closed",
        "16_18",
        "Noordwijk",
        "concern",
        "Jongeren in het buurthuis lieten memes zien uit een Discord-server waar aanslagplegers "
        "als helden worden neergezet. Een deel van de groep is doorgestuurd naar een Telegram-"
        "kanaal.",
    ),
    (
        47,
        "hate",
        ["x", "facebook"],
        "open",
        "adults",
        "Oosterpark",
        "concern",
        "Na het nieuws over de nieuwe moskee in Oosterpark verschijnen op X en Facebook veel "
        "haatberichten over moslims, met oproepen om de bouw te 'stoppen, desnoods met geweld'.",
    ),
    (
        46,
        "hate",
        ["facebook"],
        "open",
        "mixed",
        "Oosterpark",
        "urgent",
        "In een Facebookgroep van buurtbewoners van Oosterpark staan berichten vol haat tegen "
        "moslims over de moskee; iemand roept op om er 'met een paar man langs te gaan'.",
    ),
    (
        45,
        "hate",
        ["tiktok"],
        "open",
        "16_18",
        "Oosterpark",
        "concern",
        "Jongeren uit Oosterpark maken TikToks waarin ze moslims belachelijk maken en de moskee "
        "bespotten. Moslimjongeren in het jongerenwerk voelen zich niet meer veilig in de wijk.",
    ),
    (
        38,
        "cyberbullying",
        ["instagram", "whatsapp"],
        "closed",
        "12_15",
        "Westerveld",
        "urgent",
        "Er is een nepaccount op Instagram aangemaakt op naam van een leerling van 13, waarop "
        "bewerkte foto's en gemene teksten over haar staan. Het wordt in klassenapps gedeeld.",
    ),
    (
        37,
        "cyberbullying",
        ["instagram"],
        "closed",
        "12_15",
        "Westerveld",
        "urgent",
        "Een leerling van 13 wordt gepest met een nepaccount op Instagram, met bewerkte foto's "
        "van haar en gemene teksten. Klasgenoten delen het account in de klassenapp.",
    ),
    (
        30,
        "scams",
        ["instagram", "telegram"],
        "open",
        "18_24",
        "Binnenstad",
        "information",
        "Studenten krijgen via Instagram berichten van 'influencers' die snel rijk worden met "
        "crypto. Wie meedoet, moet geld storten via een Telegram-groep en ziet het nooit meer "
        "terug.",
    ),
    (
        26,
        "scams",
        ["instagram", "telegram"],
        "open",
        "18_24",
        "De Heuvels",
        "concern",
        "Twee jongeren van 19 hebben hun spaargeld verloren aan een crypto-oplichting: een "
        "influencer op Instagram stuurde ze naar een Telegram-groep waar ze geld moesten storten.",
    ),
    (
        20,
        "online_unsafety",
        ["tiktok"],
        "open",
        "under_12",
        "Noordwijk",
        "urgent",
        "Kinderen uit groep 6 en 7 doen een TikTok-challenge na waarbij ze hun adem inhouden tot "
        "ze bijna flauwvallen. Een kind is op het schoolplein onwel geworden.",
    ),
    (
        19,
        "online_unsafety",
        ["tiktok", "youtube"],
        "open",
        "under_12",
        "Zuiderhaven",
        "urgent",
        "Op twee basisscholen doen kinderen een TikTok-challenge waarbij ze hun adem inhouden tot"
        " ze bijna flauwvallen. De filmpjes staan ook op YouTube Shorts.",
    ),
    (
        9,
        "disinformation",
        ["snapchat", "whatsapp"],
        "closed",
        "16_18",
        "De Heuvels",
        "concern",
        "Via Snapchat en WhatsApp gaat het gerucht dat er bij het station een jongen is "
        "neergestoken door een groep uit een andere wijk. Het is niet gebeurd, maar er wordt al "
        "opgeroepen tot wraak.",
    ),
    (
        8,
        "disinformation",
        ["snapchat"],
        "closed",
        "16_18",
        "De Heuvels",
        "urgent",
        "Jongeren delen op Snapchat dat een jongen bij het station is neergestoken door een groep"
        " uit Zuiderhaven en spreken af om wraak te nemen. De politie zegt dat er niets is "
        "gebeurd.",
    ),
    (
        7,
        "polarisation",
        ["snapchat", "tiktok"],
        "closed",
        "16_18",
        "Zuiderhaven",
        "urgent",
        "In Zuiderhaven gaat op Snapchat rond dat een groep uit De Heuvels 'wraak' wil nemen voor"
        " een steekpartij bij het station. Jongeren zeggen dat ze zich gaan bewapenen.",
    ),
    (
        88,
        "conspiracy",
        ["youtube", "telegram"],
        "open",
        "18_24",
        "Binnenstad",
        "information",
        "Jongvolwassenen in de bibliotheek kijken veel YouTube-video's over een 'geheime elite' "
        "die de wereld bestuurt en delen die in Telegram-groepen.",
    ),
    (
        86,
        "gaming",
        ["gaming"],
        "open",
        "under_12",
        "Westerveld",
        "information",
        "Ouders maken zich zorgen over lootboxes in een populaire voetbalgame: kinderen van 9 en "
        "10 geven er stiekem zakgeld aan uit.",
    ),
    (
        77,
        "polarisation",
        ["tiktok"],
        "open",
        "16_18",
        "Noordwijk",
        "information",
        "Na het debat op school over de oorlog in het Midden-Oosten zijn er twee kampen. Op "
        "TikTok worden filmpjes gemaakt die de andere groep belachelijk maken.",
    ),
    (
        74,
        "online_unsafety",
        ["snapchat"],
        "closed",
        "12_15",
        "Oosterpark",
        "concern",
        "Brugklassers delen hun live locatie op Snap Map met iedereen; volwassenen die ze niet "
        "kennen sturen berichten dat ze 'in de buurt' zijn.",
    ),
    (
        66,
        "cyberbullying",
        ["whatsapp"],
        "closed",
        "under_12",
        "De Heuvels",
        "concern",
        "In een groepsapp van groep 8 wordt een kind buitengesloten en uitgescholden; er worden "
        "screenshots gedeeld van zijn berichten met spottende teksten.",
    ),
    (
        60,
        "conspiracy",
        ["tiktok"],
        "open",
        "12_15",
        "Zuiderhaven",
        "information",
        "Leerlingen geloven een TikTok-filmpje dat de maanlanding nep was en dat 'de overheid "
        "alles verzwijgt'. Ze vragen de docent waarom school hierover liegt.",
    ),
    (
        57,
        "gaming",
        ["gaming", "discord"],
        "closed",
        "12_15",
        "Binnenstad",
        "concern",
        "Een jongen van 12 gamet tot diep in de nacht en slaapt in de klas. In de game-chat "
        "praten volwassen spelers met hem over zijn school en zijn ouders.",
    ),
    (
        52,
        "sextortion",
        ["snapchat"],
        "closed",
        "12_15",
        "De Heuvels",
        "urgent",
        "Een meisje van 13 kreeg op Snapchat berichten van een volwassen man die haar vroeg om "
        "foto's in ondergoed en haar cadeaus beloofde als ze het geheim hield.",
    ),
    (
        49,
        "scams",
        ["whatsapp"],
        "closed",
        "adults",
        "Westerveld",
        "information",
        "Ouders in Westerveld krijgen WhatsApp-berichten van 'hun kind' met een nieuw nummer dat "
        "dringend geld nodig heeft. Een paar ouders hebben al betaald.",
    ),
    (
        41,
        "hate",
        ["instagram"],
        "open",
        "16_18",
        "Binnenstad",
        "concern",
        "Een Instagram-account post foto's van homostellen uit de stad met haatdragende teksten. "
        "Lhbti-jongeren in het jongerenwerk durven niet meer hand in hand te lopen.",
    ),
    (
        35,
        "polarisation",
        ["x"],
        "open",
        "adults",
        "Oosterpark",
        "information",
        "Rond de komst van een asielzoekerscentrum in Oosterpark wordt de toon op X steeds "
        "harder; jongeren uit de wijk nemen de teksten over op school.",
    ),
    (
        33,
        "extremism",
        ["telegram"],
        "closed",
        "16_18",
        "Westerveld",
        "urgent",
        "Een jongen van 17 deelt op school teksten uit een Telegram-kanaal dat oproept tot een "
        "'rassenoorlog' en heeft het over wapens kopen.",
    ),
    (
        28,
        "other",
        ["youtube"],
        "open",
        "12_15",
        "Noordwijk",
        "information",
        "Leerlingen kijken massaal een YouTuber die 'alfamannen' promoot en vrouwen kleineert. "
        "Meisjes in de klas worden daar nu mee uitgescholden.",
    ),
    (
        24,
        "online_unsafety",
        ["gaming", "discord"],
        "closed",
        "under_12",
        "Binnenstad",
        "concern",
        "Kinderen van 10 en 11 worden in een bouwgame benaderd door een onbekende die vraagt om "
        "naar Discord te gaan 'waar het leuker is'.",
    ),
    (
        22,
        "cyberbullying",
        ["tiktok"],
        "open",
        "16_18",
        "Zuiderhaven",
        "concern",
        "Op TikTok verschijnen 'rate'-filmpjes waarin meisjes van school een cijfer krijgen voor "
        "hun uiterlijk. De meisjes schamen zich en blijven thuis.",
    ),
    (
        16,
        "disinformation",
        ["whatsapp", "facebook"],
        "closed",
        "adults",
        "Westerveld",
        "information",
        "In WhatsApp-groepen van ouders gaat een nepbericht rond dat de nieuwe vaccinatie voor "
        "meisjes onvruchtbaar maakt. Ouders twijfelen of ze hun kind laten prikken.",
    ),
    (
        14,
        "gaming",
        ["gaming"],
        "open",
        "12_15",
        "Oosterpark",
        "information",
        "In een populaire game kun je gokken met skins; jongeren van 13 lenen geld van elkaar om "
        "mee te doen en raken flink in de schulden.",
    ),
    (
        12,
        "hate",
        ["discord", "gaming"],
        "closed",
        "12_15",
        "Noordwijk",
        "concern",
        "Tijdens het gamen wordt een jongen met een Surinaamse achtergrond structureel racistisch"
        " uitgescholden in de voicechat; medespelers lachen mee.",
    ),
    (
        10,
        "scams",
        ["snapchat"],
        "closed",
        "16_18",
        "Binnenstad",
        "concern",
        "Jongeren worden via Snapchat benaderd om hun bankpas 'even uit te lenen' voor 200 euro. "
        "Het gaat om geldezels voor criminelen.",
    ),
    (
        6,
        "sextortion",
        ["instagram"],
        "closed",
        "12_15",
        "Oosterpark",
        "urgent",
        "Een jongen van 15 wordt op Instagram afgeperst met naaktfoto's door een account dat zich"
        " voordeed als meisje van zijn leeftijd; hij moet 200 euro betalen.",
    ),
    (
        4,
        "conspiracy",
        ["telegram", "youtube"],
        "open",
        "18_24",
        "De Heuvels",
        "information",
        "Een groep jongvolwassenen verspreidt video's dat de stormschade van vorige week "
        "'gemaakt' is door de overheid met weersbeïnvloeding.",
    ),
    (
        3,
        "polarisation",
        ["instagram"],
        "open",
        "16_18",
        "Binnenstad",
        "concern",
        "Na een vechtpartij bij een voetbalwedstrijd van de jeugd worden op Instagram filmpjes "
        "gedeeld die de ene wijk tegen de andere opzetten.",
    ),
    (
        2,
        "online_unsafety",
        ["whatsapp"],
        "closed",
        "12_15",
        "Westerveld",
        "concern",
        "In een grote WhatsApp-groep met honderden onbekenden worden schokkende filmpjes van "
        "geweld gedeeld; kinderen van 12 zitten erin.",
    ),
    (
        1,
        "cyberbullying",
        ["snapchat"],
        "closed",
        "12_15",
        "Noordwijk",
        "urgent",
        "Een filmpje van een vechtpartij op het schoolplein, waarin een leerling wordt vernederd,"
        " gaat via Snapchat de hele school rond.",
    ),
    (
        0,
        "sextortion",
        ["instagram"],
        "closed",
        "12_15",
        "Zuiderhaven",
        "acute",
        "Een meisje van 14 wordt op Instagram afgeperst met naaktfoto's en zegt dat ze 'er niet "
        "meer wil zijn'. Het account eist vandaag 100 euro.",
    ),
]

# Progress of a signal by age: old ones are handled, recent ones still wait.
_PATHS: list[tuple[int, list[S], str]] = [
    (60, [S.IN_TRIAGE, S.ACTIONED, S.CLOSED], "Besproken in het signaleringsoverleg; afgerond."),
    (30, [S.IN_TRIAGE, S.REFERRED], "Doorverwezen naar het Zorg- en Veiligheidshuis."),
    (10, [S.IN_TRIAGE], "Wordt bekeken door het analyseteam."),
]


def load_signals(
    coalition: Coalition,
    reporters: list[User],
    analyst: User,
    *,
    now: datetime.datetime | None = None,
) -> None:
    """Report the demo signals as the members would, then let the analyst handle the older
    ones, confirm their themes and train the coalition's theme model on them."""
    now = now or timezone.now()
    load_everyday_signals(coalition, [*reporters, analyst], now=now)
    areas = {area.name: area for area in coalition.areas.all()}
    partners = list(coalition.partners.order_by("pk"))
    organisations = itertools.cycle(partners or [None])
    people = itertools.cycle(reporters)
    for index, (days, theme, platforms, space, age, area, urgency, text) in enumerate(
        sorted(SIGNALS, key=lambda row: -row[0])
    ):
        created_at = now - datetime.timedelta(days=days, hours=(index * 5) % 9)
        signal = do_report_signal(
            next(people),
            coalition,
            text=text,
            platforms=platforms,
            space=space,
            age_group=age,
            area=areas.get(area),
            first_seen=(created_at - datetime.timedelta(days=2)).date(),
            urgency=urgency,
            actions_taken="Gesprek gevoerd en ouders geïnformeerd." if index % 3 == 0 else "",
            organisation=next(organisations),
            created_at=created_at,
        )
        for min_days, steps, note in _PATHS:
            if days >= min_days:
                do_assign_signal(analyst, signal, analyst)
                do_confirm_themes(analyst, signal, [theme])
                for step in steps:
                    signal = do_change_signal_status(
                        analyst,
                        signal,
                        step,
                        note=note if step == steps[-1] else "",
                        is_feedback=step == steps[-1],
                    )
                break
    # The analyst confirmed the suggested look-alikes of the older signals.
    for signal in coalition.signals.filter(
        similar_to__isnull=False, created_at__lt=now - datetime.timedelta(days=20)
    ):
        do_decide_similar(analyst, signal, accept=True)
    do_train_theme_model(analyst, coalition)


# Everyday signals of the past year, composed from what professionals typically write per
# theme, so the trend monitor has volume: (theme, platforms, space, age group, phenomena).
_EVERYDAY: list[tuple[str, list[str], str, str, list[str]]] = [
    (
        "sextortion",
        ["instagram", "snapchat"],
        "closed",
        "12_15",
        [
            "wordt afgeperst met naaktbeelden na een videogesprek",
            "krijgt berichten van een onbekende die om foto's in ondergoed vraagt",
            "moet betalen omdat iemand dreigt een naaktfoto door te sturen",
        ],
    ),
    (
        "disinformation",
        ["tiktok", "whatsapp"],
        "open",
        "16_18",
        [
            "deelt een nepbericht over een gevaarlijke situatie bij school",
            "gelooft een filmpje dat een bekende gebeurtenis in scène is gezet",
            "stuurt een bewerkte video door die echt nieuws lijkt",
        ],
    ),
    (
        "conspiracy",
        ["youtube", "telegram"],
        "open",
        "18_24",
        [
            "praat na over video's over een geheime elite",
            "zegt dat de overheid het weer beïnvloedt",
            "deelt complotfilmpjes over vaccins in de klassenapp",
        ],
    ),
    (
        "hate",
        ["x", "tiktok", "instagram"],
        "open",
        "16_18",
        [
            "maakt filmpjes die een geloofsgroep belachelijk maken",
            "scheldt in reacties op mensen om hun afkomst",
            "deelt memes die homo's en lesbiennes bespotten",
        ],
    ),
    (
        "extremism",
        ["discord", "telegram"],
        "closed",
        "16_18",
        [
            "zit in een besloten kanaal dat geweld tegen minderheden verheerlijkt",
            "deelt teksten van een extremistische beweging op school",
            "noemt aanslagplegers helden in een gamechat",
        ],
    ),
    (
        "polarisation",
        ["tiktok", "instagram"],
        "open",
        "16_18",
        [
            "zet in filmpjes de ene wijk tegen de andere op",
            "ruziet online heftig over de oorlog in het Midden-Oosten",
            "deelt posts die leerlingen in twee kampen verdelen",
        ],
    ),
    (
        "cyberbullying",
        ["whatsapp", "snapchat"],
        "closed",
        "12_15",
        [
            "wordt buitengesloten en uitgescholden in de groepsapp",
            "wordt gepest met een nepaccount met bewerkte foto's",
            "ziet een vernederend filmpje van zichzelf rondgaan",
        ],
    ),
    (
        "scams",
        ["instagram", "whatsapp"],
        "open",
        "18_24",
        [
            "wordt benaderd om een bankpas uit te lenen tegen betaling",
            "verliest geld aan een nepwebwinkel met merkkleding",
            "stort geld voor een crypto-belegging van een influencer",
        ],
    ),
    (
        "gaming",
        ["gaming", "discord"],
        "open",
        "12_15",
        [
            "gamet tot diep in de nacht en slaapt in de les",
            "geeft zakgeld uit aan lootboxes en skins",
            "wordt in de voicechat van een game benaderd door volwassenen",
        ],
    ),
    (
        "online_unsafety",
        ["tiktok", "snapchat"],
        "open",
        "under_12",
        [
            "doet een gevaarlijke challenge na",
            "deelt de live locatie met onbekenden",
            "komt in groepen met schokkende filmpjes van geweld",
        ],
    ),
]
_WHO = [
    "Een leerling uit de brugklas",
    "Een jongen van 15 in het jongerencentrum",
    "Een meisje uit groep 8",
    "Een groepje leerlingen van het mbo",
    "Een jongere die de bibliotheek bezoekt",
    "Een student",
]
_AFTER = [
    "Ouders weten er nog niet van.",
    "Er zijn meer jongeren die hetzelfde vertellen.",
    "Het speelt al een paar weken.",
    "De mentor heeft het gesprek aangegaan.",
    "Het kwam ter sprake in de les mediawijsheid.",
]
# More of some themes in later months, so trends rise and fall.
_WEIGHTS = {"sextortion": 1.6, "disinformation": 1.2, "scams": 1.3, "gaming": 0.7}


def load_everyday_signals(
    coalition: Coalition,
    reporters: list[User],
    *,
    count: int = 250,
    now: datetime.datetime | None = None,
) -> None:
    """``count`` composed signals over the past year (closed when older than four months)."""
    now = now or timezone.now()
    randomizer = random.Random(7)
    areas = list(coalition.areas.all())
    partners: list[Partner | None] = [*coalition.partners.order_by("pk")] or [None]
    analyst = reporters[-1]
    for index in range(count):
        days = int(365 * randomizer.random() ** 1.3)
        recent = days < 120
        theme, platforms, space, age, phenomena = randomizer.choices(
            _EVERYDAY,
            weights=[_WEIGHTS.get(row[0], 1.0) if recent else 1.0 for row in _EVERYDAY],
        )[0]
        text = f"{randomizer.choice(_WHO)} {randomizer.choice(phenomena)}."
        if randomizer.random() < 0.3:
            text += f" {randomizer.choice(_AFTER)}"
        signal = do_report_signal(
            randomizer.choice(reporters),
            coalition,
            text=text,
            platforms=sorted(set(randomizer.sample(platforms, k=randomizer.randint(1, 2)))),
            space=space,
            age_group=age,
            area=randomizer.choice(areas) if areas else None,
            first_seen=None,
            urgency=randomizer.choice(["information", "concern", "concern", "urgent"]),
            organisation=randomizer.choice(partners),
            created_at=now - datetime.timedelta(days=days, hours=index % 11),
        )
        if days > 21:
            do_confirm_themes(analyst, signal, [theme])
            steps = [S.IN_TRIAGE, S.ACTIONED] + ([S.CLOSED] if days > 60 else [])
            for step in steps:
                signal = do_change_signal_status(analyst, signal, step)
