from __future__ import annotations

from django.apps import AppConfig


class CoalitionsConfig(AppConfig):
    name = "weerbaar.coalitions"
