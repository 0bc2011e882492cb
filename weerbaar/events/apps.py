from __future__ import annotations

from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "weerbaar.events"

    def ready(self) -> None:
        from weerbaar.events.updates import register_updates

        register_updates()
