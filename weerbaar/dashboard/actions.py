"""An export is a read of coalition data in bulk: it goes into the audit log like a change."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from weerbaar.accounts.models import User
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition


@transaction.atomic
def do_record_export(
    actor: User, coalition: Coalition, export: str, rows: int, request: HttpRequest | None = None
) -> None:
    """Record that ``actor`` downloaded ``export`` (partners, signatures, …) with ``rows`` rows."""
    do_record_audit_entry(
        AuditAction.DATA_EXPORTED,
        actor=actor,
        request=request,
        coalition=coalition,
        detail={"export": export, "rows": rows},
    )
