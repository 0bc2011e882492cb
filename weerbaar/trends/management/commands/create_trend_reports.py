from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.trends.reports import do_create_monthly_reports


class Command(BaseCommand):
    help = "Draft last month's trend report for every coalition with an active source."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_create_monthly_reports()} report(s) drafted.")
