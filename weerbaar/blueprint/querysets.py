from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models

from weerbaar.blueprint.choices import RequestStatus, TaskStatus

if TYPE_CHECKING:
    from weerbaar.blueprint.models import BlueprintRequest, PlanTask  # noqa: F401


class BlueprintRequestQuerySet(models.QuerySet["BlueprintRequest"]):
    def submitted(self) -> BlueprintRequestQuerySet:
        return self.filter(status=RequestStatus.SUBMITTED)

    def expired_drafts(self, now: datetime.datetime) -> BlueprintRequestQuerySet:
        return self.filter(status=RequestStatus.DRAFT, expires_at__lte=now)

    def handled(self) -> BlueprintRequestQuerySet:
        return self.filter(status__in=[RequestStatus.APPROVED, RequestStatus.REJECTED])


class PlanTaskQuerySet(models.QuerySet["PlanTask"]):
    def open(self) -> PlanTaskQuerySet:
        return self.exclude(status=TaskStatus.DONE)
