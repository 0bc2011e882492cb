"""Demo knowledge items: fictional, but written as professionals in a coalition would."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.interventions.actions import do_create_experiment, do_create_intervention
from weerbaar.interventions.choices import EvidenceLevel as EL
from weerbaar.interventions.choices import ExperimentOutcome as EO
from weerbaar.interventions.choices import ExperimentStatus as ES
from weerbaar.interventions.choices import InterventionKind as IK
from weerbaar.interventions.choices import InterventionStatus as IS
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.actions import do_add_attachment, do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind as K
from weerbaar.knowledge.choices import Visibility as V
from weerbaar.knowledge.files import CleanFile
from weerbaar.knowledge.models import KnowledgeItem
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
    (
        K.BEST_PRACTICE,
        "Straatgesprekken over complottheorieën",
        "Jongerenwerkers gaan op pleinen het gesprek aan over filmpjes die rondgaan.",
        "Ze vragen eerst wat jongeren er zelf van vinden. Pas daarna vertellen ze wat ze weten. "
        "Wie zich gehoord voelt, luistert ook beter naar een ander verhaal.",
        ["conspiracy", "polarisation"],
        ["young_12_18", "young_18_24"],
        "jongerenwerk, gesprek, complotdenken",
        V.SHARED,
        12,
    ),
    (
        K.ARTICLE,
        "Sextortion: wat doe je als een leerling wordt afgeperst?",
        "Een stappenplan voor mentoren en zorgcoördinatoren, gemaakt met de politie.",
        "## Eerst\n\n- Blijf rustig en geef geen schuld.\n- Betaal niet en stop het contact.\n"
        "- Maak schermafbeeldingen.\n\n## Daarna\n\nMeld het bij de politie en bij Helpwanted. "
        "Betrek ouders als de leerling dat goed vindt.",
        ["sextortion"],
        ["schools", "professionals"],
        "sextortion, school, stappenplan",
        V.SHARED,
        8,
    ),
    (
        K.RESEARCH_REPORT,
        "Online pesten in het primair onderwijs: cijfers uit de monitor",
        "Eén op de zes leerlingen in groep 7 en 8 is het afgelopen jaar online gepest.",
        "Het meeste pesten gebeurt in groepsapps van de klas. Leerlingen vertellen het vaker aan "
        "een vriend dan aan een volwassene.",
        ["cyberbullying"],
        ["young_0_12", "schools"],
        "pesten, monitor, basisschool",
        V.PUBLIC,
        45,
    ),
    (
        K.TOOLKIT,
        "Gesprekskaarten: gamen en grenzen",
        "Twintig kaarten waarmee ouders en kinderen samen praten over gamen, geld en chat.",
        "Elke kaart heeft een vraag voor de ouder en een voor het kind, zoals: 'Wanneer stop jij "
        "liever niet met een potje?' Te downloaden en te printen.",
        ["gaming"],
        ["parents", "young_0_12"],
        "gamen, ouders, gesprekskaarten",
        V.PUBLIC,
        55,
    ),
    (
        K.LESSON_LEARNED,
        "Meldingen van online oplichting bij ouderen",
        "Via de wijkteams kwamen veel meldingen binnen van oplichting via berichtenapps.",
        "Ouderen schaamden zich en meldden laat. Een vast spreekuur in het buurthuis, zonder "
        "afspraak, verlaagde de drempel.",
        ["scams"],
        ["professionals"],
        "oplichting, ouderen, wijkteam",
        V.COALITION,
        65,
    ),
    (
        K.ARTICLE,
        "Algoritmes uitgelegd voor ouders",
        "Waarom ziet je kind steeds heftiger filmpjes? Een korte uitleg over aanbevelingen.",
        "Platforms laten zien wat je lang bekijkt. Wie één keer blijft hangen bij een boos "
        "filmpje, krijgt er meer. Samen de tijdlijn bekijken helpt om dat te zien.",
        ["polarisation", "disinformation"],
        ["parents"],
        "algoritmes, ouders, filterbubbel",
        V.PUBLIC,
        80,
    ),
    (
        K.BEST_PRACTICE,
        "Debatwedstrijd tussen scholen",
        "Vier scholen debatteerden over vrijheid van meningsuiting online.",
        "Leerlingen moesten ook het standpunt verdedigen waar ze het niet mee eens waren. "
        "Docenten zagen daarna meer begrip in de klas.",
        ["polarisation", "hate"],
        ["young_12_18", "schools"],
        "debat, school, meningsuiting",
        V.COALITION,
        110,
    ),
    (
        K.EVENT_REPORT,
        "Verslag ouderavond over sociale media in groep 8",
        "Zestig ouders op de avond over de overstap naar de middelbare school en de eerste "
        "telefoon.",
        "De meeste vragen gingen over afspraken thuis. Ouders wisselden ideeën uit, zoals 's "
        "nachts de telefoon in de gang.",
        ["online_unsafety", "gaming"],
        ["parents", "young_0_12"],
        "ouderavond, telefoon, groep 8",
        V.COALITION,
        130,
    ),
    (
        K.RESEARCH_REPORT,
        "Welke jongeren vallen buiten beeld online?",
        "Het lectoraat sprak met dertig jongeren die niet naar het jongerenwerk komen.",
        "Ze zitten vaak in besloten groepen. Vertrouwen ontstaat via iemand die ze al kennen, "
        "zoals een trainer of een oudere neef.",
        ["extremism", "polarisation"],
        ["young_18_24", "professionals"],
        "onderzoek, bereik, jongeren",
        V.SHARED,
        150,
    ),
    (
        K.VIDEO,
        "Korte video: zo herken je een nepaccount",
        "In twee minuten vijf kenmerken van nepaccounts, gemaakt door leerlingen van het mbo.",
        "Leerlingen schreven het script en speelden zelf. De video wordt gebruikt in de les "
        "burgerschap.",
        ["disinformation", "scams"],
        ["young_12_18", "young_18_24"],
        "video, nepaccount, mbo",
        V.PUBLIC,
        170,
    ),
    (
        K.LESSON_LEARNED,
        "Na een incident: niet te snel naar buiten",
        "Na een haatcampagne tegen een leerling wilde iedereen iets zeggen. Dat maakte het erger.",
        "Stem eerst af met de leerling en de ouders. Eén woordvoerder, één bericht, en pas "
        "daarna een gesprek in de klas.",
        ["hate", "cyberbullying"],
        ["schools", "professionals"],
        "incident, communicatie, school",
        V.COALITION,
        190,
    ),
    (
        K.TOOLKIT,
        "Werkvorm: de nieuwsquiz",
        "Een quiz van twintig minuten met echte en verzonnen krantenkoppen.",
        "Geschikt voor de klas, de bibliotheek en het buurthuis. Met antwoorden en uitleg per kop.",
        ["disinformation"],
        ["young_12_18", "schools"],
        "quiz, nieuws, werkvorm",
        V.PUBLIC,
        210,
    ),
    (
        K.ARTICLE,
        "Wat de wijkagent online ziet",
        "De wijkagent vertelt over zijn uren op sociale media en wat hij daar tegenkomt.",
        "Vooral ruzies die online beginnen en op straat eindigen. Hij legt uit wanneer hij "
        "ingrijpt en wanneer hij doorverwijst naar het jongerenwerk.",
        ["online_unsafety", "hate"],
        ["professionals"],
        "politie, wijkagent, signalering",
        V.COALITION,
        230,
    ),
    (
        K.BEST_PRACTICE,
        "Peer educators op het mbo",
        "Studenten geven zelf voorlichting over online veiligheid aan eerstejaars.",
        "Ze krijgen een training van twee dagdelen en begeleiding van een docent. Eerstejaars "
        "stellen hen vragen die ze een docent niet zouden stellen.",
        ["online_unsafety", "sextortion"],
        ["young_18_24", "schools"],
        "mbo, peer education, voorlichting",
        V.SHARED,
        250,
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
    (
        K.LESSON_LEARNED,
        "Complottheorieën over windparken op zee",
        "In de dorpen gingen filmpjes rond over windmolens en gezondheid. Wat hielp?",
        "Een informatieavond met de GGD en een bioloog werkte beter dan een folder. Bewoners "
        "wilden vooral gehoord worden over hun zorgen.",
        ["conspiracy", "disinformation"],
        ["professionals", "parents"],
        "complotdenken, windpark, informatieavond",
        V.SHARED,
        9,
    ),
    (
        K.BEST_PRACTICE,
        "Eén meldpunt voor drie gemeenten",
        "Signalen over online onrust komen bij één team binnen, dat weet wie wat oppakt.",
        "Het team komt elke week kort bij elkaar. Scholen en jongerenwerk weten zo waar ze "
        "terechtkunnen, ook buiten hun eigen gemeente.",
        ["online_unsafety", "polarisation"],
        ["professionals"],
        "meldpunt, samenwerking, signalering",
        V.SHARED,
        4,
    ),
    (
        K.EVENT_REPORT,
        "Verslag: regiodag digitale weerbaarheid",
        "Tachtig professionals uit Zeeland deelden wat werkt tegen online polarisatie.",
        "In de workshops kwam steeds terug: begin klein, werk met wie jongeren al vertrouwen, "
        "en deel wat niet werkte.",
        ["polarisation"],
        ["professionals"],
        "regiodag, verslag",
        V.SHARED,
        60,
    ),
    (
        K.ARTICLE,
        "Toeristen, seizoenswerkers en online oplichting",
        "In de zomer komen meer meldingen binnen van nepverhuur en nepvacatures.",
        "De gemeenten waarschuwen via de lokale omroep en de campings. Een korte checklist helpt "
        "om nepadvertenties te herkennen.",
        ["scams"],
        ["young_18_24", "professionals"],
        "oplichting, zomer, nepadvertentie",
        V.PUBLIC,
        85,
    ),
    (
        K.TOOLKIT,
        "Lespakket: wie zit er achter het scherm?",
        "Drie lessen voor groep 6 tot en met 8 over online contact met onbekenden.",
        "Kinderen oefenen met rollenspellen wat ze doen als iemand om foto's vraagt of wil "
        "afspreken. Met brief voor ouders.",
        ["sextortion", "online_unsafety"],
        ["young_0_12", "schools"],
        "lespakket, basisschool, grooming",
        V.PUBLIC,
        95,
    ),
    (
        K.RESEARCH_REPORT,
        "Jongeren in kleine kernen en online gokken",
        "Een peiling onder 300 jongeren: één op de tien gokt weleens online, vaak via games.",
        "Jongeren zien lootboxen niet als gokken. Ouders weten vaak niet dat het gebeurt.",
        ["gaming", "scams"],
        ["young_12_18", "parents"],
        "gokken, lootboxen, peiling",
        V.COALITION,
        120,
    ),
    (
        K.LESSON_LEARNED,
        "Online jongerenwerk in de avond",
        "Jongerenwerkers die 's avonds online zijn, krijgen andere vragen dan overdag.",
        "Het gaat 's avonds vaker over eenzaamheid en ruzie thuis. Spreek vooraf af wanneer je "
        "een collega of de crisisdienst inschakelt.",
        ["online_unsafety"],
        ["young_12_18", "young_18_24", "professionals"],
        "jongerenwerk, avond, discord",
        V.COALITION,
        140,
    ),
    (
        K.ARTICLE,
        "Hoe praat je met een kind over nare beelden?",
        "Na een aanslag in het buitenland zagen veel kinderen beelden op hun telefoon.",
        "Vraag wat ze gezien hebben, zonder zelf de beelden te laten zien. Geef korte, eerlijke "
        "antwoorden en vertel wat er gedaan wordt om mensen te beschermen.",
        ["online_unsafety", "extremism"],
        ["parents", "young_0_12"],
        "ouders, nieuws, beelden",
        V.SHARED,
        160,
    ),
    (
        K.VIDEO,
        "Webinar: polarisatie in de klas",
        "Opname van een webinar voor docenten, met voorbeelden uit het voortgezet onderwijs.",
        "Een docent en een onderzoeker bespreken lastige momenten en geven tips voor het gesprek.",
        ["polarisation"],
        ["schools", "professionals"],
        "webinar, docenten, polarisatie",
        V.PUBLIC,
        180,
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


# Interventions and the experiments tried with them. Fictional, modelled on what coalitions use.
@dataclass(frozen=True)
class DemoExperiment:
    location: str
    participants: str
    question: str
    started_days_ago: int
    # Days it ran; None while it still runs.
    days: int | None
    partners: list[str]
    measure_before: str
    measure_after: str
    results: str
    lessons: str
    outcome: str
    status: str


@dataclass(frozen=True)
class DemoIntervention:
    name: str
    kind: str
    summary: str
    how_to_use: str
    themes: list[str]
    target_groups: list[str]
    ages: tuple[int | None, int | None]
    provider: str  # a partner's name, or else an outside provider
    cost: str
    evidence_level: str
    status: str
    visibility: str
    experiments: list[DemoExperiment] = field(default_factory=list)
    link: str = ""
    evidence_link: str = ""


LIBRARY = "Bibliotheek Voorbeeldstad"
YOUTH_WORK = "Jongerenwerk Voorbeeldstad"
GGD = "GGD Regio Voorbeeldstad"
MEDIAWIJS = "Stichting Mediawijs Voorbeeldstad"
COLLEGE = "Voortgezet onderwijs: Stedelijk College"
UNIVERSITY = "Hogeschool Voorbeeldstad \N{EN DASH} lectoraat Digitale Weerbaarheid"
WIJKTEAM = "Sociaal Wijkteam Voorbeeldstad"

VOORBEELDSTAD_INTERVENTIONS: list[DemoIntervention] = [
    DemoIntervention(
        "Samen Verschillen",
        IK.APP,
        "Een app voor groepssessies waarin jongeren anoniem stellingen beantwoorden en daarna "
        "met elkaar in gesprek gaan over de verschillen.",
        "## Zo werkt het\n\n1. De begeleider kiest een set stellingen (bijvoorbeeld over "
        "nieuws, geloof of gender).\n2. Jongeren stemmen anoniem op hun telefoon.\n3. De uitslag "
        "komt op het scherm en is het startpunt van het gesprek.\n\nEen sessie duurt 60 tot 90 "
        "minuten. De begeleider volgt vooraf een korte online training.",
        ["polarisation", "hate"],
        ["young_12_18", "young_18_24"],
        (14, 23),
        YOUTH_WORK,
        "Gratis voor partners; training € 150 per begeleider",
        EL.WELL_DESCRIBED,
        IS.RUNNING,
        V.SHARED,
        [
            DemoExperiment(
                "Stedelijk College",
                "Drie tweede klassen, 74 leerlingen",
                "Praten leerlingen na drie sessies met meer begrip over onderwerpen waarover ze "
                "het oneens zijn?",
                220,
                70,
                [COLLEGE, YOUTH_WORK],
                "Vragenlijst: 41 % zegt dat de klas 'niet normaal kan praten' over "
                "polariserende onderwerpen.",
                "Dezelfde vragenlijst: 28 %.",
                "In twee van de drie klassen werd het gesprek merkbaar rustiger. In de derde "
                "klas bleef een kleine groep de sessies verstoren.",
                "Plan de sessies kort na elkaar, niet met weken ertussen. Betrek de mentor, "
                "niet alleen een gastdocent: die kent de groep. Gesprekken over "
                "complottheorieën vroegen meer tijd dan gepland.",
                EO.MIXED,
                ES.FINISHED,
            ),
            DemoExperiment(
                "Jongerencentrum De Schakel",
                "Vaste bezoekers, 16 tot 21 jaar, 22 jongeren",
                "Werkt de app ook buiten school, in een vrije setting?",
                150,
                56,
                [YOUTH_WORK],
                "Jongerenwerkers noteren hoe vaak een gesprek uit de hand loopt: vier keer per "
                "maand.",
                "Eén keer per maand.",
                "Jongeren kwamen uit zichzelf terug naar de sessies en stelden zelf stellingen "
                "voor.",
                "Laat jongeren zelf stellingen bedenken: dan komen de echte onderwerpen op "
                "tafel. Een vaste avond werkt beter dan losse sessies.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
            DemoExperiment(
                "ROC Voorbeeldstad, opleiding Zorg en Welzijn",
                "Twee eerstejaarsklassen",
                "Helpt de app aankomende zorgprofessionals om met uiteenlopende meningen om te "
                "gaan?",
                30,
                None,
                [YOUTH_WORK],
                "Nulmeting met een korte vragenlijst.",
                "",
                "",
                "",
                EO.UNKNOWN,
                ES.RUNNING,
            ),
        ],
        link="https://www.example.org/samen-verschillen",
    ),
    DemoIntervention(
        "Filterbubbel Uitgelegd",
        IK.WEBSITE,
        "Een website die in vijf korte stappen laat zien hoe algoritmes bepalen wat je ziet, "
        "met een test om je eigen filterbubbel te ontdekken.",
        "Gebruik de website zelfstandig of in een les van 50 minuten. In de docentenhandleiding "
        "staan vragen voor het nagesprek.",
        ["disinformation", "polarisation"],
        ["young_12_18", "parents", "schools"],
        (12, None),
        MEDIAWIJS,
        "Gratis",
        EL.NOT_ASSESSED,
        IS.EVALUATED,
        V.PUBLIC,
        [
            DemoExperiment(
                "Bibliotheek Voorbeeldstad, vestiging Noordwijk",
                "Ouders en tieners op vier inloopavonden, 58 bezoekers",
                "Begrijpen ouders na een bezoek beter waarom hun kind andere dingen ziet dan "
                "zijzelf?",
                260,
                60,
                [LIBRARY, MEDIAWIJS],
                "Korte peiling: 35 % van de ouders kan uitleggen wat een algoritme doet.",
                "72 %.",
                "Ouders en kinderen deden de test samen en vergeleken hun uitkomsten. Dat "
                "leverde de beste gesprekken op.",
                "Laat ouders en kinderen de test naast elkaar doen. Een bibliotheekmedewerker "
                "die meedoet, verlaagt de drempel.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
            DemoExperiment(
                "Drie vmbo-klassen op twee scholen",
                "63 leerlingen uit het derde jaar",
                "Gaan leerlingen na de les vaker na waar een bericht vandaan komt?",
                200,
                30,
                [MEDIAWIJS, COLLEGE],
                "Opdracht met vijf berichten: leerlingen checken gemiddeld 1,2 bronnen.",
                "Gemiddeld 1,4 bronnen.",
                "Leerlingen vonden de website leuk, maar hun gedrag veranderde nauwelijks.",
                "Eén les is te weinig om gedrag te veranderen. Herhaal de oefening in andere "
                "vakken, en laat leerlingen met hun eigen tijdlijn werken.",
                EO.NO_EFFECT,
                ES.FINISHED,
            ),
        ],
        link="https://www.example.org/filterbubbel",
    ),
    DemoIntervention(
        "Opvoeden Online",
        IK.VIDEO_SERIES,
        "Acht video's van drie minuten waarin ouders vertellen hoe zij omgaan met schermtijd, "
        "groepsapps, gamen en de eerste telefoon.",
        "Toon een video op een ouderavond of in de wachtkamer en bespreek de vraag aan het "
        "eind. Ondertiteld in het Nederlands, Arabisch, Turks en Pools.",
        ["online_unsafety", "gaming"],
        ["parents", "young_0_12"],
        (None, None),
        GGD,
        "Gratis",
        EL.WELL_DESCRIBED,
        IS.RUNNING,
        V.SHARED,
        [
            DemoExperiment(
                "Ouderavonden op vijf basisscholen in Noordwijk",
                "Ouders van groep 6 tot en met 8, 140 ouders",
                "Maken ouders na de avond vaker afspraken met hun kind over telefoongebruik?",
                180,
                90,
                [GGD, WIJKTEAM],
                "38 % heeft vaste afspraken.",
                "Zes weken later: 61 %.",
                "De video's over groepsapps en de eerste telefoon leverden de meeste vragen op.",
                "Laat een ouder uit de school de avond openen, niet de GGD: dan voelt het "
                "minder als een les. Ondertiteling bracht ouders die anders niet komen.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
            DemoExperiment(
                "Wachtkamer consultatiebureau Oosterpark",
                "Ouders van jonge kinderen, drie maanden",
                "Kijken ouders de video's in de wachtkamer en praten ze erover met de "
                "jeugdverpleegkundige?",
                120,
                90,
                [GGD],
                "",
                "Jeugdverpleegkundigen turfden gesprekken over schermtijd.",
                "Weinig ouders keken; het geluid stond uit en de wachttijd was kort.",
                "De wachtkamer is geen goede plek voor deze video's. Beter: de "
                "jeugdverpleegkundige stuurt na het consult een link.",
                EO.NO_EFFECT,
                ES.FINISHED,
            ),
        ],
        link="https://www.example.org/opvoeden-online",
    ),
    DemoIntervention(
        "Echt of Nep?",
        IK.GAME,
        "Een kaartspel voor groep 7 en 8 waarin kinderen in teams raden welke berichten echt "
        "zijn en uitleggen waarom.",
        "Speel in groepjes van vier, 30 minuten. De spelleider leest de uitleg per kaart voor.",
        ["disinformation"],
        ["young_0_12", "schools"],
        (10, 12),
        LIBRARY,
        "€ 25 per set, gratis te leen in de bibliotheek",
        EL.NOT_ASSESSED,
        IS.PILOT,
        V.COALITION,
        [
            DemoExperiment(
                "Basisschool De Regenboog",
                "Twee groepen 8, 52 kinderen",
                "Herkennen kinderen na drie keer spelen meer kenmerken van nepnieuws?",
                100,
                21,
                [LIBRARY],
                "Kinderen noemen gemiddeld 1 kenmerk.",
                "Gemiddeld 3 kenmerken.",
                "Kinderen wilden het spel ook in de pauze spelen.",
                "Laat kinderen na afloop zelf een nepbericht maken: dan onthouden ze de "
                "kenmerken het best.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
        ],
    ),
    DemoIntervention(
        "Gesprek na een incident",
        IK.CONVERSATION_METHOD,
        "Een vaste aanpak in drie stappen voor docenten en jongerenwerkers na een incident dat "
        "online begon en in de groep doorwerkt.",
        "Stap 1: de rust terug. Stap 2: iedereen doet zijn verhaal. Stap 3: samen afspraken. "
        "Met een kaart voor in de zak en een oefenmiddag.",
        ["polarisation", "hate", "cyberbullying"],
        ["schools", "professionals"],
        (12, 18),
        COLLEGE,
        "Oefenmiddag € 400 per team",
        EL.WELL_FOUNDED,
        IS.SCALED_UP,
        V.SHARED,
        [
            DemoExperiment(
                "Vier scholen voor voortgezet onderwijs",
                "Mentoren en teamleiders, 35 professionals",
                "Voelen mentoren zich zekerder in het gesprek na een incident?",
                320,
                120,
                [COLLEGE, UNIVERSITY],
                "Op een schaal van 1 tot 5 geven mentoren hun zekerheid een 2,4.",
                "3,8.",
                "Mentoren gebruikten de aanpak bij elf incidenten; in negen gevallen was de "
                "rust binnen een week terug.",
                "Oefen met echte voorbeelden van de eigen school. Spreek af wie de ouders belt, "
                "vóór het incident er is.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
        ],
        evidence_link="https://www.example.org/databank/gesprek-na-een-incident",
    ),
    DemoIntervention(
        "Training Signalen online radicalisering",
        IK.TRAINING,
        "Een training van twee dagdelen voor professionals: welke online signalen zijn zorgelijk, "
        "en wat doe je ermee?",
        "De training wordt gegeven door het lectoraat, samen met de politie. Deelnemers nemen een "
        "eigen casus mee.",
        ["extremism"],
        ["professionals"],
        (None, None),
        UNIVERSITY,
        "€ 275 per deelnemer, gratis voor partners",
        EL.WELL_FOUNDED,
        IS.SCALED_UP,
        V.SHARED,
        [
            DemoExperiment(
                "Sociaal Wijkteam Voorbeeldstad",
                "Twee teams, 24 medewerkers",
                "Melden medewerkers na de training zorgen eerder en beter onderbouwd?",
                400,
                180,
                [WIJKTEAM, UNIVERSITY],
                "Drie meldingen in een halfjaar, meestal laat.",
                "Acht meldingen, waarvan zes vroeg genoeg voor een gesprek.",
                "Meer en betere meldingen; de politie kreeg geen onnodige meldingen.",
                "Herhaal de training na een jaar kort. Een vast aanspreekpunt in de wijk is "
                "minstens zo belangrijk als de training zelf.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
        ],
    ),
    DemoIntervention(
        "Campagnepakket Gok niet met je toekomst",
        IK.CAMPAIGN_KIT,
        "Posters, korte filmpjes en berichten voor sociale media over online gokken en "
        "lootboxen, gemaakt met jongeren.",
        "Partners plaatsen de berichten op hun eigen kanalen in een vaste campagneweek.",
        ["gaming", "scams"],
        ["young_12_18", "young_18_24"],
        (15, 24),
        GGD,
        "Gratis voor partners",
        EL.NOT_ASSESSED,
        IS.PILOT,
        V.COALITION,
        [
            DemoExperiment(
                "Sportclubs en jongerenwerk in de binnenstad",
                "Jongeren van 15 tot 24 jaar",
                "Bereiken we via sportclubs jongeren die we via school niet bereiken?",
                20,
                None,
                [GGD, YOUTH_WORK],
                "Bereik van de eerste campagne: 2.000 weergaven.",
                "",
                "",
                "",
                EO.UNKNOWN,
                ES.RUNNING,
            ),
        ],
    ),
    DemoIntervention(
        "Lespakket Digitaal Burgerschap",
        IK.LESSON_MATERIAL,
        "Acht lessen voor de onderbouw over nieuws, privacy, online ruzie en meningen, met "
        "werkbladen en docentenhandleiding.",
        "Past in mentorlessen en bij maatschappijleer. Elke les staat op zichzelf.",
        ["disinformation", "polarisation", "cyberbullying"],
        ["young_12_18", "schools"],
        (12, 15),
        MEDIAWIJS,
        "Gratis te downloaden",
        EL.EFFECTIVE,
        IS.SCALED_UP,
        V.PUBLIC,
        [],
        evidence_link="https://www.example.org/databank/digitaal-burgerschap",
    ),
]

ZEEUWSE_KUST_INTERVENTIONS: list[DemoIntervention] = [
    DemoIntervention(
        "Kustdialoog",
        IK.CONVERSATION_METHOD,
        "Dorpsgesprekken over onderwerpen die online verdelen, zoals windparken en de opvang "
        "van nieuwkomers, met een neutrale gespreksleider.",
        "Een avond van twee uur in het dorpshuis. De gespreksleider werkt met vaste spelregels "
        "en een korte ronde vooraf online.",
        ["polarisation", "conspiracy"],
        ["professionals", "parents"],
        (16, None),
        "Stichting Dorpsgesprek",
        "€ 350 per avond",
        EL.WELL_DESCRIBED,
        IS.RUNNING,
        V.SHARED,
        [
            DemoExperiment(
                "Dorpshuis Oostdorp",
                "Bewoners, 45 deelnemers op drie avonden",
                "Worden de reacties in de dorpsgroep op Facebook minder fel na de gesprekken?",
                160,
                60,
                [],
                "Beheerders van de dorpsgroep verwijderden 14 berichten per maand.",
                "6 berichten per maand.",
                "Minder felle berichten, en bewoners namen elkaar in bescherming in de groep.",
                "Nodig de beheerders van de dorpsgroep uit als gastheer. Begin met zorgen, niet "
                "met feiten.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
            DemoExperiment(
                "Dorpshuis Westerzand",
                "Bewoners, 12 deelnemers",
                "Werkt de aanpak ook als er net een incident is geweest?",
                90,
                14,
                [],
                "",
                "",
                "De avond werd gedomineerd door een kleine groep boze bewoners.",
                "Wacht na een incident een paar weken. Houd eerst kleine gesprekken met de "
                "mensen om wie het gaat.",
                EO.NEGATIVE,
                ES.FINISHED,
            ),
        ],
    ),
    DemoIntervention(
        "Avondploeg online jongerenwerk",
        IK.TRAINING,
        "Een training en werkwijze voor jongerenwerkers die 's avonds online bereikbaar zijn op "
        "Discord, Snapchat en Instagram.",
        "Drie trainingsdagen en een vast rooster. Met afspraken over wanneer je een collega of "
        "de crisisdienst inschakelt.",
        ["online_unsafety"],
        ["young_12_18", "young_18_24", "professionals"],
        (12, 23),
        "Jongerenwerk Zeeuwse Kust",
        "Drie trainingsdagen, € 900 per team",
        EL.NOT_ASSESSED,
        IS.RUNNING,
        V.SHARED,
        [
            DemoExperiment(
                "Drie kustgemeenten, zomerseizoen",
                "Jongeren die 's avonds online zijn, ruim 200 contacten",
                "Bereiken we jongeren die overdag niet bij het jongerenwerk komen?",
                240,
                90,
                [],
                "",
                "Van de contacten was 60 % nog niet bekend bij het jongerenwerk.",
                "Veel nieuwe contacten, vooral over eenzaamheid en ruzie thuis.",
                "Twee jongerenwerkers tegelijk online, nooit alleen. Leg vast wat je met zorgen "
                "doet voordat de eerste avond begint.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
        ],
    ),
    DemoIntervention(
        "Nepverhuur-check",
        IK.WEBSITE,
        "Een website waarop seizoenswerkers en toeristen een advertentie kunnen checken aan de "
        "hand van tien vragen.",
        "Verspreid de link via campings, uitzendbureaus en de lokale omroep.",
        ["scams"],
        ["young_18_24", "professionals"],
        (18, None),
        "Gemeenten Zeeuwse Kust",
        "Gratis",
        EL.NOT_ASSESSED,
        IS.IDEA,
        V.PUBLIC,
        [],
    ),
    DemoIntervention(
        "Wie zit er achter het scherm?",
        IK.GAME,
        "Een online spel voor groep 6 tot en met 8 over contact met onbekenden, met rollenspellen "
        "voor in de klas.",
        "Kinderen spelen het spel in tweetallen; daarna oefent de leerkracht met rollenspellen.",
        ["sextortion", "online_unsafety"],
        ["young_0_12", "schools"],
        (9, 12),
        "Bibliotheken Zeeuwse Kust",
        "Gratis voor scholen",
        EL.NOT_ASSESSED,
        IS.PILOT,
        V.SHARED,
        [
            DemoExperiment(
                "Vier basisscholen aan de kust",
                "Groepen 7 en 8, 110 kinderen",
                "Weten kinderen na het spel wat ze doen als iemand om een foto vraagt?",
                70,
                28,
                [],
                "55 % noemt een veilige reactie.",
                "86 %.",
                "Bijna alle kinderen noemden na afloop een volwassene die ze zouden vertellen.",
                "Stuur ouders vooraf een brief: kinderen praten thuis over het spel en ouders "
                "willen weten waarom.",
                EO.POSITIVE,
                ES.FINISHED,
            ),
        ],
    ),
]


def load_interventions(coalition: Coalition, author: User, rows: list[DemoIntervention]) -> None:
    today = datetime.date.today()
    partners = {p.name: p for p in Partner.objects.filter(coalition=coalition)}
    for row in rows:
        intervention = do_create_intervention(
            author,
            coalition,
            name=row.name,
            summary=row.summary,
            kind=row.kind,
            themes=row.themes,
            target_groups=row.target_groups,
            age_from=row.ages[0],
            age_until=row.ages[1],
            provider=partners.get(row.provider),
            external_provider="" if row.provider in partners else row.provider,
            how_to_use=row.how_to_use,
            cost=row.cost,
            link=row.link,
            evidence_level=row.evidence_level,
            evidence_link=row.evidence_link,
            status=row.status,
            visibility=row.visibility,
        )
        for experiment in row.experiments:
            starts_on = today - datetime.timedelta(days=experiment.started_days_ago)
            do_create_experiment(
                author,
                intervention,
                question=experiment.question,
                location=experiment.location,
                participants=experiment.participants,
                starts_on=starts_on,
                ends_on=(
                    starts_on + datetime.timedelta(days=experiment.days)
                    if experiment.days is not None
                    else None
                ),
                partners=[partners[name] for name in experiment.partners if name in partners],
                measure_before=experiment.measure_before,
                measure_after=experiment.measure_after,
                results=experiment.results,
                lessons=experiment.lessons,
                outcome=experiment.outcome,
                status=experiment.status,
            )


def _demo_pdf(title: str) -> bytes:
    """A one-page PDF with ``title`` on it (ASCII), small enough to build here."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\n"
    return out + b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"


