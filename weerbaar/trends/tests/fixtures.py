"""Trend monitor rows for tests, made through the actions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Coalition
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.actions import do_report_signal
from weerbaar.signals.models import Signal
from weerbaar.trends.actions import do_commit_import, do_create_source
from weerbaar.trends.choices import AlertMethod, LegalBasis, SourceKind, SourceStatus
from weerbaar.trends.imports import FigureRow
from weerbaar.trends.models import Alert, AlertRule, Source, TrendReport, WatchList
from weerbaar.trends.periods import week_start
from weerbaar.trends.reports import do_create_trend_report
from weerbaar.trends.rollups import do_roll_up_pending

REGISTER = {
    "purpose": "Landelijke cijfers over online oplichting naast onze signalen leggen.",
    "legal_basis": LegalBasis.PUBLIC_TASK,
    "dpia_reference": "DPIA-2026-07",
    "retention_days": 730,
    "owner": "Gemeente, team Veiligheid",
}


@dataclass
class TrendObjects:
    source: Source
    watch_list: WatchList
    rule: AlertRule
    alert: Alert
    report: TrendReport


def make_source(
    coalition: Coalition, kind: str = SourceKind.AGGREGATE_IMPORT, **fields: object
) -> Source:
    """A complete, active source of ``kind``."""
    values: dict[str, Any] = {"name": "Cijfers onderzoeksbureau", **REGISTER, **fields}
    source = do_create_source(None, coalition, kind, **values)
    source.status = SourceStatus.ACTIVE
    source.save(update_fields=["status"])
    return source


def make_trend_objects(coalition: Coalition) -> TrendObjects:
    source = make_source(coalition)
    watch_list = WatchList.objects.create(coalition=coalition, name="Nepwinkels", terms="nepwinkel")
    rule = AlertRule.objects.create(
        coalition=coalition,
        name="Oplichting stijgt",
        theme="scams",
        method=AlertMethod.ZSCORE,
        threshold=3,
        min_count=5,
    )
    alert = Alert.objects.create(
        coalition=coalition,
        rule=rule,
        week_start=datetime.date(2026, 3, 2),
        explanation={
            "method": "zscore",
            "current": 60,
            "baseline_mean": 20.0,
            "baseline_sd": 2.0,
            "threshold": 3.0,
            "min_count": 5,
            "z": 8.9,
            "p": None,
            "week": "2026-W10",
            "baseline_weeks": ["2026-W02", "2026-W09"],
            "series": [20, 22, 18, 20, 20, 21, 19, 20],
        },
    )
    report = do_create_trend_report(
        None, coalition, datetime.date(2026, 2, 1), datetime.date(2026, 2, 28)
    )
    report.status = "published"
    report.save(update_fields=["status"])
    return TrendObjects(source, watch_list, rule, alert, report)


class EnglishPersonasTestCase(PersonasTestCase):
    """Personas whose pages come in English, so assertions read like the msgids."""

    def setUp(self) -> None:
        super().setUp()
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def seed_weeks(
    actor: User,
    source: Source,
    counts: list[int],
    *,
    end: datetime.date,
    theme: str = "scams",
    platform: str = "instagram",
    area: str = "",
) -> None:
    """Import one weekly count per entry of ``counts``, the last in the week of ``end``."""
    monday = week_start(end)
    rows = [
        FigureRow(
            (monday - datetime.timedelta(weeks=len(counts) - 1 - i)).isoformat(),
            theme,
            platform,
            area,
            "",
            n,
        )
        for i, n in enumerate(counts)
    ]
    do_commit_import(actor, source, rows, "seed.csv")
    do_roll_up_pending()


def report_signal(actor: User, coalition: Coalition, text: str, **fields: Any) -> Signal:
    values: dict[str, Any] = {
        "platforms": ["instagram"],
        "space": "open",
        "age_group": "12_15",
        "area": None,
        "first_seen": None,
        "urgency": "concern",
        **fields,
    }
    return do_report_signal(actor, coalition, text=text, **values)
