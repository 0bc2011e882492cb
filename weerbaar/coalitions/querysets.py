from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from weerbaar.coalitions.models import Coalition  # noqa: F401


class CoalitionQuerySet(models.QuerySet["Coalition"]):
    def listed(self) -> CoalitionQuerySet:
        return self.filter(is_public=True)
