"""Who receives an issue: members who opted in, narrowed by role and partner domain."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.accounts.models import Membership
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.newsflash.models import Newsflash, NewsflashSubscription


@dataclass(frozen=True)
class Recipient:
    user_id: int
    email: str


def get_recipients(newsflash: Newsflash) -> list[Recipient]:
    """Active members of the issue's coalition with a subscription, whose role is one of the
    issue's roles and whose organisation works in one of its domains (an empty list admits
    everyone); a person without an organisation has no domain."""
    subscribed = NewsflashSubscription.objects.filter(
        coalition=newsflash.coalition, subscribed=True
    ).values("user_id")
    memberships = (
        for_coalition(Membership.objects.all(), newsflash.coalition)
        .filter(user__is_active=True, user_id__in=subscribed)
        .select_related("user", "organisation")
        .order_by("user__email")
    )
    if newsflash.roles:
        memberships = memberships.filter(role__in=newsflash.roles)
    wanted = set(newsflash.domains)
    # Domains are a JSON list, which SQLite cannot search inside; the list is short.
    return [
        Recipient(m.user_id, m.user.email)
        for m in memberships
        if not wanted or (m.organisation is not None and wanted & set(m.organisation.domains))
    ]
