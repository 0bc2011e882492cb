from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "weerbaar.accounts"

    def ready(self) -> None:
        from weerbaar.accounts import signals  # noqa: F401  (connects the login audit receivers)
