from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.coalitions.models import Coalition
from weerbaar.trends.rollups import do_rebuild_rollups


class Command(BaseCommand):
    help = "Throw the trend rollups away and count every stored row again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--coalition", help="slug of one coalition (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        coalition = None
        if options["coalition"]:
            coalition = Coalition.objects.filter(slug=options["coalition"]).first()
            if coalition is None:
                raise CommandError("No coalition with that slug.")
        self.stdout.write(f"{do_rebuild_rollups(coalition)} cell(s) written.")
