from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from weerbaar.accounts.actions import do_reset_mfa
from weerbaar.accounts.models import User


class Command(BaseCommand):
    help = (
        "Remove the authenticator of a person who lost their phone; they set up a new one "
        "at their next login. Check their identity outside Weerbaar first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["email"]).first()
        if user is None:
            raise CommandError(f"No account with e-mail address {options['email']}.")
        removed = do_reset_mfa(None, user)
        self.stdout.write(f"Removed {removed} authenticator(s) of {user.email}.")
