"""Demo knowledge items: fictional, but written as professionals in a coalition would."""

from __future__ import annotations

import datetime
from typing import Any

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind as K
from weerbaar.knowledge.choices import Visibility as V
from weerbaar.partners.models import Partner

# (kind, title, summary, body, themes, target groups, tags, visibility, days ago)
Row = tuple[str, str, str, str, list[str], list[str], str, str, int]

VOORBEELDSTAD_ITEMS: list[Row] = [
    (
        K.LESSON_LEARNED,
        "Complottheorieën in de klas: wat we leerden",
        "Docenten merkten dat leerlingen complottheorieën uit TikTok meenamen naar de les. "
        "Verbieden werkte niet; samen de bron onderzoeken wel.",
        "## Wat we deden\n\nIn drie brugklassen bespraken docenten een filmpje dat leerlingen "
        "zelf aandroegen.\n\n## Wat we leerden\n\n- Neem de vraag achter de complottheorie "
        "serieus.\n- Onderzoek samen wie het filmpje maakte en waarom.\n- Spreek niet af wie "
        "gelijk heeft, maar hoe je dat kunt nagaan.",
        ["disinformation", "polarisation"],
        ["young_12_18", "schools"],
        "complotdenken, klas, tiktok",
        V.SHARED,
        20,
    ),
    (
        K.BEST_PRACTICE,
        "Ouderavond over online gamen",
        "Een avond waarop ouders zelf een game speelden, met hun kinderen als uitleggers.",
        "Ouders vroegen om handvatten voor de chat in games. De bibliotheek organiseerde een avond "
        "waarop kinderen uitlegden hoe de game werkt; daarna praatten ouders met een "
        "jongerenwerker over grenzen en signalen.",
        ["online_unsafety"],
        ["parents", "young_0_12"],
        "gamen, ouders, chat",
        V.PUBLIC,
        35,
    ),
    (
        K.RESEARCH_REPORT,
        "Jongeren en nieuws op sociale media in Voorbeeldstad",
        "Een vragenlijst onder 600 jongeren: waar halen ze hun nieuws, en wat vertrouwen ze?",
        "De meeste jongeren zien nieuws eerst op sociale media. Ze vertrouwen bekende "
        "influencers meer dan nieuwsmerken, maar controleren opvallend nieuws vaak bij vrienden.",
        ["disinformation"],
        ["young_12_18", "young_18_24"],
        "onderzoek, nieuws",
        V.PUBLIC,
        60,
    ),
    (
        K.TOOLKIT,
        "Lesbrief: filterbubbels doorprikken",
        "Twee lessen van 50 minuten voor de middelbare school over algoritmes en filterbubbels.",
        "Leerlingen vergelijken hun tijdlijnen en ontdekken hoe algoritmes kiezen wat ze zien. "
        "Met werkbladen en een handleiding voor de docent.",
        ["polarisation", "disinformation"],
        ["young_12_18", "schools"],
        "lesmateriaal, algoritmes, filterbubbel",
        V.PUBLIC,
        75,
    ),
    (
        K.EVENT_REPORT,
        "Verslag coalitiebijeenkomst voorjaar",
        "Veertig professionals spraken over signalen van online polarisatie in de wijken.",
        "Wijkagenten, jongerenwerkers en docenten herkenden dezelfde signalen. Afgesproken is "
        "om signalen voortaan via het platform te melden, zodat patronen zichtbaar worden.",
        ["polarisation"],
        ["professionals"],
        "bijeenkomst, signalering",
        V.COALITION,
        90,
    ),
    (
        K.ARTICLE,
        "Wat doet de gemeente tegen online haat?",
        "Een overzicht van wat de gemeente doet, wat partners doen en waar je terechtkunt.",
        "De gemeente financiert het jongerenwerk online, ondersteunt scholen bij incidenten en "
        "werkt met de politie samen bij strafbare uitingen.",
        ["hate"],
        ["professionals", "parents"],
        "gemeente, haat",
        V.PUBLIC,
        100,
    ),
    (
        K.VIDEO,
        "Videoserie: opvoeden in een online wereld",
        "Vijf korte video's waarin ouders vertellen hoe ze met schermtijd en sociale media omgaan.",
        "Elke video duurt drie minuten en eindigt met een vraag om thuis te bespreken.",
        ["online_unsafety"],
        ["parents"],
        "video, opvoeding",
        V.PUBLIC,
        120,
    ),
    (
        K.LESSON_LEARNED,
        "Online jongerenwerk: eerst luisteren",
        "Jongerenwerkers die op Discord en Instagram aanwezig zijn, bereiken jongeren die ze "
        "op straat niet zien.",
        "Het werkt alleen als jongerenwerkers er regelmatig zijn en niet alleen reageren op "
        "incidenten. Spreek met je organisatie af wat je wel en niet doet.",
        ["extremism", "polarisation"],
        ["young_18_24", "professionals"],
        "jongerenwerk, discord",
        V.SHARED,
        140,
    ),
    (
        K.BEST_PRACTICE,
        "Gespreksmethode bij polariserende incidenten op school",
        "Een vaste aanpak voor docenten na een incident dat online begon en in de klas doorwerkt.",
        "Stap 1: de rust terug. Stap 2: iedereen mag zijn verhaal doen. Stap 3: samen afspraken "
        "maken. De methode is getest op vier scholen.",
        ["polarisation", "hate"],
        ["schools", "young_12_18"],
        "school, gesprek",
        V.COALITION,
        160,
    ),
    (
        K.ARTICLE,
        "Desinformatie rond de gemeenteraadsverkiezingen",
        "Welke misleidende berichten we zagen, en hoe partners daarop reageerden.",
        "Vooral nepberichten over stemlocaties gingen rond. De gemeente zette snel een "
        "bericht op de eigen kanalen; de bibliotheek hield een inloopavond.",
        ["disinformation"],
        ["professionals"],
        "verkiezingen, desinformatie",
        V.COALITION,
        180,
    ),
    (
        K.RESEARCH_REPORT,
        "Signalen van online radicalisering: een verkenning",
        "Een kleine verkenning onder professionals: welke signalen zien zij, en wat doen ze ermee?",
        "Professionals zien signalen, maar weten vaak niet bij wie ze terechtkunnen. De "
        "verkenning beveelt een vast aanspreekpunt per wijk aan.",
        ["extremism"],
        ["professionals"],
        "radicalisering, signalen",
        V.COALITION,
        200,
    ),
    (
        K.TOOLKIT,
        "Spel: echt of nep?",
        "Een kaartspel voor groep 7 en 8 waarin kinderen raden welke berichten echt zijn.",
        "Met 40 kaarten en een handleiding. Geschikt voor de klas en voor de bibliotheek.",
        ["disinformation"],
        ["young_0_12", "schools"],
        "spel, basisschool",
        V.PUBLIC,
        220,
    ),
    (
        K.EVENT_REPORT,
        "Verslag webinar weerbaarheid voor ouders",
        "Honderd ouders keken mee; de meeste vragen gingen over groepsapps.",
        "Ouders willen weten wanneer ze moeten ingrijpen in groepsapps van hun kinderen. We "
        "maken een korte handreiking.",
        ["online_unsafety"],
        ["parents"],
        "webinar, groepsapps",
        V.COALITION,
        240,
    ),
    (
        K.LESSON_LEARNED,
        "Campagne zonder jongeren werkt niet",
        "Onze eerste campagne werd door jongeren niet gezien. De tweede maakten we met hen.",
        "Jongeren kozen het kanaal, de toon en de beelden. Het bereik was vijf keer zo groot.",
        ["polarisation"],
        ["young_18_24", "professionals"],
        "campagne, participatie",
        V.COALITION,
        260,
    ),
    (
        K.ARTICLE,
        "Wanneer is online haat strafbaar?",
        "Een uitleg in gewone taal over de grens tussen mening, haat en strafbare uitingen.",
        "Niet alles wat kwetst is strafbaar. Deze uitleg helpt je bepalen wanneer je meldt bij "
        "de politie of bij een meldpunt.",
        ["hate"],
        ["professionals", "parents"],
        "haat, strafrecht",
        V.PUBLIC,
        280,
    ),
]

