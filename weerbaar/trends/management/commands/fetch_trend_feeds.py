from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.trends.actions import do_fetch_active_feeds


class Command(BaseCommand):
    help = "Fetch every active trend monitor feed once; the hourly job does the same."

    def handle(self, *args: Any, **options: Any) -> None:
        for result in do_fetch_active_feeds():
            state = result.error or "ok"
            self.stdout.write(f"source {result.source_id}: {result.new} new ({state})")
