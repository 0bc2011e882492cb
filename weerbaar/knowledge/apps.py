from __future__ import annotations

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "weerbaar.knowledge"

    def ready(self) -> None:
        from weerbaar.knowledge.updates import register_updates

        register_updates()
