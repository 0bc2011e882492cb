"""Object-level access for signing, on top of the permission a view declares."""

from __future__ import annotations

from django.http import HttpRequest

from weerbaar.accounts.access import deny_access
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.models import Partner


def access_own_partner(request: HttpRequest, permission: str) -> Partner:
    """The partner the visitor's membership is linked to, or 403 (with an audit entry).

    A partner admin acts for exactly one organisation; one not yet linked to a partner has
    none to sign or pledge for.
    """
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    organisation_id = membership.organisation_id if membership is not None else None
    partner = (
        for_coalition(Partner.objects.all(), coalition).filter(pk=organisation_id).first()
        if organisation_id is not None
        else None
    )
    if partner is not None:
        return partner
    deny_access(request, permission)
