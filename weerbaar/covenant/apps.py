from __future__ import annotations

from django.apps import AppConfig


class CovenantConfig(AppConfig):
    name = "weerbaar.covenant"
