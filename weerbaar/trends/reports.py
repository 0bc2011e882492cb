"""Trend reports: a month (or any period) of figures from the rollups, frozen with k applied."""

from __future__ import annotations

import dataclasses
import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.trends.actions import get_k
from weerbaar.trends.choices import Period, ReportStatus
from weerbaar.trends.figures import get_dashboard
from weerbaar.trends.models import TrendReport
from weerbaar.trends.periods import month_start, week_start

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

TITLE = "Trendmonitor jeugd online — {period}"
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


class ReportError(Exception):
    pass


def previous_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    end = month_start(today) - datetime.timedelta(days=1)
    return month_start(end), end


def period_label(start: datetime.date, end: datetime.date) -> str:
    if start == month_start(start) and end.month == start.month and end.year == start.year:
        return f"{MONTHS[start.month - 1]} {start.year}"
    return f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}"


@transaction.atomic
def do_create_trend_report(
    actor: User | None,
    coalition: Coalition,
    start: datetime.date,
    end: datetime.date,
    *,
    request: HttpRequest | None = None,
) -> TrendReport:
    """Freeze the figures of ``start``…``end`` (weeks by their Monday) with cells below k hidden."""
    if end < start or end > timezone.localdate() or (end - start).days > 366:
        raise ReportError("The period must end today or earlier and last at most a year.")
    weeks = (week_start(end) - week_start(start)).days // 7 + 1
    figures = get_dashboard(coalition, end=end, period=Period.WEEK, count=weeks, k=get_k(coalition))
    try:
        with transaction.atomic():
            report = TrendReport.objects.create(
                coalition=coalition,
                title=TITLE.format(period=period_label(start, end)),
                period_start=start,
                period_end=end,
                figures=dataclasses.asdict(figures),
                created_by=actor,
            )
    except IntegrityError as error:
        raise ReportError("There is already a report for this period.") from error
    do_record_audit_entry(
        AuditAction.TREND_REPORT_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=report,
    )
    return report


@transaction.atomic
def do_update_trend_report(
    actor: User,
    report: TrendReport,
    *,
    commentary: str,
    publish: bool,
    request: HttpRequest | None = None,
) -> TrendReport:
    locked = TrendReport.objects.select_for_update().get(pk=report.pk)
    locked.commentary = commentary.strip()
    if publish and not locked.is_published():
        locked.status = ReportStatus.PUBLISHED
        locked.published_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.TREND_REPORT_SAVED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"published": locked.is_published()},
    )
    return locked


def do_create_monthly_reports(today: datetime.date | None = None) -> int:
    """A draft report of last month for every coalition with an active source."""
    from weerbaar.trends.models import Source

    start, end = previous_month(today or timezone.localdate())
    made = 0
    coalition_ids = set(Source.objects.active().values_list("coalition_id", flat=True))
    for coalition in Coalition.objects.filter(pk__in=coalition_ids):
        try:
            do_create_trend_report(None, coalition, start, end)
        except ReportError:
            continue
        made += 1
    return made
