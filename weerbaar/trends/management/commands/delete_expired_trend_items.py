from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.trends.actions import do_delete_expired_items


class Command(BaseCommand):
    help = "Delete feed items and imported rows past their source's retention; counts stay."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_delete_expired_items()} row(s) deleted.")
