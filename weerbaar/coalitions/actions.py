from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import User
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Area, Coalition, Principle

PROFILE_FIELDS = ("name", "region", "ambition", "focus_areas", "themes", "look", "is_public")


def _replace_principles_and_areas(
    coalition: Coalition, principles: list[str], areas: list[str]
) -> None:
    coalition.principles.all().delete()
    Principle.objects.bulk_create(
        Principle(coalition=coalition, position=i, text=text) for i, text in enumerate(principles)
    )
    existing = {area.name: area for area in coalition.areas.all()}
    # Areas are kept by name, not recreated, because signals and offers will point at them.
    coalition.areas.exclude(name__in=areas).delete()
    Area.objects.bulk_create(Area(coalition=coalition, name=n) for n in areas if n not in existing)


@transaction.atomic
def do_create_coalition(
    actor: User,
    *,
    slug: str,
    principles: list[str],
    areas: list[str],
    coordinator_email: str,
    request: HttpRequest | None = None,
    **profile: Any,
) -> Coalition:
    """Create a coalition and invite its first coordinator."""
    coalition = Coalition.objects.create(
        slug=slug, **{k: v for k, v in profile.items() if k in PROFILE_FIELDS}
    )
    _replace_principles_and_areas(coalition, principles, areas)
    do_record_audit_entry(
        AuditAction.COALITION_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=coalition,
    )
    do_invite_member(actor, coalition, coordinator_email, Role.COORDINATOR, request)
    return coalition


@transaction.atomic
def do_update_coalition(
    actor: User,
    coalition: Coalition,
    *,
    principles: list[str],
    areas: list[str],
    request: HttpRequest | None = None,
    **profile: Any,
) -> None:
    changed = [k for k in PROFILE_FIELDS if k in profile and getattr(coalition, k) != profile[k]]
    for key in changed:
        setattr(coalition, key, profile[key])
    coalition.save(update_fields=changed or None)
    _replace_principles_and_areas(coalition, principles, areas)
    do_record_audit_entry(
        AuditAction.COALITION_UPDATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=coalition,
        detail={"fields": changed},
    )
