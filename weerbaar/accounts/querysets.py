from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from weerbaar.accounts.choices import InvitationStatus

if TYPE_CHECKING:
    from weerbaar.accounts.models import Invitation, Membership, User  # noqa: F401


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_user(self, user: User) -> MembershipQuerySet:
        return self.filter(user=user).select_related("coalition")


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> InvitationQuerySet:
        return self.filter(status=InvitationStatus.PENDING)

    def overdue(self) -> InvitationQuerySet:
        """Pending invitations whose date has passed; the expiry job closes them."""
        return self.pending().filter(expires_at__lte=timezone.now())
