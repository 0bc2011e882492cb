"""A realistic, fictional demo installation: two coalitions and one login per role.

Texts are modelled on the practice of the Utrechtse Online Coalitie (DESIGN.md §1). Later
modules add their own demo content by extending ``load_demo``. Everything goes through the
same actions the product uses.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.actions import do_accept_invitation, do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.coalitions.actions import do_create_coalition, do_update_coalition
from weerbaar.coalitions.choices import FocusArea, Theme
from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
    do_record_delivery,
    do_sign_covenant,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.dev.blueprint_demo import load_blueprint, start_zeeuwse_kust
from weerbaar.dev.campaigns_demo import load_campaigns
from weerbaar.dev.events_demo import load_events
from weerbaar.dev.knowledge_demo import load_knowledge_demo
from weerbaar.dev.referrals_demo import load_referrals
from weerbaar.dev.signals_demo import SIGNAL_ANALYST, SIGNAL_REPORTERS, load_signals
from weerbaar.dev.trends_demo import load_trends
from weerbaar.partners.actions import (
    do_create_partner,
    do_link_membership_to_partner,
    do_submit_join_request,
    do_update_embedding,
)
from weerbaar.partners.choices import Domain
from weerbaar.partners.models import Partner

DEMO_PASSWORD = "Weerbaar-demo-2026"
DEMO_SLUG = "voorbeeldstad"
OTHER_SLUG = "zeeuwse-kust"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    full_name: str
    coalition_slug: str | None
    role: Role | None
    platform_admin: bool = False


DEMO_LOGINS = [
    DemoLogin("anna@voorbeeldstad.example", "Anna de Wit", DEMO_SLUG, Role.COORDINATOR),
    DemoLogin("bram@voorbeeldstad.example", "Bram Jansen", DEMO_SLUG, Role.PARTNER_ADMIN),
    DemoLogin("cees@voorbeeldstad.example", "Cees Bakker", DEMO_SLUG, Role.MEMBER),
    DemoLogin("femke@voorbeeldstad.example", "Femke Visser", DEMO_SLUG, Role.ANALYST),
    DemoLogin("dirk@zeeuwse-kust.example", "Dirk Verhoeven", OTHER_SLUG, Role.MEMBER),
    DemoLogin("eva@zeeuwse-kust.example", "Eva Maas", OTHER_SLUG, Role.COORDINATOR),
    DemoLogin("pieter@weerbaar.example", "Pieter Smit", None, None, platform_admin=True),
]

VOORBEELDSTAD: dict[str, Any] = {
    "slug": DEMO_SLUG,
    "name": "Online Coalitie Voorbeeldstad",
    "region": "Gemeente Voorbeeldstad",
    "ambition": (
        "Wij werken aan een (online) samenleving die veilig, gezond, inclusief en weerbaar is. "
        "Samen staan we sterker: met een gezamenlijke aanpak die blijvend impact maakt.\n"
        "We richten ons op preventie, bewustwording, signalering en digitale weerbaarheid, en we "
        "benaderen jongeren vanuit oprechte interesse, niet vanuit onwetendheid of angst."
    ),
    "principles": [
        "Iedere partner draagt actief bij: met kennis, tijd, middelen, denk- en doekracht.",
        "We handelen met steun van onze eigen organisatie.",
        "We werken over domeinen en disciplines heen, aan bedreigingen én kansen.",
        "We leren van elkaar en delen kennis, binnen en buiten Voorbeeldstad.",
        "We zorgen voor goede doorverwijzing, zodat niemand er alleen voor staat.",
        "We werken in dienst van de mensen om wie het gaat.",
    ],
    "focus_areas": list(FocusArea.values),
    "themes": list(Theme.values),
    "areas": ["Binnenstad", "De Heuvels", "Noordwijk", "Oosterpark", "Westerveld", "Zuiderhaven"],
    "is_public": True,
}

# Zeeuwse Kust starts through the blueprint (blueprint_demo.py): the platform admin's approval
# creates it from its plan. Its coordinator then completes the profile in the settings.
ZEEUWSE_KUST_REGION = "Regio Zeeuwse Kust"
ZEEUWSE_KUST_AMBITION_OPENING = (
    "Drie kustgemeenten bundelen hun krachten voor digitale weerbaarheid van jongeren. "
    "We leren van de aanpak in Voorbeeldstad en maken die passend voor onze regio."
)
ZEEUWSE_KUST_PRINCIPLE = "We delen wat werkt, ook over gemeentegrenzen heen."


@dataclass(frozen=True)
class DemoPartner:
    name: str
    domains: list[Domain]
    description: str
    expertise: str = ""
    website: str = ""
    is_public: bool = True


# Fictional organisations of Voorbeeldstad; websites use the reserved .example domain.
VOORBEELDSTAD_PARTNERS = [
    DemoPartner(
        "Gemeente Voorbeeldstad \N{EN DASH} Openbare Orde en Veiligheid",
        [Domain.PUBLIC_ORDER_SAFETY],
        "De afdeling OOV coördineert de aanpak van polarisatie en radicalisering en is "
        "kwartiermaker van de coalitie.",
        "Aanpak polarisatie en radicalisering\nSamenwerking met politie en jeugdzorg",
        "https://www.voorbeeldstad.example/veiligheid",
    ),
    DemoPartner(
        "Gemeente Voorbeeldstad \N{EN DASH} Maatschappelijke Ontwikkeling",
        [Domain.SOCIAL_DEVELOPMENT],
        "Werkt aan kansengelijkheid, welzijn en meedoen in alle wijken van Voorbeeldstad.",
        "Wijkgericht werken\nSubsidies voor welzijnsorganisaties",
    ),
    DemoPartner(
        "GGD Regio Voorbeeldstad",
        [Domain.PUBLIC_HEALTH],
        "Bewaakt en bevordert de gezondheid van inwoners, ook hun mentale gezondheid online.",
        "Mentale gezondheid van jongeren\nGezondheidsmonitor Jeugd",
        "https://www.ggd-voorbeeldstad.example",
    ),
    DemoPartner(
        "Bibliotheek Voorbeeldstad",
        [Domain.LIBRARY, Domain.MEDIA_LITERACY],
        "De bibliotheek helpt iedereen mee te doen in de digitale samenleving, met "
        "spreekuren, cursussen en lessen mediawijsheid op scholen.",
        "Mediawijsheid voor ouders\nNepnieuws herkennen\nDigitaal spreekuur",
        "https://www.bibliotheekvoorbeeldstad.example",
    ),
    DemoPartner(
        "Jongerenwerk Voorbeeldstad",
        [Domain.YOUTH_WORK],
        "Jongerenwerkers zijn er in elke wijk, op straat én online, en kennen de platforms "
        "waar jongeren elkaar ontmoeten.",
        "Online jongerenwerk\nGroepsdynamiek en weerbaarheid",
    ),
    DemoPartner(
        "Politie basisteam Voorbeeldstad",
        [Domain.POLICE],
        "Het basisteam werkt met wijkagenten en een digitaal team aan veiligheid, ook online.",
        "Online oplichting en sextortion\nDoorverwijzing bij acute dreiging",
    ),
    DemoPartner(
        "Hogeschool Voorbeeldstad \N{EN DASH} lectoraat Digitale Weerbaarheid",
        [Domain.RESEARCH, Domain.EDUCATION],
        "Het lectoraat onderzoekt hoe jongeren zich online weerbaar maken en deelt wat werkt.",
        "Praktijkgericht onderzoek\nEvaluatie van interventies",
        "https://www.hogeschoolvoorbeeldstad.example/lectoraat",
    ),
    DemoPartner(
        "Stichting Mediawijs Voorbeeldstad",
        [Domain.MEDIA_LITERACY, Domain.CIVIL_SOCIETY],
        "Een kleine stichting die gastlessen en ouderavonden over sociale media verzorgt.",
        "Gastlessen in groep 7 en 8\nOuderavonden",
    ),
    DemoPartner(
        "Voortgezet onderwijs: Stedelijk College",
        [Domain.EDUCATION],
        "Een brede scholengemeenschap met een eigen aanpak voor digitaal burgerschap.",
        "Digitaal burgerschap in de les\nAanpak online pesten",
    ),
    DemoPartner(
        "Sociaal Wijkteam Voorbeeldstad",
        [Domain.CARE, Domain.SOCIAL_DEVELOPMENT],
        "Hulp bij opvoeden, geldzorgen en relaties, dichtbij in de wijk.",
        "Opvoedondersteuning\nWarme doorverwijzing",
    ),
    DemoPartner(
        "Moskee- en kerkenoverleg Voorbeeldstad",
        [Domain.CIVIL_SOCIETY],
        "Levensbeschouwelijke gemeenschappen die samen het gesprek over polarisatie voeren.",
        "Dialoogavonden",
    ),
    DemoPartner(
        "Lokale omroep Voorbeeldstad FM",
        [Domain.MEDIA_LITERACY, Domain.BUSINESS],
        "De lokale omroep maakt programma's met en voor jongeren.",
        is_public=False,
    ),
    DemoPartner(
        "Jeugdzorg Regio Voorbeeldstad",
        [Domain.CARE],
        "Specialistische jeugdhulp; denkt mee over jongeren die online in de knel raken.",
        is_public=False,
    ),
    DemoPartner(
        "Ondernemersvereniging Binnenstad",
        [Domain.BUSINESS],
        "Winkeliers en horeca die zien wat er op straat en online speelt.",
        is_public=False,
    ),
]

# The partner Bram (partner admin) works for.
BRAM_PARTNER = "Bibliotheek Voorbeeldstad"

PENDING_JOIN_REQUESTS: list[dict[str, Any]] = [
    {
        "organisation_name": "Buurthuis De Brug",
        "domains": [Domain.CIVIL_SOCIETY.value, Domain.YOUTH_WORK.value],
        "website": "https://www.debrug.example",
        "contact_name": "Els Mulder",
        "contact_email": "els@debrug.example",
        "motivation": (
            "In ons buurthuis horen we veel over online pesten en nepnieuws. We willen leren "
            "van de andere partners en stellen onze ruimte beschikbaar voor bijeenkomsten."
        ),
    },
    {
        "organisation_name": "bibliotheek  voorbeeldstad",
        "domains": [Domain.LIBRARY.value],
        "website": "http://bibliotheekvoorbeeldstad.example/",
        "contact_name": "Karim El Amrani",
        "contact_email": "karim@bibliotheekvoorbeeldstad.example",
        "motivation": (
            "Onze vestiging in Noordwijk wil graag zelf meedoen met de lessen mediawijsheid."
        ),
    },
]


def _load_partners(coalition: Coalition, coordinator: User) -> None:
    for item in VOORBEELDSTAD_PARTNERS:
        partner = do_create_partner(
            coordinator,
            coalition,
            name=item.name,
            domains=[d.value for d in item.domains],
            website=item.website,
            description=item.description,
            expertise=item.expertise,
            is_public=item.is_public,
        )
        if item.name == BRAM_PARTNER:
            bram = Membership.objects.get(
                coalition=coalition, user__email="bram@voorbeeldstad.example"
            )
            do_link_membership_to_partner(coordinator, bram, partner)
    principles = list(coalition.principles.all())
    for data in PENDING_JOIN_REQUESTS:
        do_submit_join_request(coalition, endorsed_principles=principles[:3], **data)


COVENANT_TITLE = "Convenant Online Coalitie Voorbeeldstad"

COVENANT_BODY = """\
## Ambitie

