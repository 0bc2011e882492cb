from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.updates.actions import do_send_weekly_digests


class Command(BaseCommand):
    help = (
        "Mail the weekly digest (what is new in knowledge and interventions) to every member "
        "who opted in; the Monday job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_send_weekly_digests()
        self.stdout.write(f"{count} digest(s) sent.")
