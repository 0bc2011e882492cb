"""Early warning: evaluating alert rules against the weekly rollups and watch-list counts."""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from weerbaar.trends.models import Alert, AlertRule, Rollup, WatchMatch
from weerbaar.trends.periods import week_label, week_start, weeks_back
from weerbaar.trends.stats import Method, check_anomaly

logger = logging.getLogger(__name__)


def get_rule_series(rule: AlertRule, weeks: list[datetime.date]) -> dict[datetime.date, int]:
    """The weekly count a rule watches, for each Monday in ``weeks`` (0 when none)."""
    if rule.watch_list_id is not None:
        stored = dict(
            WatchMatch.objects.filter(
                watch_list_id=rule.watch_list_id, week_start__in=weeks
            ).values_list("week_start", "count")
        )
    else:
        totals = (
            Rollup.objects.filter(coalition_id=rule.coalition_id)
            .weeks(min(weeks), max(weeks) + datetime.timedelta(days=1))
            .filtered(theme=rule.theme, area=rule.area)
            .totals_by("period_start")
        )
        stored = {key[0]: n for key, n in totals.items()}
    return {monday: stored.get(monday, 0) for monday in weeks}


def evaluate_rule(rule: AlertRule, monday: datetime.date) -> dict[str, object] | None:
    """The explanation of a firing for the week of ``monday``, or None when it stays quiet."""
    baseline_weeks = weeks_back(monday, rule.baseline_weeks)
    series = get_rule_series(rule, [*baseline_weeks, monday])
    verdict = check_anomaly(
        series[monday],
        [series[w] for w in baseline_weeks],
        method=Method(rule.method),
        threshold=rule.threshold,
        min_count=rule.min_count,
    )
    if not verdict.fired:
        return None
    return {
        **verdict.as_dict(),
        "week": week_label(monday),
        "baseline_weeks": [week_label(baseline_weeks[0]), week_label(baseline_weeks[-1])],
        "series": [series[w] for w in baseline_weeks],
    }


def do_evaluate_alert_rules(today: datetime.date | None = None) -> list[Alert]:
    """Evaluate every active rule for last week and this week; store and mail new alerts.

    Last week is included because a rise at the end of a week is only complete after it;
    an alert exists once per rule and week, so running the job again changes nothing.
    """
    from weerbaar.trends.notifications import notify_analysts_of_alert

    monday = week_start(today or timezone.localdate())
    created: list[Alert] = []
    for rule in AlertRule.objects.filter(is_active=True).select_related("coalition"):
        for week in (monday - datetime.timedelta(weeks=1), monday):
            if Alert.objects.filter(rule=rule, week_start=week).exists():
                continue
            explanation = evaluate_rule(rule, week)
            if explanation is None:
                continue
            try:
                with transaction.atomic():
                    alert = Alert.objects.create(
                        coalition=rule.coalition,
                        rule=rule,
                        week_start=week,
                        explanation=explanation,
                    )
                    transaction.on_commit(partial(notify_analysts_of_alert, alert))
            except IntegrityError:  # another run stored it first
                continue
            created.append(alert)
    return created
