"""Background jobs of the covenant app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.covenant.actions import do_remind_open_commitments


@task()
def remind_open_commitments() -> int:
    """Mail partner admins about open pledges of this year, once per partner and year
    (also: ``manage.py remind_open_commitments``)."""
    return do_remind_open_commitments()


# Daily in December at 09:15: the reminder row keeps it to one mail per partner and year, and
# a partner that pledges late in December is still reminded.
@db_periodic_task(crontab(month="12", hour="9", minute="15"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_remind_open_commitments() -> None:
    remind_open_commitments.enqueue()
