from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, models

from weerbaar.knowledge.choices import Visibility

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition
    from weerbaar.knowledge.models import KnowledgeItem  # noqa: F401


def json_list_contains(field: str, value: str) -> models.Q:
    """Rows whose JSON list ``field`` holds the choice code ``value``, in the database on
    both backends: containment on PostgreSQL, and on SQLite (which has no containment) a
    match on the quoted code in the stored JSON text — codes are plain words, so a quoted
    code cannot match inside another one."""
    if connection.vendor == "postgresql":
        return models.Q(**{f"{field}__contains": [value]})
    return models.Q(**{f"{field}__icontains": f'"{value}"'})


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
