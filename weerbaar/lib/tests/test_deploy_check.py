"""A production-like configuration passes Django's deployment checklist without a warning."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# Only what a process needs to start; nothing from the developer's or CI's Weerbaar settings.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


def make_secret_key(length: int = 60) -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def run_manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    environ.update(
        WEERBAAR_ENVIRONMENT="production",
        SECRET_KEY=make_secret_key(),
        ALLOWED_HOSTS="weerbaar.example.nl",
        WEERBAAR_VAR_DIR=str(tmp_path),
    )
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path: Path) -> None:
    result = run_manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert "System check identified no issues" in output, output


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "true"}, "DEBUG"),
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_with_an_unsafe_setting(
    tmp_path: Path, env: dict[str, str], variable: str
) -> None:
    result = run_manage(tmp_path, "check", **env)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {variable} " in result.stderr, result.stderr
