"""Who may see a referral: the two organisations, nobody else.

The referring side is the person who referred and the partner admins of their organisation;
the receiving side is the partner admins of the organisation whose offer it is. Coordinators
see counts only (``overview.py``).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from weerbaar.accounts.access import deny_access
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.access import access_partner_for_edit
from weerbaar.referrals.models import HelpOffer, Referral
from weerbaar.referrals.workflow import Side


def get_sides(membership: Membership | None, referral: Referral) -> set[Side]:
    if membership is None:
        return set()
    sides: set[Side] = set()
    is_admin = membership.role == Role.PARTNER_ADMIN
    if referral.referred_by_id == membership.user_id or (
        is_admin and membership.organisation_id == referral.referring_partner_id
    ):
        sides.add(Side.REFERRER)
    if is_admin and membership.organisation_id == referral.offer.partner_id:
        sides.add(Side.RECEIVER)
    return sides


def access_referral(
    request: HttpRequest, referral_id: int, permission: str
) -> tuple[Referral, set[Side]]:
    """A referral of this coalition the visitor's organisation is part of (404 for other
    coalitions' referrals, 403 with an audit entry for everyone else)."""
    coalition = request.coalition  # type: ignore[attr-defined]
    referral = get_object_or_404(
        for_coalition(Referral.objects.all(), coalition).select_related(
            "offer__partner", "referring_partner", "referred_by"
        ),
        pk=referral_id,
    )
    sides = get_sides(getattr(request, "membership", None), referral)
    if not sides:
        deny_access(request, permission, target=referral)
    return referral, sides


def access_offer_for_edit(request: HttpRequest, offer_id: int, permission: str) -> HelpOffer:
    """An offer of this coalition; a partner admin only their own organisation's."""
    coalition = request.coalition  # type: ignore[attr-defined]
    offer = get_object_or_404(
        for_coalition(HelpOffer.objects.all(), coalition).select_related("partner"), pk=offer_id
    )
    access_partner_for_edit(request, offer.partner_id, permission)
    return offer
