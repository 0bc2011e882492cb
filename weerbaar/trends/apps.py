from __future__ import annotations

from django.apps import AppConfig


class TrendsConfig(AppConfig):
    name = "weerbaar.trends"
