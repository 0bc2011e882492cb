"""Mail about the covenant and commitments, in Dutch like the other mail about partners."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.models import CovenantVersion
from weerbaar.partners.models import Partner


def _send(template: str, context: dict[str, object], recipients: list[str]) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"covenant/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"covenant/mail/{template}.txt", context)
    # One mail per person: partner admins of different organisations do not see each other.
    for recipient in recipients:
        EmailMessage(subject, body, to=[recipient]).send()


def get_partner_admin_emails(coalition: Coalition, partner: Partner | None = None) -> list[str]:
    """Active partner admins linked to a partner (``partner`` or any) of the coalition."""
    memberships = for_coalition(Membership.objects.all(), coalition).filter(
        role=Role.PARTNER_ADMIN, user__is_active=True, organisation__isnull=False
    )
    if partner is not None:
        memberships = memberships.filter(organisation=partner)
    return sorted(set(memberships.values_list("user__email", flat=True)))


def notify_partner_admins_to_sign(version: CovenantVersion) -> None:
    """Ask every partner admin of the coalition to sign the newly published version."""
    coalition = version.coalition
    url = str(settings.SITE_URL) + reverse("covenant:sign", kwargs={"slug": coalition.slug})
    _send(
        "sign_request",
        {"version": version, "coalition": coalition, "url": url},
        get_partner_admin_emails(coalition),
    )


def notify_open_commitments(partner: Partner, year: int) -> None:
    coalition = partner.coalition
    url = str(settings.SITE_URL) + reverse(
        "covenant:partner_commitments", kwargs={"slug": coalition.slug, "partner_id": partner.pk}
    )
    _send(
        "open_commitments",
        {"partner": partner, "coalition": coalition, "year": year, "url": url},
        get_partner_admin_emails(coalition, partner),
    )