# Items that get a PDF attachment: (title, file name).
DEMO_ATTACHMENTS = [
    ("Complottheorieën over windparken op zee", "verslag-informatieavond-windpark.pdf"),
    ("Complottheorieën in de klas: wat we leerden", "lesopzet-complotdenken.pdf"),
    ("Lesbrief: filterbubbels doorprikken", "lesbrief-filterbubbels.pdf"),
]


def _load_attachments() -> None:
    for title, name in DEMO_ATTACHMENTS:
        item = KnowledgeItem.objects.get(title=title)
        content = _demo_pdf(item.title)
        do_add_attachment(
            item.created_by,  # type: ignore[arg-type]  # demo items always have an author
            item,
            CleanFile(content, "pdf", "application/pdf", name),
        )


def load_knowledge_demo(logins: dict[str, User]) -> None:
    """Knowledge items, interventions and experiments (whose lessons become knowledge items)
    of both demo coalitions; Voorbeeldstad's partners must exist already."""
    voorbeeldstad = Coalition.objects.get(slug="voorbeeldstad")
    zeeuwse_kust = Coalition.objects.get(slug="zeeuwse-kust")
    load_knowledge(voorbeeldstad, logins["cees@voorbeeldstad.example"], VOORBEELDSTAD_ITEMS)
    load_knowledge(zeeuwse_kust, logins["eva@zeeuwse-kust.example"], ZEEUWSE_KUST_ITEMS)
    load_interventions(
        voorbeeldstad, logins["anna@voorbeeldstad.example"], VOORBEELDSTAD_INTERVENTIONS
    )
    load_interventions(zeeuwse_kust, logins["eva@zeeuwse-kust.example"], ZEEUWSE_KUST_INTERVENTIONS)
    _load_attachments()
    _backdate()


def _backdate() -> None:
    """Give demo rows the creation times their dates suggest, so "new since your last visit"
    shows the last two weeks, not everything the loader just made."""
    zone = timezone.get_current_timezone()

    def at(day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=zone)

    for item in KnowledgeItem.objects.all():
        KnowledgeItem.objects.filter(pk=item.pk).update(created_at=at(item.published_on))
    for experiment in Experiment.objects.select_related("intervention"):
        day = experiment.ends_on or experiment.starts_on
        Experiment.objects.filter(pk=experiment.pk).update(created_at=at(day), updated_at=at(day))
    for intervention in Intervention.objects.all():
        first = intervention.experiments.order_by("starts_on").first()
        day = first.starts_on if first else datetime.date.today() - datetime.timedelta(days=5)
        Intervention.objects.filter(pk=intervention.pk).update(created_at=at(day))
