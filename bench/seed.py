"""Seed a large installation into the bench database, fast, and only once.

``python -m bench.seed`` (run by ``bench/run.py`` with ``DJANGO_SETTINGS_MODULE=bench.settings``)
creates 50 coalitions with principles, areas and open invitations, and 5,000 people with
about 6,000 memberships spread over them. Rows go in with ``bulk_create``; every seeded
person shares one password hash made once with ``make_password``, so seeding costs one
PBKDF2 run instead of 5,000. One of them is the known member whose login the harness uses.

A second run finds the known member and changes nothing. The last line on stdout is JSON
naming the pages and login to measure.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from typing import TypedDict

COALITIONS = 50
USERS = 5_000
PRINCIPLES_PER_COALITION = 6
AREAS_PER_COALITION = 6
INVITATIONS_PER_COALITION = 3
EMAIL_DOMAIN = "bench.example"
MEMBER_EMAIL = f"lid@{EMAIL_DOMAIN}"
MEMBER_PASSWORD = "Bench-lid-wachtwoord-2026"  # noqa: S105  # fictional, bench database only
MEASURED_SLUG = "plaats-01"

_FIRST_NAMES = ["Anna", "Bram", "Cees", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Iris", "Joost"]
_LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]
_AMBITION = (
    "Wij werken aan een (online) samenleving die veilig, gezond, inclusief en weerbaar is. "
    "Samen staan we sterker: met een gezamenlijke aanpak die blijvend impact maakt.\n"
    "We richten ons op preventie, bewustwording, signalering en digitale weerbaarheid, en we "
    "benaderen jongeren vanuit oprechte interesse, niet vanuit onwetendheid of angst."
)


class Target(TypedDict):
    slug: str
    member_email: str
    member_password: str
    seeded: bool
    coalitions: int
    users: int
    memberships: int


def _slug(number: int) -> str:
    return f"plaats-{number:02d}"


def is_seeded() -> bool:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition

    return (
        Coalition.objects.filter(slug=MEASURED_SLUG).exists()
        and User.objects.filter(email=MEMBER_EMAIL).exists()
    )


def seed() -> None:
    """Create the installation in one transaction (all or nothing)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from weerbaar.accounts.choices import ROLES_REQUIRING_MFA, InvitationStatus, Role
    from weerbaar.accounts.models import Invitation, Membership, User, hash_invitation_token
    from weerbaar.coalitions.choices import FocusArea, Theme
    from weerbaar.coalitions.looks import DEFAULT_LOOK
    from weerbaar.coalitions.models import Area, Coalition, Principle

    focus_areas = list(FocusArea.values)
    themes = list(Theme.values)
    with transaction.atomic():
        Coalition.objects.bulk_create(
            Coalition(
                slug=_slug(n),
                name=f"Online Coalitie Plaats {n:02d}",
                region=f"Gemeente Plaats {n:02d}",
                ambition=_AMBITION,
                focus_areas=focus_areas[: 1 + n % len(focus_areas)],
                themes=themes[: 1 + n % len(themes)],
                look=DEFAULT_LOOK,
                is_public=n % 10 != 0,  # a few unlisted ones, as in real life
            )
            for n in range(1, COALITIONS + 1)
        )
        coalitions = list(Coalition.objects.filter(slug__startswith="plaats-").order_by("slug"))
        Principle.objects.bulk_create(
            Principle(coalition=c, position=p, text=f"Uitgangspunt {p + 1} van {c.name}.")
            for c in coalitions
            for p in range(PRINCIPLES_PER_COALITION)
        )
        Area.objects.bulk_create(
            Area(coalition=c, name=f"Wijk {a + 1}")
            for c in coalitions
            for a in range(AREAS_PER_COALITION)
        )

        # One PBKDF2 run for everybody: the hash is valid, the known member can log in with it.
        password_hash = make_password(MEMBER_PASSWORD)
        emails = [MEMBER_EMAIL] + [f"persoon{i:04d}@{EMAIL_DOMAIN}" for i in range(1, USERS)]
        User.objects.bulk_create(
            (
                User(
                    email=email,
                    full_name=(
                        f"{_FIRST_NAMES[i % len(_FIRST_NAMES)]} "
                        f"{_LAST_NAMES[i // len(_FIRST_NAMES) % len(_LAST_NAMES)]}"
                    ),
                    password=password_hash,
                )
                for i, email in enumerate(emails)
            ),
            batch_size=1000,
        )
        user_ids = dict(
            User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").values_list("email", "pk")
        )

        def role_for(i: int) -> Role:
            if i == 0:
                return Role.MEMBER  # the known member: no two-step verification needed
            if i < COALITIONS:
                return Role.COORDINATOR
            if i % 50 == 1:
                return Role.ANALYST
            if i % 10 == 3:
                return Role.PARTNER_ADMIN
            return Role.MEMBER

        memberships = []
        for i, email in enumerate(emails):
            home = coalitions[i % COALITIONS]
            memberships.append(
                Membership(user_id=user_ids[email], coalition=home, role=role_for(i))
            )
            if i and i % 5 == 0:  # every fifth person also takes part in a second coalition
                other = coalitions[(i + 7) % COALITIONS]
                memberships.append(Membership(user_id=user_ids[email], coalition=other))
        Membership.objects.bulk_create(memberships, batch_size=1000)
        # bulk_create bypasses the actions, so set what do_sync_mfa_requirement would.
        privileged = {m.user_id for m in memberships if m.role in ROLES_REQUIRING_MFA}
        User.objects.filter(pk__in=privileged).update(mfa_required=True)

        expires = timezone.now() + timedelta(days=14)
        Invitation.objects.bulk_create(
            Invitation(
                coalition=c,
                email=f"uitgenodigd{k}.{c.slug}@{EMAIL_DOMAIN}",
                token_hash=hash_invitation_token(f"bench-{c.slug}-{k}"),
                status=InvitationStatus.PENDING,
                expires_at=expires,
            )
            for c in coalitions
            for k in range(INVITATIONS_PER_COALITION)
        )


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from weerbaar.accounts.models import Membership, User
    from weerbaar.coalitions.models import Coalition

    seeded = not is_seeded()
    if seeded:
        seed()
    target: Target = {
        "slug": MEASURED_SLUG,
        "member_email": MEMBER_EMAIL,
        "member_password": MEMBER_PASSWORD,
        "seeded": seeded,
        "coalitions": Coalition.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
    }
    sys.stdout.write(json.dumps(target) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
