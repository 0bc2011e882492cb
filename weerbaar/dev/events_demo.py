"""A year's demo programme: past events with attendance and a report, and upcoming ones with
registrations and a waiting list. Fictional, written as a coalition would plan its year.

Everything goes through the product's actions. Registration only works while it is open, so
past events are planned ahead first, filled, and then moved to their real (past) date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.models import Coalition
from weerbaar.events.actions import (
    ProgrammeLine,
    do_cancel_registration,
    do_confirm_registration,
    do_create_event,
    do_publish_event_report,
    do_record_attendance,
    do_register_member,
    do_register_visitor,
    do_update_event,
)
from weerbaar.events.choices import EventAudience as A
from weerbaar.events.choices import EventKind as K
from weerbaar.events.models import Event
from weerbaar.partners.models import Partner

VISITORS = [
    ("Yusuf Amrani", "yusuf@jongerenwerk-noord.example", "Jongerenwerk Noord"),
    ("Lotte de Vries", "lotte@basisschool-de-linde.example", "Basisschool De Linde"),
    ("Marieke Hoekstra", "marieke@wijkteam-oost.example", "Wijkteam Oost"),
    ("Daan Kramer", "daan@sportclub-vbs.example", "Sportclub Voorbeeldstad"),
    ("Noor El Idrissi", "noor@ouderpanel.example", "Ouderpanel Voorbeeldstad"),
]


@dataclass(frozen=True)
class DemoEvent:
    days_from_now: int
    hour: int
    minute: int
    hours: float
    kind: str
    title: str
    description: str
    audience: str
    location: str = ""
    online_link: str = ""
    capacity: int | None = None
    programme: list[tuple[str, str, str, str]] = field(default_factory=list)
    visitors: int = 0
    report: str = ""


PROGRAMME = [
    DemoEvent(
        -300,
        15,
        0,
        2,
        K.WORKING_GROUP,
        "Start werkgroep Onderwijs",
        "De werkgroep Onderwijs begint: welke vragen krijgen scholen over online "
        "polarisatie, en wat kunnen partners samen aanbieden?",
        A.MEMBERS,
        location="Stadskantoor, Marktplein 1, Voorbeeldstad, zaal 3.12",
    ),
    DemoEvent(
        -240,
        19,
        30,
        2.5,
        K.INSPIRATION_MEETING,
        "Inspiratiebijeenkomst: jongeren en nepnieuws",
        "Een avond over hoe jongeren nieuws vinden en wat ze vertrouwen, met onderzoekers "
        "en jongeren zelf aan het woord.\n\nVoor professionals, ouders en iedereen die "
        "met jongeren werkt.",
        A.PUBLIC,
        location="Bibliotheek Voorbeeldstad, Stationsplein 1",
        capacity=60,
        programme=[
            ("19:30", "Inloop met koffie", "", "Foyer"),
            ("19:45", "Wat jongeren delen en geloven", "Dr. Sanne Willems", "Grote zaal"),
            ("20:30", "Gesprek met jongeren", "Jongerenraad Voorbeeldstad", "Grote zaal"),
            ("21:30", "Napraten", "", "Foyer"),
        ],
        visitors=4,
        report="## Wat we hoorden\n\nJongeren zien nieuws eerst via vrienden en influencers. "
        "Ze willen dat volwassenen vragen stellen in plaats van oordelen.\n\n## Wat we "
        "meenemen\n\n- Een lesbrief over bronnen checken voor groep 8.\n- Een ouderavond "
        "in het voorjaar.",
    ),
    DemoEvent(
        -180,
        13,
        30,
        3.5,
        K.TRAINING,
        "Training: signalen van online radicalisering",
        "Een training voor jongerenwerkers, wijkteams en docenten: welke signalen zie je "
        "online, en wanneer en met wie bespreek je ze?",
        A.MEMBERS,
        location="Wijkcentrum De Brug, Lindelaan 40, Voorbeeldstad",
        capacity=20,
        programme=[
            ("13:30", "Wat is radicalisering, en wat niet", "Ahmed Bouzid", "Zaal 1"),
            ("14:45", "Casussen bespreken", "", "Zaal 1 en 2"),
            ("16:30", "Afspraken over doorverwijzen", "Anna de Wit", "Zaal 1"),
        ],
    ),
    DemoEvent(
        -120,
        9,
        30,
        7,
        K.CONGRESS,
        "Congres Samen digitaal weerbaar tegen polarisatie en radicalisering",
        "Het jaarlijkse congres van de coalitie, met sprekers uit onderzoek, onderwijs en "
        "de praktijk, en workshops in de middag.",
        A.PUBLIC,
        location="Stadsschouwburg Voorbeeldstad, Theaterplein 2",
        capacity=150,
        programme=[
            ("09:30", "Ontvangst", "", "Foyer"),
            ("10:00", "Opening", "Wethouder Jeugd", "Grote zaal"),
            ("10:30", "Polarisatie online: wat weten we?", "Prof. Jan de Boer", "Grote zaal"),
            ("13:30", "Workshop: gesprekken in de klas", "Stichting Mediawijs", "Zaal A"),
            ("13:30", "Workshop: gamen en chatten", "Bibliotheek Voorbeeldstad", "Zaal B"),
            ("16:00", "Afsluiting en borrel", "", "Foyer"),
        ],
        visitors=5,
    ),
    DemoEvent(
        -45,
        15,
        0,
        1.5,
        K.WEBINAR,
        "Webinar: complotdenken in de klas",
        "Een uur over wat je als docent kunt doen als leerlingen complottheorieën meenemen "
        "naar de les.",
        A.PUBLIC,
        online_link="https://webinar.example.org/complotdenken",
        visitors=3,
    ),
    DemoEvent(
        -20,
        10,
        0,
        2,
        K.MEETING,
        "Coalitieoverleg najaar",
        "Stand van zaken van de werkgroepen en de plannen voor volgend jaar.",
        A.MEMBERS,
        location="Stadskantoor, Marktplein 1, Voorbeeldstad, zaal 2.01",
    ),
    DemoEvent(
        12,
        10,
        0,
        2,
        K.MEETING,
        "Coalitieoverleg winter",
        "Wat leverden de toezeggingen dit jaar op, en wat pakken we volgend jaar samen op?",
        A.MEMBERS,
        location="Stadskantoor, Marktplein 1, Voorbeeldstad, zaal 2.01",
        programme=[
            ("10:00", "Terugblik op het jaar", "Anna de Wit", ""),
            ("10:45", "Plannen van de werkgroepen", "", ""),
        ],
    ),
    DemoEvent(
        30,
        13,
        30,
        3,
        K.TRAINING,
        "Training: gesprekken voeren over polarisatie",
        "Oefenen met lastige gesprekken, met een acteur. Kleine groep, dus snel vol.",
        A.PUBLIC,
        location="Wijkcentrum De Brug, Lindelaan 40, Voorbeeldstad",
        capacity=4,
        visitors=5,
    ),
    DemoEvent(
        60,
        19,
        30,
        2,
        K.INSPIRATION_MEETING,
        "Inspiratiebijeenkomst: ouders en gamen",
        "Ouders spelen zelf een game, met hun kinderen als uitleggers. Daarna praten we over "
        "de chat in games en over grenzen.",
        A.PUBLIC,
        location="Bibliotheek Voorbeeldstad, Stationsplein 1",
        capacity=40,
        visitors=2,
    ),
    DemoEvent(
        95,
        15,
        0,
        2,
        K.WORKING_GROUP,
        "Werkgroep Onderwijs",
        "De lesbrief over bronnen checken: eerste ervaringen van de scholen.",
        A.MEMBERS,
        online_link="https://vergaderen.example.org/werkgroep-onderwijs",
    ),
    DemoEvent(
        150,
        9,
        30,
        7,
        K.CONGRESS,
        "Congres Samen digitaal weerbaar 2027",
        "Het tweede congres van de coalitie. Het programma volgt; zet de datum alvast in je "
        "agenda.",
        A.PUBLIC,
        location="Stadsschouwburg Voorbeeldstad, Theaterplein 2",
        capacity=200,
    ),
]


def _at(days: int, hour: int, minute: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _fields(row: DemoEvent, days: int) -> dict[str, Any]:
    starts_at = _at(days, row.hour, row.minute)
    return {
        "kind": row.kind,
        "title": row.title,
        "description": row.description,
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=row.hours),
        "location": row.location,
        "online_link": row.online_link,
        "audience": row.audience,
        "capacity": row.capacity,
        "registration_deadline": None,
    }


def _programme(row: DemoEvent) -> list[ProgrammeLine]:
    return [
        ProgrammeLine(datetime.time.fromisoformat(time), title, speaker, room)
        for time, title, speaker, room in row.programme
    ]


def load_events(coalition: Coalition) -> list[Event]:
    """Plan the demo coalition's year and fill it with registrations."""
    coordinator = (
        Membership.objects.filter(coalition=coalition, role=Role.COORDINATOR)
        .select_related("user")
        .first()
    )
    assert coordinator is not None, "the demo coalition has a coordinator"
    members = list(
        Membership.objects.filter(coalition=coalition).select_related("user", "organisation")
    )
    partners = list(Partner.objects.filter(coalition=coalition).order_by("name"))
    events = []
    for index, row in enumerate(PROGRAMME):
        organisers = partners[index % len(partners) : index % len(partners) + 2] if partners else []
        planned_days = max(row.days_from_now, 7)
        event = do_create_event(
            coordinator.user,
            coalition,
            organisers=organisers,
            programme=_programme(row),
            **_fields(row, planned_days),
        )
        for membership in members[: 2 + index % max(len(members) - 1, 1)]:
            do_register_member(membership, event)
        for name, email, organisation in VISITORS[: row.visitors]:
            registration = do_register_visitor(
                event, name=name, email=email, organisation=organisation
            )
            if email != VISITORS[row.visitors - 1][1] or row.days_from_now < 0:
                do_confirm_registration(registration)
        if row.days_from_now < 0:
            registrations = list(event.registrations.confirmed())
            if len(registrations) > 2:
                do_cancel_registration(None, registrations[-1])
            event = do_update_event(
                coordinator.user,
                event,
                organisers=organisers,
                programme=_programme(row),
                **_fields(row, row.days_from_now),
            )
            do_record_attendance(
                coordinator.user,
                event,
                {r.pk: n % 5 != 3 for n, r in enumerate(event.registrations.confirmed())},
            )
            if row.report:
                do_publish_event_report(
                    coordinator.user,
                    event,
                    summary="Zestig professionals en ouders hoorden hoe jongeren nieuws vinden, "
                    "en wat ze van volwassenen nodig hebben.",
                    body=row.report,
                )
        events.append(event)
    return events
