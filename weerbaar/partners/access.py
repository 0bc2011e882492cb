"""Object-level access to partners, on top of the permission a view declares."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from weerbaar.accounts.access import deny_access
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.models import Partner


def may_edit_partner(membership: Membership | None, partner: Partner) -> bool:
    """A coordinator edits every partner; a partner admin only the one they work for."""
    return membership is not None and (
        membership.role == Role.COORDINATOR
        or (membership.role == Role.PARTNER_ADMIN and membership.organisation_id == partner.pk)
    )


def access_partner_for_edit(
    request: HttpRequest, partner_id: int, permission: str = "edit_partner"
) -> Partner:
    """The partner of the URL's coalition that the visitor may edit, or 404/403.

    A coordinator may edit every partner of the coalition; a partner admin only the partner
    their membership is linked to. Call from a view declaring ``Permission.EDIT_PARTNER`` (or
    another permission with the same rule, named in ``permission`` for the audit entry).
    """
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    partner = get_object_or_404(for_coalition(Partner.objects.all(), coalition), pk=partner_id)
    if may_edit_partner(membership, partner):
        return partner
    deny_access(request, permission, target=partner)
