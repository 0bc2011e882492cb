from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.dev.demo import DEMO_LOGINS


class Command(BaseCommand):
    help = "Print the current two-step code of a demo login (development only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", nargs="?", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Not available in production.")
        demo_emails = {login.email for login in DEMO_LOGINS}
        email = options["email"]
        if email not in demo_emails:
            raise CommandError(
                "Give the e-mail address of a demo login, one of: " + ", ".join(sorted(demo_emails))
            )
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        if device is None:
            raise CommandError(f"{email} has no two-step verification set up.")
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
