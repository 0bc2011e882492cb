from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from weerbaar.knowledge.choices import Visibility

if TYPE_CHECKING:
    from weerbaar.coalitions.models import Coalition
    from weerbaar.interventions.models import Intervention  # noqa: F401


class InterventionQuerySet(models.QuerySet["Intervention"]):
    def public(self) -> InterventionQuerySet:
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_in(self, coalition: Coalition) -> InterventionQuerySet:
        """What a member of ``coalition`` may read: its own interventions and those other
        coalitions shared with every coalition (shown read-only, "from <coalition>"), like
        ``KnowledgeItemQuerySet.visible_in``."""
        return self.filter(
            models.Q(coalition=coalition) | models.Q(visibility=Visibility.SHARED)
        ).select_related("coalition", "provider")
