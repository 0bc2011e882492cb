from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.accounts.actions import do_expire_invitations


class Command(BaseCommand):
    help = "Close pending invitations whose date has passed (the hourly job does the same)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_expire_invitations()
        self.stdout.write(f"{count} invitation(s) expired.")
