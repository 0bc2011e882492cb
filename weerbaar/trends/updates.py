"""The trend monitor's news for the member home and the weekly digest (``weerbaar.updates``):
early warnings that fired since the last visit, for analysts only."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.trends.choices import AlertStatus
from weerbaar.trends.models import Alert
from weerbaar.updates.registry import Update, UpdateSource, register

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


def collect_new_alerts(
    coalition: Coalition, user: User, since: datetime.datetime, limit: int
) -> list[Update]:
    """Open early warnings of ``coalition`` since ``since``, if ``user`` may read alerts."""
    role = Membership.objects.filter(user=user, coalition=coalition).values_list("role", flat=True)
    if not role or not role_may(Role(role[0]), Permission.ANALYSE_TRENDS):
        return []
    rows = (
        Alert.objects.filter(coalition=coalition, status=AlertStatus.OPEN, created_at__gt=since)
        .select_related("rule")
        .order_by("-created_at")[:limit]
    )
    return [
        Update(
            title=str(row.rule),
            path=reverse("trends:alert", args=[coalition.slug, row.pk]),
            at=row.created_at,
            kind=row.get_week_label(),
        )
        for row in rows
    ]


def register_updates() -> None:
    register(UpdateSource("trends", _("Early warnings"), collect_new_alerts))
