"""Background jobs of the trend monitor: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.trends.actions import do_delete_expired_items, do_fetch_active_feeds
from weerbaar.trends.early_warning import do_evaluate_alert_rules
from weerbaar.trends.reports import do_create_monthly_reports
from weerbaar.trends.rollups import do_roll_up_pending


@task()
def fetch_feeds() -> int:
    """Fetch every active feed (also: ``manage.py fetch_trend_feeds``); returns new items."""
    return sum(result.new for result in do_fetch_active_feeds())


@task()
def roll_up_pending() -> int:
    """Count new items into the rollups (also: ``manage.py roll_up_trends``)."""
    return do_roll_up_pending()


@task()
def evaluate_alert_rules() -> int:
    """Evaluate the early-warning rules (also: ``manage.py evaluate_trend_alerts``)."""
    return len(do_evaluate_alert_rules())


# Feeds hourly at minute 23; rollups follow at 33 so new items are counted within the hour;
# rules at 43, on the fresh rollups.
@db_periodic_task(crontab(minute="23"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_fetch_feeds() -> None:
    fetch_feeds.enqueue()


@db_periodic_task(crontab(minute="33"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_roll_up_pending() -> None:
    roll_up_pending.enqueue()


@db_periodic_task(crontab(minute="43"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_evaluate_alert_rules() -> None:
    evaluate_alert_rules.enqueue()


@task()
def create_monthly_reports() -> int:
    """Draft last month's trend report (also: ``manage.py create_trend_reports``)."""
    return do_create_monthly_reports()


# On the first of the month at 06:05, for the month before.
@db_periodic_task(crontab(day="1", hour="6", minute="5"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_create_monthly_reports() -> None:
    create_monthly_reports.enqueue()


@task()
def delete_expired_items() -> int:
    """Apply each source's retention (also: ``manage.py delete_expired_trend_items``)."""
    return do_delete_expired_items()


# Nightly at 03:17, after the rollups of the last hour counted everything.
@db_periodic_task(crontab(hour="3", minute="17"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_delete_expired_items() -> None:
    delete_expired_items.enqueue()
