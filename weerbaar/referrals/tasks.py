"""Background jobs of the referrals app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.referrals.actions import (
    do_delete_finished_referrals,
    do_remind_overdue_referrals,
    do_request_offer_confirmations,
)


@task()
def request_offer_confirmations() -> int:
    """Ask partner admins to re-confirm offers unconfirmed for six months
    (also: ``manage.py request_offer_confirmations``)."""
    return do_request_offer_confirmations()


@task()
def remind_overdue_referrals() -> int:
    """Remind receiving partners of referrals past their deadline
    (also: ``manage.py remind_overdue_referrals``)."""
    return do_remind_overdue_referrals()


@task()
def delete_finished_referrals() -> int:
    """Delete closed referrals after ``REFERRAL_RETENTION_DAYS``
    (also: ``manage.py delete_finished_referrals``)."""
    return do_delete_finished_referrals()


# Daily at 08:20: a stale offer is asked about at most once in 30 days (the action checks).
@db_periodic_task(crontab(hour="8", minute="20"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_request_offer_confirmations() -> None:
    request_offer_confirmations.enqueue()


# Hourly at minute 17: urgent referrals have a 24-hour deadline; each is reminded once a day.
@db_periodic_task(crontab(minute="17"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_remind_overdue_referrals() -> None:
    remind_overdue_referrals.enqueue()


# Nightly at 03:40.
@db_periodic_task(crontab(hour="3", minute="40"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_delete_finished_referrals() -> None:
    delete_finished_referrals.enqueue()
