"""Background jobs of the signals app: thin wrappers around actions. They take no text."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from weerbaar.signals.actions import do_delete_expired_signals, do_train_all_theme_models


@task()
def train_theme_models() -> int:
    """Retrain the theme model of every coalition with new confirmed themes
    (also: ``manage.py train_theme_models``)."""
    return do_train_all_theme_models()


@task()
def delete_expired_signals() -> int:
    """Delete closed signals past the retention period (also: ``manage.py
    delete_expired_signals``)."""
    return do_delete_expired_signals()


# Nightly at 02:40: analysts' corrections of the day feed the next day's suggestions.
@db_periodic_task(crontab(hour="2", minute="40"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_train_theme_models() -> None:
    train_theme_models.enqueue()


# Daily at 03:20.
@db_periodic_task(crontab(hour="3", minute="20"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_delete_expired_signals() -> None:
    delete_expired_signals.enqueue()
