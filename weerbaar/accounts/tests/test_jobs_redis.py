"""The invitation expiry job, end to end: Tasks API → Redis → a real ``run_huey`` worker.

Run by ``.ci/run`` with ``REDIS_URL=redis://127.0.0.1:6379/15``, ``WEERBAAR_TEST_REAL_QUEUE=1``
and a PostgreSQL ``DATABASE_URL``, so that the worker (a separate process) sees the rows this
test commits to the test database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus

from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import InvitationStatus, Role
from weerbaar.accounts.models import Invitation
from weerbaar.accounts.tasks import expire_invitations
from weerbaar.lib.testing import create_coalition

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

REDIS_TEST_DB = 15
WAIT_SECONDS = 30
MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"
# One thread, no periodic jobs (the hourly expiry could race this test), quick queue polling.
WORKER_OPTIONS = ("--workers=1", "--no-periodic", "--delay=0.1", "--max-delay=0.5")


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a developer's machine; in CI a missing service must not pass as a skip."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def get_worker_database_url() -> str:
    """A DATABASE_URL for the test database, or skip when another process cannot reach it."""
    database = connection.settings_dict
    name = str(database["NAME"])
    if connection.vendor == "postgresql":
        user = database["USER"] or "postgres"
        host = database["HOST"] or "127.0.0.1"
        port = database["PORT"] or 5432
        password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
        return f"postgres://{user}{password}@{host}:{port}/{name}"
    if connection.vendor == "sqlite" and Path(name).is_file():
        return f"sqlite:///{Path(name).resolve()}"
    skip_or_fail("The worker needs a test database another process can open (use PostgreSQL).")


@pytest.fixture
def redis_queue() -> Iterator[str]:
    """The Redis URL of the job queue, emptied before and after the test."""
    url = str(settings.REDIS_URL)
    if not url:
        skip_or_fail("REDIS_URL is not set; .ci/run sets it to redis://127.0.0.1:6379/15.")
    if settings.HUEY["immediate"]:
        skip_or_fail("huey runs jobs immediately; set WEERBAAR_TEST_REAL_QUEUE=1.")
    if urlsplit(url).path.strip("/") != str(REDIS_TEST_DB):
        skip_or_fail(f"REDIS_URL must use the dedicated database {REDIS_TEST_DB}: it is flushed.")
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def worker(redis_queue: str) -> Iterator[None]:
    """``manage.py run_huey`` in its own process, on the same queue and the test database."""
    env = {
        **os.environ,
        "REDIS_URL": redis_queue,
        "DATABASE_URL": get_worker_database_url(),
        "DJANGO_SETTINGS_MODULE": "weerbaar.settings",
    }
    command = [
        sys.executable,
        str(MANAGE_PY),
        "run_huey",
        "--workers",
        "1",
        "--no-periodic",
        "--delay",
        "0.1",
        "--max-delay",
        "0.5",
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace"))


def wait_for(result: TaskResult[int]) -> TaskResult[int]:
    deadline = time.monotonic() + WAIT_SECONDS
    while result.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
        if time.monotonic() > deadline:
            pytest.fail(f"The worker did not finish task {result.id} within {WAIT_SECONDS} s.")
        time.sleep(0.2)
        result.refresh()
    return result


def test_a_real_worker_expires_overdue_invitations_once(worker: None) -> None:
    coalition = create_coalition("voorbeeldstad", "Online Coalitie Voorbeeldstad")
    invitation, _token = do_invite_member(None, coalition, "nieuw@example.org", Role.MEMBER)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )

    result = wait_for(expire_invitations.enqueue())

    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value == 1
    assert expire_invitations.get_result(result.id).return_value == 1
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.EXPIRED

    again = wait_for(expire_invitations.enqueue())

    assert again.status == TaskResultStatus.SUCCESSFUL, again.errors
    assert again.return_value == 0
