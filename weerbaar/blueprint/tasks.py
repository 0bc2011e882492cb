"""Background jobs of the blueprint app: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.blueprint.actions import do_delete_expired_blueprints


@task()
def delete_expired_blueprints() -> int:
    """Delete unfinished wizards past their link's date (also: ``manage.py
    delete_expired_blueprints``)."""
    return do_delete_expired_blueprints()


@db_periodic_task(crontab(minute="23", hour="3"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_delete_expired_blueprints() -> None:
    """Nightly: huey's scheduler enqueues the job through the Tasks API like any other caller."""
    delete_expired_blueprints.enqueue()
