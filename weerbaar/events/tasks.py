"""Background jobs of the events app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.events.actions import do_send_event_reminders


@task()
def send_event_reminders() -> int:
    """Mail everyone with a place at an event that starts tomorrow, once per registration
    (also: ``manage.py send_event_reminders``)."""
    return do_send_event_reminders()


# Daily at 09:05 UTC (huey runs on UTC): tomorrow's events in Dutch time. Registrations
# are marked when reminded, so a second run the same day sends nothing twice.
@db_periodic_task(crontab(hour="9", minute="5"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_send_event_reminders() -> None:
    send_event_reminders.enqueue()
