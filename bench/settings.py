"""Settings for the benchmark: the real settings, served production-like, plus a bare view.

``bench/run.py`` sets the environment before this module is imported; the defaults below make
``DJANGO_SETTINGS_MODULE=bench.settings`` safe on its own too: it never opens the dev database.

WEERBAAR_ENVIRONMENT stays ``development``: production mode turns on the HTTPS redirect,
HSTS and secure-only cookies, and wrk speaks plain HTTP to 127.0.0.1, so every request would
be answered with a 301 instead of the page. Everything that costs time per request is as in
production: DEBUG off, templates cached, hashed static files from whitenoise's manifest
(collected into the bench var dir), the same middleware and the same gunicorn setup.
"""

from __future__ import annotations

import os
from pathlib import Path

BENCH_VAR_DIR = Path(__file__).resolve().parent.parent / "var" / "bench"
os.environ.setdefault("WEERBAAR_VAR_DIR", str(BENCH_VAR_DIR))
os.environ.setdefault("WEERBAAR_ENVIRONMENT", "development")

from weerbaar.settings import *  # noqa: E402, F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