Wij, de partners van de Online Coalitie Voorbeeldstad, werken aan een (online) samenleving
die veilig, gezond, inclusief en weerbaar is. Samen staan we sterker dan alleen: met een
gezamenlijke aanpak die blijvend impact maakt, en in samenwerking met partners buiten
Voorbeeldstad.

We richten ons op **preventie, bewustwording, signalering en digitale weerbaarheid**. We
benaderen jongeren vanuit oprechte interesse, niet vanuit onwetendheid of angst.

## Uitgangspunten

1. Iedere partner draagt actief bij: met kennis, tijd, middelen, denk- en doekracht.
2. We handelen met steun van onze eigen organisatie.
3. We werken over domeinen en disciplines heen, aan bedreigingen én kansen.
4. We leren van elkaar en delen kennis, binnen en buiten Voorbeeldstad.
5. We zorgen voor goede doorverwijzing, zodat niemand er alleen voor staat.
6. We werken in dienst van de mensen om wie het gaat.

## Wat partners toezeggen

- We delen onze kennis structureel, onder meer in de vaste bijeenkomsten van de coalitie.
- We zeggen elk jaar toe wat we inbrengen: kennis, uren, geld of andere middelen, zoals een
  zaal of een communicatiekanaal, en we leggen vast wat we hebben geleverd.
