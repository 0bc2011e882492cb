"""The personas every test can use, set up once per test class through the real actions.

Anna (coordinator), Bram (partner admin), Cees (member) and Femke (analyst) belong to
Voorbeeldstad; Dirk is a member of another coalition (Zeeuwse Kust); Pieter is platform admin.
Anna, Femke and Pieter have a confirmed authenticator; ``log_in`` also passes two-step
verification for them unless told not to.
"""

from __future__ import annotations

from typing import Any

from django.test import Client, TestCase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.actions import do_accept_invitation, do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import User
from weerbaar.coalitions.models import Area, Coalition, Principle

PASSWORD = "correct horse battery staple"


def create_coalition(slug: str, name: str, **fields: Any) -> Coalition:
    coalition = Coalition.objects.create(
        slug=slug, name=name, region=fields.pop("region", name), **fields
    )
    Principle.objects.create(coalition=coalition, position=0, text=f"Samen sterk in {name}")
    Area.objects.create(coalition=coalition, name="Binnenstad")
    return coalition


def create_member(
    coalition: Coalition | None, email: str, full_name: str, role: Role | None = None, **fields: Any
) -> User:
    user = User.objects.create_user(email, PASSWORD, full_name=full_name, **fields)
    if coalition is not None and role is not None:
        invitation, _token = do_invite_member(None, coalition, email, role)
        do_accept_invitation(invitation, user=user)
    if user.needs_mfa():
        TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    return user


class PersonasTestCase(TestCase):
    coalition: Coalition
    other_coalition: Coalition
    anna: User
    bram: User
    cees: User
    femke: User
    dirk: User
    pieter: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.coalition = create_coalition("voorbeeldstad", "Online Coalitie Voorbeeldstad")
        cls.other_coalition = create_coalition("zeeuwse-kust", "Online Coalitie Zeeuwse Kust")
        cls.anna = create_member(cls.coalition, "anna@example.org", "Anna de Wit", Role.COORDINATOR)
        cls.bram = create_member(
            cls.coalition, "bram@example.org", "Bram Jansen", Role.PARTNER_ADMIN
        )
        cls.cees = create_member(cls.coalition, "cees@example.org", "Cees Bakker", Role.MEMBER)
        cls.femke = create_member(cls.coalition, "femke@example.org", "Femke Visser", Role.ANALYST)
        cls.dirk = create_member(
            cls.other_coalition, "dirk@example.org", "Dirk Verhoeven", Role.MEMBER
        )
        cls.pieter = create_member(
            None, "pieter@example.org", "Pieter Smit", is_platform_admin=True
        )

    def log_in(self, user: User, *, verified: bool = True, client: Client | None = None) -> Client:
        """Log ``user`` in on ``client`` (default ``self.client``), passing MFA if they have it."""
        client = client or self.client
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if verified and device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client
