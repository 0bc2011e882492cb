from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from weerbaar.covenant.actions import do_remind_open_commitments


class Command(BaseCommand):
    help = (
        "Mail the partner admins of partners with open pledges of a year (default: this year); "
        "each partner once per year. The December job does the same."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_remind_open_commitments(options["year"])
        self.stdout.write(f"{count} partner(s) reminded.")
