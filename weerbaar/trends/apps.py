from __future__ import annotations

from django.apps import AppConfig


class TrendsConfig(AppConfig):
    name = "weerbaar.trends"

    def ready(self) -> None:
        from weerbaar.trends.updates import register_updates

        register_updates()