ZEEUWSE_KUST_ITEMS: list[Row] = [
    (
        K.BEST_PRACTICE,
        "Samenwerken tussen kleine gemeenten",
        "Drie gemeenten aan de kust delen één coördinator en één meldpunt.",
        "Door samen te werken is er genoeg menskracht voor een vast aanspreekpunt.",
        ["polarisation"],
        ["professionals"],
        "samenwerking, regio",
        V.SHARED,
        30,
    ),
    (
        K.LESSON_LEARNED,
        "Zomerdrukte en online onrust",
        "In de zomer nemen online spanningen tussen jongeren uit verschillende dorpen toe.",
        "Jongerenwerkers zijn in de zomer extra online aanwezig, ook in de avond.",
        ["online_unsafety"],
        ["young_12_18"],
        "zomer, jongeren",
        V.COALITION,
        50,
    ),
    (
        K.ARTICLE,
        "Mediawijsheid in de bibliotheek",
        "De bibliotheken bieden spreekuren over nepnieuws voor ouderen en ouders.",
        "Elke maand een inloopspreekuur in een andere kern.",
        ["disinformation"],
        ["parents"],
        "bibliotheek, mediawijsheid",
        V.PUBLIC,
        70,
    ),
]


def load_knowledge(coalition: Coalition, author: User, rows: list[Row]) -> None:
    today = datetime.date.today()
    partners = list(Partner.objects.filter(coalition=coalition).order_by("name"))
    for index, (kind, title, summary, body, themes, groups, tags, visibility, days) in enumerate(
        rows
    ):
        fields: dict[str, Any] = {
            "kind": kind,
            "title": title,
            "summary": summary,
            "body": body,
            "themes": themes,
            "target_groups": groups,
            "links": "https://www.example.org/kennis" if index % 4 == 0 else "",
            "author_organisation": partners[index % len(partners)] if partners else None,
            "published_on": today - datetime.timedelta(days=days),
            "tags": tags,
            "visibility": visibility,
        }
        do_create_knowledge_item(author, coalition, **fields)
