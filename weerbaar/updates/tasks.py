"""Background jobs of the updates app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.updates.actions import do_send_weekly_digests


@task()
def send_weekly_digests() -> int:
    """Mail the weekly digest to everyone who opted in (also: ``manage.py
    send_weekly_digest``)."""
    return do_send_weekly_digests()


# Mondays at 07:30, before the working week starts.
@db_periodic_task(crontab(day_of_week="1", hour="7", minute="30"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_send_weekly_digests() -> None:
    send_weekly_digests.enqueue()
