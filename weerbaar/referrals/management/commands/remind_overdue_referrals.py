from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.referrals.actions import do_remind_overdue_referrals


class Command(BaseCommand):
    help = (
        "Remind receiving partners of referrals past their answer deadline "
        "(once a day per referral). "
        "The hourly job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_remind_overdue_referrals()
        self.stdout.write(f"{count} referral(s) reminded.")