- We experimenteren samen met instrumenten en interventies, en delen wat werkt en wat niet.
- We werken mee aan voorlichtings- en preventiecampagnes.
- We signaleren online verschijnselen, nooit personen, en verwijzen door waar nodig.
- We borgen de aanpak in onze eigen organisatie: met een vaste contactpersoon en steun van
  onze leiding.

## Looptijd

Dit convenant geldt vanaf de publicatie tot een nieuwe versie het vervangt. Een partner die
wil stoppen, meldt dat bij de coördinator.
"""

# Who signed for which partner (fictional); Bram signs for his own organisation.
COVENANT_SIGNERS: dict[str, tuple[str, str]] = {
    "Gemeente Voorbeeldstad \N{EN DASH} Openbare Orde en Veiligheid": (
        "Marieke Dekker",
        "Programmamanager Veiligheid",
    ),
    "GGD Regio Voorbeeldstad": ("Hans Vermeulen", "Directeur Publieke Gezondheid"),
    BRAM_PARTNER: ("Bram Jansen", "Teamleider Mediawijsheid"),
    "Jongerenwerk Voorbeeldstad": ("Samira Bouzid", "Coördinator Jongerenwerk"),
    "Politie basisteam Voorbeeldstad": ("Erik de Boer", "Teamchef"),
    "Hogeschool Voorbeeldstad \N{EN DASH} lectoraat Digitale Weerbaarheid": (
        "Dr. Lotte Hendriks",
        "Lector Digitale Weerbaarheid",
    ),
    "Stichting Mediawijs Voorbeeldstad": ("Joost van Dam", "Directeur"),
    "Sociaal Wijkteam Voorbeeldstad": ("Nadia Kaya", "Manager Sociaal Wijkteam"),
}

# Pledges for this year: partner, kind, description, hours, euros, and what was delivered
# (month, description, hours, euros).
DemoDelivery = tuple[int, str, int | None, int | None]
DEMO_COMMITMENTS: list[
    tuple[str, CommitmentKind, str, int | None, int | None, list[DemoDelivery]]
] = [
    (
        BRAM_PARTNER,
        CommitmentKind.TIME,
        "Zes workshops mediawijsheid voor ouders in de wijkvestigingen",
        48,
        None,
        [
            (2, "Workshop 'Nepnieuws herkennen' in Noordwijk", 8, None),
            (4, "Workshop 'Online meekijken met je kind' in Oosterpark", 8, None),
        ],
    ),
    (
        BRAM_PARTNER,
        CommitmentKind.OTHER,
        "Zaal voor de kwartaalbijeenkomsten van de coalitie",
        None,
        None,
        [(3, "Kwartaalbijeenkomst in de centrale bibliotheek", None, None)],
    ),
    (
        "GGD Regio Voorbeeldstad",
        CommitmentKind.MONEY,
        "Bijdrage aan de campagne over online gokken onder jongeren",
        None,
        7500,
        [(5, "Ontwerp en druk van de campagneposters", None, 3200)],
    ),
    (
        "Hogeschool Voorbeeldstad \N{EN DASH} lectoraat Digitale Weerbaarheid",
        CommitmentKind.KNOWLEDGE,
        "Onderzoek naar de trendmonitor: welke signalen voorspellen iets?",
        None,
        None,
        [],
    ),
    (
        "Jongerenwerk Voorbeeldstad",
        CommitmentKind.TIME,
        "Online jongerenwerk op Discord en TikTok, vier uur per week",
        200,
        None,
        [
            (3, "Eerste kwartaal online jongerenwerk", 52, None),
            (6, "Tweede kwartaal online jongerenwerk", 50, None),
        ],
    ),
    (
        "Gemeente Voorbeeldstad \N{EN DASH} Openbare Orde en Veiligheid",
        CommitmentKind.MONEY,
        "Werkbudget van de coalitie",
        None,
        25000,
        [(1, "Kwartiermaker en secretariaat, eerste halfjaar", None, 12500)],
    ),
    (
        "Stichting Mediawijs Voorbeeldstad",
        CommitmentKind.KNOWLEDGE,
        "Lesmateriaal over desinformatie voor het voortgezet onderwijs",
        None,
        None,
        [(4, "Lespakket gedeeld met het Stedelijk College", None, None)],
    ),
]


def _load_covenant(coalition: Coalition, coordinator: User) -> None:
    draft = do_create_covenant_draft(
        coordinator, coalition, title=COVENANT_TITLE, body=COVENANT_BODY
    )
    version = do_publish_covenant_version(coordinator, draft)
    partners = {p.name: p for p in Partner.objects.filter(coalition=coalition)}
    bram = User.objects.get(email="bram@voorbeeldstad.example")
    for name, (signer_name, function) in COVENANT_SIGNERS.items():
        do_sign_covenant(
            bram if name == BRAM_PARTNER else None,
            version,
            partners[name],
            signer_name=signer_name,
            signer_function=function,
            confirmed=True,
        )
    year = timezone.localdate().year
    for name, kind, description, hours, euros, deliveries in DEMO_COMMITMENTS:
        actor = bram if name == BRAM_PARTNER else coordinator
        commitment = do_pledge_commitment(
            actor,
            partners[name],
            year=year,
            kind=kind,
            description=description,
            hours=Decimal(hours) if hours is not None else None,
            euros=Decimal(euros) if euros is not None else None,
        )
        for month, what, spent_hours, spent_euros in deliveries:
            do_record_delivery(
                actor,
                commitment,
                date=datetime.date(year, month, 15),
                description=what,
                hours=Decimal(spent_hours) if spent_hours is not None else None,
                euros=Decimal(spent_euros) if spent_euros is not None else None,
            )


# Embedding answers: most partners filled the checklist in, some only partly, a few not yet.
EMBEDDING_CONTACTS = ["Sanne de Boer", "Mehmet Yilmaz", "Lotte Vermeulen", "Jeroen Bos"]


def _load_embedding(coalition: Coalition, coordinator: User) -> None:
    year = timezone.localdate().year
    partners = list(Partner.objects.filter(coalition=coalition).order_by("name"))
    for index, partner in enumerate(partners):
        if index % 5 == 4:
            continue  # has not answered yet
        complete = index % 3 != 2
        do_update_embedding(
            coordinator,
            partner,
            endorsed_by_management=complete or index % 2 == 0,
            endorsed_on=datetime.date(year - 1, 1 + index % 12, 10) if complete else None,
            contact_person=EMBEDDING_CONTACTS[index % len(EMBEDDING_CONTACTS)],
            has_budget=index % 2 == 0,
            budget_euros=Decimal(1000 + 500 * index) if index % 4 == 0 else None,
            internal_embedding=(
                "Het managementteam en het team dat met jongeren werkt, kennen het werk van de "
                "coalitie en brengen het in hun overleggen in."
                if complete
                else ""
            ),
            embedded_since=datetime.date(year - 1 - index % 2, 3, 1) if complete else None,
        )


def _complete_profile(coalition: Coalition, coordinator: User) -> None:
    """What Eva changed in the settings after the approval: the region's name, an opening to
    the plan's ambition and one principle of her own."""
    principles = [p.text for p in coalition.principles.all()]
    do_update_coalition(
        coordinator,
        coalition,
        region=ZEEUWSE_KUST_REGION,
        ambition=f"{ZEEUWSE_KUST_AMBITION_OPENING}\n{coalition.ambition}",
        principles=[*principles, ZEEUWSE_KUST_PRINCIPLE],
        areas=[area.name for area in coalition.areas.all()],
    )


