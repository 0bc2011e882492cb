from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.trends.rollups import do_roll_up_pending


class Command(BaseCommand):
    help = "Count new feed items and imported figures into the rollups; the hourly job does too."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_roll_up_pending()} row(s) counted.")
