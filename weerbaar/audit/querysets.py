from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from weerbaar.audit.models import AuditEntry  # noqa: F401


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    """Read-only by design: bulk updates and deletes are refused like single ones."""

    def update(self, **kwargs: Any) -> int:
        from weerbaar.audit.models import AppendOnlyError

        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        from weerbaar.audit.models import AppendOnlyError

        raise AppendOnlyError("Audit entries cannot be deleted.")
