from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from weerbaar.knowledge.choices import Visibility

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition
    from weerbaar.knowledge.models import KnowledgeItem  # noqa: F401


class KnowledgeItemQuerySet(models.QuerySet["KnowledgeItem"]):
    def public(self) -> KnowledgeItemQuerySet:
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_in(self, coalition: Coalition, user: User | None = None) -> KnowledgeItemQuerySet:
        """What a member of ``coalition`` may read: all of its own items, and the items other
        coalitions shared with every coalition.

        This is the one place a coalition reads rows of another coalition, and only shared
        ones; callers show those read-only with "from <coalition>". ``user`` is accepted so
        that per-person rules can be added here later; the view has already checked that the
        user is a member.
        """
        return self.filter(
            models.Q(coalition=coalition) | models.Q(visibility=Visibility.SHARED)
        ).select_related("coalition", "author_organisation", "created_by")
