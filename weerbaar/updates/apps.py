from __future__ import annotations

from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    name = "weerbaar.updates"
