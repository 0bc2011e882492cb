"""Background jobs of the newsflash: thin wrappers around actions."""

from __future__ import annotations

from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@task()
def deliver_newsflash(newsflash_id: int) -> int:
    """Send the waiting mails of one issue (safe to run twice or in parallel)."""
    from weerbaar.newsflash.actions import do_deliver_newsflash

    return do_deliver_newsflash(newsflash_id)


@task()
def resume_newsflashes() -> int:
    """Pick up issues a crashed worker left half sent (also: ``manage.py resume_newsflashes``)."""
    from weerbaar.newsflash.actions import do_resume_newsflashes

    return do_resume_newsflashes()


# Every five minutes: a worker that died mid-issue delays the rest by at most that long.
@db_periodic_task(crontab(minute="*/5"))  # type: ignore[untyped-decorator]  # huey is untyped
def schedule_resume_newsflashes() -> None:
    resume_newsflashes.enqueue()
