"""Sending a newsflash through a real worker that is killed halfway (SIGKILL), then restarted.

Run by ``.ci/run`` like ``accounts/tests/test_jobs_redis.py`` (Redis database 15,
``WEERBAAR_TEST_REAL_QUEUE=1``, PostgreSQL): the worker is a separate ``run_huey`` process with
a slow mail backend that writes down every recipient, so the test can kill it mid-run and
count afterwards that nobody got the issue twice and nobody was forgotten.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import pytest
from django.utils import timezone

from weerbaar.accounts.choices import Role
from weerbaar.accounts.tests.test_jobs_redis import (
    MANAGE_PY,
    get_worker_database_url,
    redis_queue,  # noqa: F401  # a fixture, used by name
)
from weerbaar.lib.testing import create_coalition, create_member
from weerbaar.newsflash.actions import (
    INTERRUPTED,
    STALE_CLAIM,
    do_create_newsflash,
    do_resume_newsflashes,
    do_send_newsflash,
    do_set_subscription,
)
from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus
from weerbaar.newsflash.models import Newsflash, NewsflashDelivery

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

RECIPIENTS = 20
MAIL_DELAY = 0.25
WAIT_SECONDS = 60

Worker = Callable[[], subprocess.Popen[bytes]]


@pytest.fixture
def mail_log() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sent.txt"
        path.touch()
        yield path


@pytest.fixture
def start_worker(redis_queue: str, mail_log: Path) -> Iterator[Worker]:  # noqa: F811
    """Start ``manage.py run_huey`` processes on the test queue; all are stopped afterwards."""
    processes: list[subprocess.Popen[bytes]] = []
    logs: list[IO[bytes]] = []
    env = {
        **os.environ,
        "REDIS_URL": redis_queue,
        "DATABASE_URL": get_worker_database_url(),
        "DJANGO_SETTINGS_MODULE": "weerbaar.settings",
        "EMAIL_BACKEND": "weerbaar.newsflash.tests.mail_backends.SlowRecordingBackend",
        "NEWSFLASH_TEST_MAIL_LOG": str(mail_log),
        "NEWSFLASH_TEST_MAIL_DELAY": str(MAIL_DELAY),
    }
    command = [sys.executable, str(MANAGE_PY), "run_huey", "--workers", "1", "--no-periodic"]
    command += ["--delay", "0.1", "--max-delay", "0.5"]
    with ExitStack() as stack:

        def start() -> subprocess.Popen[bytes]:
            log = stack.enter_context(tempfile.TemporaryFile())
            logs.append(log)
            process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
            processes.append(process)
            return process

        yield start
        for process in processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for log in logs:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace"))


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Waited {WAIT_SECONDS} s for {what}.")
        time.sleep(0.05)


def count(newsflash: Newsflash, status: str) -> int:
    return NewsflashDelivery.objects.filter(newsflash=newsflash, status=status).count()


def test_a_killed_worker_neither_loses_nor_repeats_a_mail(
    start_worker: Worker, mail_log: Path
) -> None:
    coalition = create_coalition("voorbeeldstad", "Online Coalitie Voorbeeldstad")
    anna = create_member(coalition, "anna@example.org", "Anna", Role.COORDINATOR)
    for n in range(RECIPIENTS):
        reader = create_member(coalition, f"lezer{n:02}@example.org", f"Lezer {n}", Role.MEMBER)
        do_set_subscription(reader, coalition, reader, True)
    newsflash = do_create_newsflash(
        anna, coalition, title="Test", intro="Hallo", roles=[], domains=[], entries=[]
    )
    first = start_worker()

    do_send_newsflash(anna, newsflash)  # commits, then enqueues the job on Redis
    wait_until(lambda: count(newsflash, DeliveryStatus.SENT) >= 3, "the first mails")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    sent_before_restart = count(newsflash, DeliveryStatus.SENT)
    assert count(newsflash, DeliveryStatus.PENDING) > 0, "the worker finished before the kill"
    assert sent_before_restart < RECIPIENTS
    # The job died with the worker; the periodic resume (here called at once, as if its
    # next run came after the stale-claim period) marks a half-sent row and restarts the job.
    start_worker()
    do_resume_newsflashes(now=timezone.now() + STALE_CLAIM * 2)
    wait_until(
        lambda: Newsflash.objects.get(pk=newsflash.pk).status == NewsflashStatus.SENT,
        "the second worker to finish",
    )

    received = Counter(mail_log.read_text().split())
    rows = {d.email: d for d in NewsflashDelivery.objects.filter(newsflash=newsflash)}
    assert len(rows) == RECIPIENTS
    assert max(received.values()) == 1, f"someone got the newsflash twice: {received}"
    for email, row in rows.items():
        if row.status == DeliveryStatus.SENT:
            assert received[email] == 1, f"{email} is marked sent but got nothing"
        else:
            # Only a row the killed worker was sending may end here, and it says so.
            assert (row.status, row.error) == (DeliveryStatus.FAILED, INTERRUPTED), email
    failed = [row for row in rows.values() if row.status == DeliveryStatus.FAILED]
    assert len(failed) <= 1
    assert count(newsflash, DeliveryStatus.SENT) >= RECIPIENTS - 1
