from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.newsflash.actions import do_resume_newsflashes


class Command(BaseCommand):
    help = "Continue sending newsflashes a stopped worker left half sent (runs every 5 minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = do_resume_newsflashes()
        self.stdout.write(f"Started {started} newsflash job(s).")
