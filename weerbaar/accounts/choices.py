from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role within one coalition (DESIGN.md §2)."""

    MEMBER = "member", _("Member")
    PARTNER_ADMIN = "partner_admin", _("Partner admin")
    ANALYST = "analyst", _("Analyst")
    COORDINATOR = "coordinator", _("Coordinator")


# Roles whose holders must pass two-step verification before they reach anything.
ROLES_REQUIRING_MFA = frozenset({Role.ANALYST, Role.COORDINATOR})


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
