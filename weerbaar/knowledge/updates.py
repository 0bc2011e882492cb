"""Knowledge's news for the member home and the weekly digest (``weerbaar.updates``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.updates.registry import Update, UpdateSource, register

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


def collect_new_items(
    coalition: Coalition, user: User, since: datetime.datetime, limit: int
) -> list[Update]:
    """Items added after ``since`` that a member of ``coalition`` may read, not by ``user``."""
    rows = (
        KnowledgeItem.objects.visible_in(coalition, user)
        .filter(created_at__gt=since)
        .exclude(created_by=user)
        .order_by("-created_at")[:limit]
    )
    return [
        Update(
            title=row.title,
            path=reverse("knowledge:item", args=[coalition.slug, row.pk]),
            at=row.created_at,
            kind=str(row.get_kind_display()),
            from_coalition=row.coalition.name if row.coalition_id != coalition.pk else "",
        )
        for row in rows
    ]


def register_updates() -> None:
    register(UpdateSource("knowledge", _("Knowledge"), collect_new_items))
