from __future__ import annotations

from django.apps import AppConfig


class BlueprintConfig(AppConfig):
    name = "weerbaar.blueprint"
