from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from weerbaar.covenant.choices import CovenantStatus

if TYPE_CHECKING:
    from weerbaar.covenant.models import (  # noqa: F401
        Commitment,
        CovenantVersion,
        Signature,
    )


class CovenantVersionQuerySet(models.QuerySet["CovenantVersion"]):
    def published(self) -> CovenantVersionQuerySet:
        return self.filter(status=CovenantStatus.PUBLISHED)

    def public_history(self) -> CovenantVersionQuerySet:
        """Versions members may read: the published one and those it superseded, newest first."""
        return self.exclude(status=CovenantStatus.DRAFT).order_by("-number")


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def for_year(self, year: int) -> CommitmentQuerySet:
        return self.filter(year=year)


class SignatureQuerySet(models.QuerySet["Signature"]):
    """Bulk updates and deletes are refused like single ones: a signature is a record."""

    def update(self, **kwargs: Any) -> int:
        from weerbaar.covenant.models import ImmutableRecordError

        raise ImmutableRecordError("Signatures cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        from weerbaar.covenant.models import ImmutableRecordError

        raise ImmutableRecordError("Signatures cannot be removed.")
