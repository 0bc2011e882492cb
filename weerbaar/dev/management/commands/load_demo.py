from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from weerbaar.coalitions.models import Coalition
from weerbaar.dev.demo import DEMO_SLUG, describe_demo_logins, is_database_empty, load_demo


class Command(BaseCommand):
    help = "Load the fictional demo coalitions with one login per role, and print the logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (but print the logins) when the database has data.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo data is never loaded in production.")
        if is_database_empty():
            # The demo's own invitations are accepted on the spot; their mails would only be noise.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                load_demo()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        elif not options["if_empty"]:
            raise CommandError(
                "The database is not empty; demo data is only loaded into an empty database."
            )
        if Coalition.objects.filter(slug=DEMO_SLUG).exists():
            self.stdout.write(describe_demo_logins())
