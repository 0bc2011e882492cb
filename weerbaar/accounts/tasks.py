"""Background jobs of the accounts app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.accounts.actions import do_expire_invitations


@task()
def expire_invitations() -> int:
    """Close invitations whose date has passed (also: ``manage.py expire_invitations``)."""
    return do_expire_invitations()


@db_periodic_task(crontab(minute="7"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_expire_invitations() -> None:
    """Hourly: huey's scheduler enqueues the job through the Tasks API like any other caller."""
    expire_invitations.enqueue()
