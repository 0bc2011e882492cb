"""Demo trend monitor: registered sources, two years of weekly figures and one planted rise.

Everything is fictional. The research partner's import carries two years of weekly counts
per theme, platform, area and age group with a seasonal wobble; in the last two weeks online
scams ("nepwinkels") rise sharply, which the early-warning rule catches. One feed points to an
address that does not exist, so the hourly fetch shows how an unreachable feed is recorded.
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.trends.actions import (
    do_commit_import,
    do_create_source,
    do_ensure_signals_source,
    do_fetch_feed,
    do_save_alert_rule,
    do_save_watch_list,
    do_set_source_status,
    do_update_source,
)
from weerbaar.trends.choices import LegalBasis, SourceKind, SourceStatus
from weerbaar.trends.early_warning import do_evaluate_alert_rules
from weerbaar.trends.imports import FigureRow
from weerbaar.trends.periods import week_start
from weerbaar.trends.reports import do_create_trend_report, do_update_trend_report, previous_month
from weerbaar.trends.rollups import do_roll_up_pending

WEEKS = 104
SEED = 20260301

# Usual weekly count per theme in the whole coalition (before the split over cells).
THEME_LEVELS = {
    "disinformation": 60,
    "conspiracy": 25,
    "hate": 45,
    "polarisation": 30,
    "cyberbullying": 70,
    "scams": 55,
    "sextortion": 15,
    "gaming": 35,
}
PLATFORMS = [("tiktok", 0.35), ("instagram", 0.25), ("snapchat", 0.2), ("whatsapp", 0.2)]
AGE_GROUPS = [("12_15", 0.55), ("16_18", 0.45)]
PLANTED_THEME = "scams"
PLANTED_FACTOR = 2.6

NEWS = [
    "Nepwinkel met goedkope sneakers lokt jongeren via advertenties",
    "Politie waarschuwt voor nepwinkel die merkkleding verkoopt",
    "Scholieren kwijt geld aan nepwinkel met sneakers",
    "Factcheck: filmpje over schoolsluiting is nepnieuws",
    "Jongerenwerk start gesprekken over online pesten",
    "Ouders vragen om uitleg over chatten in games",
]


@dataclass
class DemoFetcher:
    """Stands in for the internet once, so the demo has feed items to show."""

    document: bytes

    def fetch(self, url: str) -> bytes:
        return self.document


def _register(purpose: str, owner: str, dpia: str, retention: int) -> dict[str, Any]:
    return {
        "purpose": purpose,
        "legal_basis": LegalBasis.PUBLIC_TASK,
        "dpia_reference": dpia,
        "retention_days": retention,
        "owner": owner,
    }


def _weekly_rows(areas: list[str], today: datetime.date) -> list[FigureRow]:
    rng = random.Random(SEED)
    last = week_start(today)
    rows: list[FigureRow] = []
    for back in range(WEEKS - 1, -1, -1):
        monday = last - datetime.timedelta(weeks=back)
        # School holidays in summer are quieter; autumn a little busier.
        season = 1.0 + 0.2 * math.sin(2 * math.pi * (monday.isocalendar()[1] - 10) / 52)
        for theme, level in THEME_LEVELS.items():
            mean = level * season
            if theme == PLANTED_THEME and back < 2:
                mean *= PLANTED_FACTOR
            for platform, p_share in PLATFORMS:
                for area in areas:
                    for age_group, a_share in AGE_GROUPS:
                        cell = mean * p_share * a_share / len(areas)
                        count = max(0, round(rng.gauss(cell, math.sqrt(cell))))
                        if count:
                            rows.append(
                                FigureRow(
                                    monday.isoformat(), theme, platform, area, age_group, count
                                )
                            )
    return rows


def _feed_document(now: datetime.datetime) -> bytes:
    items = []
    for n in range(40):
        title = NEWS[n % len(NEWS)] if n < 24 else NEWS[3 + n % 3]
        when = now - datetime.timedelta(days=n if n < 24 else 40 + n * 3)
        items.append(
            f"<item><title>{title}</title><description>{title}. Meer op de site.</description>"
            f"<link>https://nieuws.voorbeeld.invalid/{n}</link><guid>demo-{n}</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Jeugdnieuws (voorbeeld)</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def load_trends(coalition: Coalition, analyst: User, coordinator: User) -> None:
    """The sources register, two years of figures, a watch list, rules, an alert and a report."""
    today = timezone.localdate()
    signals = do_ensure_signals_source(coalition)
    signals = do_update_source(
        coordinator,
        signals,
        name="Signalen van professionals",
        **_register(
            "Zien welke online fenomenen professionals bij jongeren tegenkomen, per week.",
            "Gemeente Voorbeeldstad, programma Online Coalitie",
            "DPIA Signalering 2026-01",
            730,
        ),
    )
    signals = do_set_source_status(coordinator, signals, SourceStatus.ACTIVE)

    research = do_create_source(
        coordinator,
        coalition,
        SourceKind.AGGREGATE_IMPORT,
        name="Jeugdmonitor Onderzoeksbureau Midden (weekcijfers)",
        **_register(
            "Geaggregeerde weekcijfers uit het jongerenpanel naast de signalen leggen.",
            "Onderzoeksbureau Midden, afdeling Jeugd",
            "DPIA Jeugdmonitor 2025-04",
            1095,
        ),
    )
    research = do_set_source_status(coordinator, research, SourceStatus.ACTIVE)
    areas = list(coalition.areas.values_list("name", flat=True))
    do_commit_import(analyst, research, _weekly_rows(areas, today), "jeugdmonitor-2jaar.csv")

    news = do_create_source(
        analyst,
        coalition,
        SourceKind.FEED,
        name="Jeugdnieuws (voorbeeld)",
        url="https://nieuws.voorbeeld.invalid/rss.xml",
        **_register(
            "Openbare berichten over jongeren en online veiligheid volgen, als fenomeen.",
            "Gemeente Voorbeeldstad, analist",
            "DPIA Trendmonitor 2026-02",
            365,
        ),
    )
    news = do_set_source_status(analyst, news, SourceStatus.ACTIVE)
    do_fetch_feed(news, DemoFetcher(_feed_document(timezone.now())))

    # Registered and switched on, but its address does not exist: the fetch records the error.
    factcheck = do_create_source(
        analyst,
        coalition,
        SourceKind.FEED,
        name="Factcheckers (adres bestaat niet)",
        url="https://factcheck.voorbeeld.invalid/feed.xml",
        **_register(
            "Factchecks over nepnieuws dat onder jongeren rondgaat.",
            "Gemeente Voorbeeldstad, analist",
            "DPIA Trendmonitor 2026-02",
            365,
        ),
    )
    factcheck = do_set_source_status(analyst, factcheck, SourceStatus.ACTIVE)
    do_create_source(
        analyst,
        coalition,
        SourceKind.FEED,
        name="Nieuwsbrief bibliotheek (nog in te vullen)",
        url="https://bibliotheek.voorbeeld.invalid/rss",
    )

    watch_list = do_save_watch_list(
        analyst, coalition, None, name="Nepwinkels", terms="nepwinkel\nsneakers\nmerkkleding"
    )
    do_roll_up_pending()
    do_save_alert_rule(
        analyst,
        coalition,
        None,
        name="Online oplichting boven normaal",
        theme="scams",
        area="",
        watch_list=None,
        method="zscore",
        threshold=3.0,
        min_count=20,
        baseline_weeks=8,
        is_active=True,
    )
    do_save_alert_rule(
        analyst,
        coalition,
        None,
        name="Haat: meer dan 120 per week",
        theme="hate",
        area="",
        watch_list=None,
        method="threshold",
        threshold=120,
        min_count=20,
        baseline_weeks=8,
        is_active=True,
    )
    do_save_alert_rule(
        analyst,
        coalition,
        None,
        name="Nepwinkels in het nieuws",
        theme="",
        area="",
        watch_list=watch_list,
        method="poisson",
        threshold=0.001,
        min_count=5,
        baseline_weeks=8,
        is_active=True,
    )
    do_evaluate_alert_rules(today)

    start, end = previous_month(today)
    report = do_create_trend_report(analyst, coalition, start, end)
    do_update_trend_report(
        analyst,
        report,
        commentary=(
            "Cyberpesten blijft het vaakst gemeld, vooral via Snapchat en WhatsApp.\n\n"
            "- Oplichting via nepwinkels is het thema om in de gaten te houden.\n"
            "- Rond de herfstvakantie zien we traditioneel meer meldingen over gamen."
        ),
        publish=True,
    )
