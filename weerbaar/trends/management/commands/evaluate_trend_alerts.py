from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.trends.early_warning import do_evaluate_alert_rules


class Command(BaseCommand):
    help = "Evaluate the early-warning rules for last week and this week; the hourly job does too."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{len(do_evaluate_alert_rules())} new alert(s).")
