from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest

from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.client_address import get_client_ip

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


def do_record_audit_entry(
    action: AuditAction,
    *,
    actor: User | None,
    request: HttpRequest | None = None,
    coalition: Coalition | None = None,
    target: models.Model | None = None,
    result: AuditResult = AuditResult.SUCCESS,
    actor_label: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the audit log.

    Written inside the caller's transaction rather than after commit: a change and the record
    of it then land together or not at all, so no change can go unaudited.
    """
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or (actor.email if actor is not None else ""),
        coalition=coalition,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        object_label=str(target)[:254] if target is not None else "",
        result=result,
        ip_address=get_client_ip(request) if request is not None else None,
        detail=detail or {},
    )
