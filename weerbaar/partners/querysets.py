from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Case, IntegerField, Value, When

from weerbaar.partners.choices import JoinRequestStatus

if TYPE_CHECKING:
    from weerbaar.partners.models import JoinRequest, Partner  # noqa: F401


class PartnerQuerySet(models.QuerySet["Partner"]):
    def public(self) -> PartnerQuerySet:
        return self.filter(is_public=True)


class JoinRequestQuerySet(models.QuerySet["JoinRequest"]):
    def pending(self) -> JoinRequestQuerySet:
        return self.filter(status=JoinRequestStatus.PENDING)

    def pending_first(self) -> JoinRequestQuerySet:
        """Pending requests on top, then the handled ones; newest first within each."""
        return self.annotate(
            handled=Case(
                When(status=JoinRequestStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("handled", "-created_at", "-pk")
