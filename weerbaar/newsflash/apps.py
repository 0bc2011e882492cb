from __future__ import annotations

from django.apps import AppConfig


class NewsflashConfig(AppConfig):
    name = "weerbaar.newsflash"
