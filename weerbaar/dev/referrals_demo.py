"""Demo help offers, crisis lines and referrals: fictional organisations, realistic help.

The national crisis lines are real (their numbers are public); everything else is made up.
Cees, a mentor at the Stedelijk College, refers cases; Bram answers for the library. Partners
without accounts get answer links by mail.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import Membership, User
from weerbaar.coalitions.models import Coalition
from weerbaar.partners.actions import do_link_membership_to_partner
from weerbaar.partners.models import Partner
from weerbaar.referrals.actions import (
    CaseDetails,
    do_add_national_crisis_lines,
    do_change_referral_status,
    do_refer_case,
    do_save_help_offer,
)
from weerbaar.referrals.models import HelpOffer, Referral
from weerbaar.referrals.workflow import Side

CEES_PARTNER = "Voortgezet onderwijs: Stedelijk College"
LIBRARY = "Bibliotheek Voorbeeldstad"

# (partner, title, description, themes, audiences, ages, contact, extra)
Offer = tuple[str, str, str, list[str], list[str], tuple[int | None, int | None], dict[str, Any]]

OFFERS: list[Offer] = [
    (
        LIBRARY,
        "Digitaal spreekuur voor ouders",
        "Vragen over apps, games of wat je kind online ziet? Een mediacoach denkt met je mee, "
        "zonder oordeel.",
        ["gaming", "cyberbullying", "online_unsafety"],
        ["parents"],
        (None, None),
        {
            "phone": "030-2001100",
            "email": "mediacoach@bibliotheekvoorbeeldstad.example",
            "hours": "Dinsdag 19.00 tot 21.00 uur, zaterdag 10.00 tot 12.00 uur",
            "address": "Stationsplein 1",
            "postal_code": "3511 AA",
            "city": "Voorbeeldstad",
            "location_name": "Centrale Bibliotheek",
            "languages": ["nl", "ar", "tr"],
        },
    ),
    (
        LIBRARY,
        "Nepnieuws checken: inloop",
        "Twijfel je of een bericht klopt? Samen zoeken we uit waar het vandaan komt.",
        ["disinformation", "conspiracy"],
        ["young_people", "parents"],
        (12, None),
        {
            "email": "nepnieuws@bibliotheekvoorbeeldstad.example",
            "hours": "Woensdagmiddag",
            "address": "Stationsplein 1",
            "postal_code": "3511 AA",
            "city": "Voorbeeldstad",
            "location_name": "Centrale Bibliotheek",
        },
    ),
    (
        LIBRARY,
        "Les mediawijsheid op school",
        "Een les van twee uur over online pesten, nepnieuws of privacy, afgestemd op de klas.",
        ["cyberbullying", "disinformation"],
        ["schools"],
        (10, 18),
        {"email": "scholen@bibliotheekvoorbeeldstad.example", "cost": "partly"},
    ),
    (
        "GGD Regio Voorbeeldstad",
        "Jongerenpraatlijn mentale gezondheid",
        "Praat met een jeugdverpleegkundige als je niet lekker in je vel zit, ook over wat je "
        "online meemaakt.",
        ["cyberbullying", "online_unsafety", "gaming"],
        ["young_people"],
        (12, 23),
        {
            "phone": "030-2002200",
            "chat_url": "https://www.ggd-voorbeeldstad.example/chat",
            "hours": "Werkdagen 14.00 tot 20.00 uur",
            "anonymous_possible": True,
        },
    ),
    (
        "GGD Regio Voorbeeldstad",
        "Advies voor ouders over schermtijd",
        "Een gesprek met een jeugdarts of verpleegkundige over gamen, slapen en schermtijd.",
        ["gaming"],
        ["parents"],
        (0, 18),
        {"phone": "030-2002201", "website": "https://www.ggd-voorbeeldstad.example/schermtijd"},
    ),
    (
        "GGD Regio Voorbeeldstad",
        "Sense-spreekuur seksuele gezondheid",
        "Vragen over seks, relaties of naaktfoto's die rondgaan? Gratis en vertrouwelijk.",
        ["sextortion"],
        ["young_people"],
        (12, 24),
        {
            "phone": "030-2002202",
            "anonymous_possible": True,
            "hours": "Donderdag 15.00 tot 18.00 uur",
            "address": "Gezondheidsplein 4",
            "postal_code": "3512 BB",
            "city": "Voorbeeldstad",
            "location_name": "GGD-gebouw",
        },
    ),
    (
        "Jongerenwerk Voorbeeldstad",
        "Online jongerenwerk op Discord",
        "Jongerenwerkers zijn vier avonden per week online. Je kunt ze appen of in de Discord "
        "aanspreken.",
        ["cyberbullying", "gaming", "polarisation"],
        ["young_people"],
        (12, 23),
        {
            "chat_url": "https://discord.example/jongerenwerk",
            "hours": "Maandag tot en met donderdag 19.00 tot 22.00 uur",
            "anonymous_possible": True,
            "email": "online@jongerenwerk-voorbeeldstad.example",
        },
    ),
    (
        "Jongerenwerk Voorbeeldstad",
        "Gesprek bij zorgen over extreme ideeën",
        "Een jongerenwerker met training in het herkennen van radicalisering praat met de jongere "
        "of met jou als ouder of professional.",
        ["extremism", "polarisation", "conspiracy"],
        ["young_people", "parents", "professionals"],
        (12, 27),
        {"phone": "030-2003300", "email": "zorgen@jongerenwerk-voorbeeldstad.example"},
    ),
    (
        "Jongerenwerk Voorbeeldstad",
        "Weerbaarheidstraining in de wijk",
        "Acht bijeenkomsten over grenzen, groepsdruk en veilig online zijn.",
        ["cyberbullying", "sextortion"],
        ["young_people"],
        (10, 16),
        {
            "email": "training@jongerenwerk-voorbeeldstad.example",
            "address": "Wijkcentrum De Brug, Pleinweg 20",
            "postal_code": "3514 CC",
            "city": "Voorbeeldstad",
            "location_name": "Wijkcentrum De Brug",
        },
    ),
    (
        "Politie basisteam Voorbeeldstad",
        "Aangifte van online afpersing of sextortion",
        "Word je afgeperst met beelden? Betaal niet en doe aangifte. De zedenrecherche helpt "
        "discreet.",
        ["sextortion", "scams"],
        ["young_people", "parents"],
        (None, None),
        {"phone": "0900-8844", "website": "https://www.politie.example/aangifte"},
    ),
    (
        "Politie basisteam Voorbeeldstad",
        "Wijkagent: spreekuur over online veiligheid",
        "Vragen over oplichting, bedreiging of beelden die rondgaan? De wijkagent denkt mee.",
        ["scams", "cyberbullying", "hate"],
        ["parents", "professionals", "schools"],
        (None, None),
        {
            "phone": "0900-8844",
            "hours": "Eerste maandag van de maand 16.00 tot 18.00 uur",
            "address": "Politiebureau Centrum, Kerkstraat 8",
            "postal_code": "3511 DD",
            "city": "Voorbeeldstad",
            "location_name": "Politiebureau Centrum",
        },
    ),
    (
        "Politie basisteam Voorbeeldstad",
        "Melden van online haat en bedreiging",
        "Zie je online bedreiging of oproepen tot geweld? Meld het, ook als je het alleen zag.",
        ["hate", "extremism"],
        ["young_people", "parents", "professionals"],
        (None, None),
        {"phone": "0900-8844", "website": "https://www.politie.example/melden"},
    ),
    (
        "Stichting Mediawijs Voorbeeldstad",
        "Ouderavond online opvoeden",
        "Een avond op school of in de wijk over wat kinderen online doen en hoe je meekijkt.",
        ["gaming", "cyberbullying", "disinformation"],
        ["parents", "schools"],
        (None, None),
        {"email": "ouderavond@mediawijs-voorbeeldstad.example", "cost": "partly"},
    ),
    (
        "Stichting Mediawijs Voorbeeldstad",
        "Hulp na online oplichting",
        "Opgelicht via een webwinkel, Marktplaats of een nepbericht van de bank? We helpen met de "
        "volgende stappen.",
        ["scams"],
        ["young_people", "parents"],
        (14, None),
        {"phone": "030-2004400", "hours": "Werkdagen 10.00 tot 16.00 uur"},
    ),
    (
        "Stichting Mediawijs Voorbeeldstad",
        "Gesprekskaarten complotdenken in het gezin",
        "Een set gesprekskaarten en een coachgesprek voor als iemand thuis in complotten gelooft.",
        ["conspiracy", "disinformation"],
        ["parents"],
        (None, None),
        {"email": "gesprek@mediawijs-voorbeeldstad.example"},
    ),
    (
        CEES_PARTNER,
        "Vertrouwenspersoon op school",
        "Leerlingen kunnen bij de vertrouwenspersoon terecht met alles wat er online gebeurt.",
        ["cyberbullying", "sextortion", "online_unsafety"],
        ["young_people"],
        (12, 18),
        {"email": "vertrouwenspersoon@stedelijkcollege.example", "hours": "Elke schooldag"},
    ),
    (
        CEES_PARTNER,
        "Anti-pestcoördinator",
        "Coördineert de aanpak van pesten, ook online, samen met mentor en ouders.",
        ["cyberbullying"],
        ["young_people", "parents"],
        (12, 18),
        {"phone": "030-2005500", "email": "antipesten@stedelijkcollege.example"},
    ),
    (
        "Sociaal Wijkteam Voorbeeldstad",
        "Gezinsondersteuning bij zorgen thuis",
        "Een vaste hulpverlener denkt met het hele gezin mee, ook als online gedrag de zorg is.",
        ["gaming", "conspiracy", "online_unsafety"],
        ["parents"],
        (None, None),
        {
            "phone": "030-2006600",
            "email": "aanmelden@wijkteam-voorbeeldstad.example",
            "languages": ["nl", "ar", "tr", "pl"],
        },
    ),
    (
        "Sociaal Wijkteam Voorbeeldstad",
        "Schuldhulp na online oplichting",
        "Raakte je schulden op door oplichting of gokken? We maken samen een plan.",
        ["scams", "gaming"],
        ["young_people", "parents"],
        (18, None),
        {
            "phone": "030-2006601",
            "address": "Wijkcentrum De Brug, Pleinweg 20",
            "postal_code": "3514 CC",
            "city": "Voorbeeldstad",
            "location_name": "Wijkcentrum De Brug",
        },
    ),
    (
        "Jeugdzorg Regio Voorbeeldstad",
        "Jeugdhulp bij online seksueel misbruik",
        "Gespecialiseerde hulp voor kinderen en jongeren na sextortion of misbruik via internet.",
        ["sextortion"],
        ["young_people", "parents", "professionals"],
        (8, 18),
        {"phone": "030-2007700", "email": "aanmelden@jeugdzorg-voorbeeldstad.example"},
    ),
    (
        "Jeugdzorg Regio Voorbeeldstad",
        "Behandeling gameverslaving",
        "Behandeling voor jongeren die niet meer van games af kunnen, met begeleiding van ouders.",
        ["gaming"],
        ["young_people", "parents"],
        (12, 23),
        {"phone": "030-2007701", "cost": "free"},
    ),
    (
        "Moskee- en kerkenoverleg Voorbeeldstad",
        "Gesprek met een imam of predikant",
        "Praten over geloof, identiteit en wat je online tegenkomt, in vertrouwen.",
        ["extremism", "polarisation", "hate"],
        ["young_people", "parents"],
        (14, None),
        {"phone": "030-2008800", "languages": ["nl", "ar", "tr", "ber"]},
    ),
    (
        "Gemeente Voorbeeldstad \N{EN DASH} Openbare Orde en Veiligheid",
        "Advies- en meldpunt radicalisering",
        "Voor professionals en ouders met zorgen over radicalisering. Het meldpunt weegt de "
        "zorg en bereidt zo nodig het casusoverleg radicalisering voor.",
        ["extremism", "polarisation"],
        ["parents", "professionals", "schools"],
        (None, None),
        {
            "phone": "14 030",
            "email": "radicalisering@voorbeeldstad.example",
            "hours": "Werkdagen 9.00 tot 17.00 uur",
        },
    ),
    (
        "Gemeente Voorbeeldstad \N{EN DASH} Maatschappelijke Ontwikkeling",
        "Anti-discriminatievoorziening",
        "Meld discriminatie, ook online. We luisteren, registreren en helpen als je dat wilt.",
        ["hate"],
        ["young_people", "parents", "professionals"],
        (None, None),
        {
            "phone": "030-2009900",
            "website": "https://www.discriminatie-voorbeeldstad.example",
            "anonymous_possible": True,
        },
    ),
    (
        "Hogeschool Voorbeeldstad \N{EN DASH} lectoraat Digitale Weerbaarheid",
        "Kennisspreekuur voor professionals",
        "Onderzoekers denken mee over een vraag uit je praktijk: wat werkt bij online pesten, "
        "desinformatie of polarisatie?",
        ["cyberbullying", "disinformation", "polarisation"],
        ["professionals", "schools"],
        (None, None),
        {"email": "lectoraat@hogeschoolvoorbeeldstad.example"},
    ),
    (
        "Lokale omroep Voorbeeldstad FM",
        "Jongerenredactie: leer nieuws maken",
        "Maak zelf nieuws en leer zo hoe nepnieuws werkt.",
        ["disinformation"],
        ["young_people"],
        (14, 21),
        {"email": "jongeren@voorbeeldstadfm.example", "is_active": False},
    ),
]

# Offers last confirmed long ago, so the freshness job and the stale marks show in the demo.
STALE_TITLES = {"Gesprekskaarten complotdenken in het gezin", "Anti-pestcoördinator"}


def _load_offers(coalition: Coalition, coordinator: User) -> dict[str, HelpOffer]:
    partners = {p.name: p for p in Partner.objects.filter(coalition=coalition)}
    offers: dict[str, HelpOffer] = {}
    today = timezone.localdate()
    for name, title, description, themes, audiences, (low, high), extra in OFFERS:
        fields: dict[str, Any] = {
            "title": title,
            "description": description,
            "themes": themes,
            "audiences": audiences,
            "minimum_age": low,
            "maximum_age": high,
            "area_served": "Voorbeeldstad",
            **extra,
        }
        offers[title] = do_save_help_offer(
            coordinator,
            coalition,
            partners[name],
            assured_on=today - datetime.timedelta(days=220 if title in STALE_TITLES else 30),
            **fields,
        )
    return offers


def _case(**fields: Any) -> CaseDetails:
    base: dict[str, Any] = {
        "age_group": "12_17",
        "contact_preference": "phone",
        "sharing_basis": "consent",
        "consent_given_by": "parent",
        "consent_given_on": timezone.localdate() - datetime.timedelta(days=2),
        "consent_purpose": "Doorverwijzing naar dit aanbod",
        "urgency": "soon",
    }
    base.update(fields)
    return CaseDetails(**base)


def _age(referral: Referral, days: int, hours_to_accept: int | None = None) -> None:
    """Move a demo referral back in time, so the figures have something to show."""
    created = timezone.now() - datetime.timedelta(days=days)
    fields: dict[str, Any] = {
        "created_at": created,
        "deadline": created + datetime.timedelta(days=3),
    }
    if hours_to_accept is not None:
        fields["accepted_at"] = created + datetime.timedelta(hours=hours_to_accept)
    Referral.objects.filter(pk=referral.pk).update(**fields)


def load_referrals(coalition: Coalition, coordinator: User) -> None:
    do_add_national_crisis_lines(coordinator, coalition)
    offers = _load_offers(coalition, coordinator)
    school = Partner.objects.get(coalition=coalition, name=CEES_PARTNER)
    cees = Membership.objects.get(coalition=coalition, user__email="cees@voorbeeldstad.example")
    do_link_membership_to_partner(coordinator, cees, school)
    cees.refresh_from_db()
    bram = User.objects.get(email="bram@voorbeeldstad.example")
    receiver = {Side.RECEIVER}
    referrer = {Side.REFERRER}

    def refer(title: str, **fields: Any) -> Referral:
        return do_refer_case(cees.user, cees, offers[title], _case(**fields))

    waiting = refer(
        "Digitaal spreekuur voor ouders",
        theme="gaming",
        description="Ouders van een leerling uit 2 havo maken zich zorgen: hij gamet tot diep in "
        "de nacht en komt te laat op school.",
    )
    _age(waiting, 1)
    asked = refer(
        "Les mediawijsheid op school",
        theme="cyberbullying",
        age_group="12_17",
        description="In klas 1B wordt een leerling buitengesloten in de klassenapp. De klas "
        "kan een les over online pesten goed gebruiken.",
        sharing_basis="other_basis",
        legal_basis="Geen persoonsgegevens: een vraag voor de hele klas",
    )
    do_change_referral_status(
        bram, asked, "info_requested", receiver, message="Welke week past het best?"
    )
    accepted = refer(
        "Nepnieuws checken: inloop",
        theme="conspiracy",
        description="Leerling brengt steeds filmpjes mee over een complot rond vaccins en wil "
        "weten hoe je dat nagaat.",
        urgency="regular",
    )
    do_change_referral_status(bram, accepted, "accepted", receiver)
    _age(accepted, 6, hours_to_accept=20)
    declined = refer(
        "Digitaal spreekuur voor ouders",
        theme="sextortion",
        description="Een leerling wordt afgeperst met een naaktfoto. Ouders willen advies.",
        urgency="urgent",
    )
    do_change_referral_status(bram, declined, "declined", receiver, decline_reason="expertise")
    closed = refer(
        "Les mediawijsheid op school",
        theme="disinformation",
        age_group="12_17",
        description="Derde klassen delen nepnieuws over een vechtpartij in de stad.",
        sharing_basis="other_basis",
        legal_basis="Geen persoonsgegevens: een vraag voor de hele klas",
    )
    do_change_referral_status(bram, closed, "accepted", receiver)
    do_change_referral_status(bram, closed, "closed", receiver)
    _age(closed, 20, hours_to_accept=40)
    withdrawn = refer(
        "Digitaal spreekuur voor ouders",
        theme="scams",
        description="Moeder is opgelicht via een nepbericht; zij is inmiddels al geholpen.",
    )
    do_change_referral_status(cees.user, withdrawn, "withdrawn", referrer)
    # To a partner without accounts: it gets an answer link by mail.
    refer(
        "Gesprek bij zorgen over extreme ideeën",
        theme="extremism",
        age_group="18_24",
        description="Oud-leerling deelt in de klassengroep steeds vaker filmpjes van een "
        "extremistische influencer. Mentor maakt zich zorgen.",
    )
