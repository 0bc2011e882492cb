from __future__ import annotations

from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "weerbaar.interventions"

    def ready(self) -> None:
        from weerbaar.interventions.updates import register_updates

        register_updates()
