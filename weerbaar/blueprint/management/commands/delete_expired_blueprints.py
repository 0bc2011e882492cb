from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.blueprint.actions import do_delete_expired_blueprints


class Command(BaseCommand):
    help = (
        "Delete unfinished blueprint answers whose private link expired "
        "(the nightly job does the same)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = do_delete_expired_blueprints()
        self.stdout.write(f"{count} expired blueprint(s) deleted.")
