from __future__ import annotations

from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "weerbaar.dev"
