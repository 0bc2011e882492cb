from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.signals.actions import do_delete_expired_signals


class Command(BaseCommand):
    help = (
        "Delete closed signals and their history after SIGNAL_RETENTION_MONTHS; the deletion "
        "log keeps ids and dates only. The daily job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_delete_expired_signals()} signal(s) deleted.")
