from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.events.actions import do_send_event_reminders


class Command(BaseCommand):
    help = (
        "Mail everyone with a place at an event that starts before the end of tomorrow; each "
        "registration is reminded once. The daily job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_send_event_reminders()
        self.stdout.write(f"{count} registration(s) reminded.")
