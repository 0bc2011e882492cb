from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.referrals.actions import do_delete_finished_referrals


class Command(BaseCommand):
    help = (
        "Delete closed and withdrawn referrals older than REFERRAL_RETENTION_DAYS, "
        "keeping a deletion record without content. "
        "The nightly job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_delete_finished_referrals()
        self.stdout.write(f"{count} referral(s) deleted.")