def is_database_empty() -> bool:
    return not Coalition.objects.exists() and not User.objects.exists()


def _create_user(login: DemoLogin) -> User:
    user = User.objects.create_user(
        login.email,
        DEMO_PASSWORD,
        full_name=login.full_name,
        is_platform_admin=login.platform_admin,
    )
    return user


@transaction.atomic
def load_demo() -> None:
    """Create the demo installation. Call only on an empty database."""
    logins = {login.email: _create_user(login) for login in DEMO_LOGINS if login.platform_admin}
    admin = next(iter(logins.values()))
    coordinator = next(
        login
        for login in DEMO_LOGINS
        if login.coalition_slug == DEMO_SLUG and login.role == Role.COORDINATOR
    )
    do_create_coalition(admin, coordinator_email=coordinator.email, **VOORBEELDSTAD)
    start_zeeuwse_kust(admin, "eva@zeeuwse-kust.example", "Eva Maas")
    for login in DEMO_LOGINS:
        if login.coalition_slug is None or login.role is None:
            continue
        coalition = Coalition.objects.get(slug=login.coalition_slug)
        inviter = logins.get(
            next(
                (
                    x.email
                    for x in DEMO_LOGINS
                    if x.coalition_slug == login.coalition_slug and x.role == Role.COORDINATOR
                ),
                "",
            ),
            admin,
        )
        # A coordinator accepts the invitation the coalition was created with.
        invitation = (
            Invitation.objects.pending()
            .filter(coalition=coalition, email=login.email, role=login.role)
            .first()
        ) or do_invite_member(inviter, coalition, login.email, login.role)[0]
        user = logins.get(login.email) or _create_user(login)
        logins[login.email] = user
        do_accept_invitation(invitation, user=user)
    # Privileged demo logins get an authenticator already set up, so an evaluator can use
    # `make demo-totp` instead of a phone. MFA itself stays exactly as strict as in production.
    for user in User.objects.all():
        if user.needs_mfa():
            TOTPDevice.objects.create(user=user, name="Demo", confirmed=True)
    zeeuwse_kust = Coalition.objects.get(slug=OTHER_SLUG)
    _complete_profile(zeeuwse_kust, logins["eva@zeeuwse-kust.example"])
    voorbeeldstad = Coalition.objects.get(slug=DEMO_SLUG)
    _load_partners(voorbeeldstad, logins["anna@voorbeeldstad.example"])
    _load_covenant(voorbeeldstad, logins["anna@voorbeeldstad.example"])
    _load_embedding(voorbeeldstad, logins["anna@voorbeeldstad.example"])
    load_knowledge_demo(logins)
    load_referrals(voorbeeldstad, logins["anna@voorbeeldstad.example"])
    load_campaigns(voorbeeldstad, logins["anna@voorbeeldstad.example"])
    load_signals(voorbeeldstad, [logins[e] for e in SIGNAL_REPORTERS], logins[SIGNAL_ANALYST])
    load_events(voorbeeldstad)
    load_trends(
        voorbeeldstad, logins["femke@voorbeeldstad.example"], logins["anna@voorbeeldstad.example"]
    )
    load_blueprint(zeeuwse_kust, logins["eva@zeeuwse-kust.example"])


def get_totp_secret(user: User) -> str | None:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return base64.b32encode(device.bin_key).decode() if device else None


def describe_demo_logins() -> str:
    lines = [
        "",
        "Demo logins (password for all: " + DEMO_PASSWORD + ")",
        "-" * 72,
    ]
    for login in DEMO_LOGINS:
        user = User.objects.filter(email=login.email).first()
        if user is None:
            continue
        role = (
            "platform admin" if login.platform_admin else f"{login.role} of {login.coalition_slug}"
        )
        lines.append(f"  {login.email:32} {role}")
        secret = get_totp_secret(user)
        if secret:
            lines.append(f"  {'':32} two-step key {secret}")
    lines += [
        "-" * 72,
        "Coordinators, analysts and the platform admin need a two-step code: add the key to an",
        "authenticator app, or run `make demo-totp EMAIL=<address>` for the current code.",
        f"Open {settings.SITE_URL}/{DEMO_SLUG}/ — stop with Ctrl-C.",
        "",
    ]
    return "\n".join(lines)
