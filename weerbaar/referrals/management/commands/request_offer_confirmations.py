from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.referrals.actions import do_request_offer_confirmations


class Command(BaseCommand):
    help = (
        "Ask partner admins to re-confirm help offers nobody confirmed for six months "
        "(once per offer per 30 days). "
        "The daily job does the same."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_request_offer_confirmations()
        self.stdout.write(f"{count} offer(s) asked about.")
