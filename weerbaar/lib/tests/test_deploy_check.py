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


OIDC_ENV = {
    "OIDC_ENABLED": "true",
    "OIDC_RP_CLIENT_ID": "weerbaar",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.gemeente.example/jwks",
}


def test_oidc_refuses_to_start_without_its_provider_settings(tmp_path: Path) -> None:
    result = run_manage(tmp_path, "check", OIDC_ENABLED="true")

    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_ID" in result.stderr, result.stderr


def test_oidc_login_is_offered_when_switched_on(tmp_path: Path) -> None:
    # The login page is fetched inside the configured process: settings are read at start-up.
    # Development mode with DEBUG serves static names unhashed, so no collectstatic is needed.
    script = (
        "from django.test import Client;"
        "r = Client().get('/account/inloggen/', HTTP_HOST='weerbaar.example.nl');"
        "print(r.status_code, '/oidc/authenticate/' in r.content.decode())"
    )
    result = run_manage(
        tmp_path,
        "shell",
        "-c",
        script,
        WEERBAAR_ENVIRONMENT="development",
        DEBUG="true",
        **OIDC_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["200", "True"], result.stdout + result.stderr
