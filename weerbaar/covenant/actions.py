"""Every change to the covenant, signatures and commitments goes through these functions."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import User
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.balance import is_open
from weerbaar.covenant.choices import CommitmentKind, CovenantStatus
from weerbaar.covenant.models import (
    Commitment,
    CommitmentReminder,
    CovenantVersion,
    Delivery,
    Signature,
)
from weerbaar.covenant.notifications import notify_open_commitments, notify_partner_admins_to_sign
from weerbaar.covenant.workflow import CovenantError, check_draft, check_signable, check_transition
from weerbaar.lib.client_address import get_client_ip
from weerbaar.partners.models import Partner


@transaction.atomic
def do_create_covenant_draft(
    actor: User, coalition: Coalition, *, title: str, body: str, request: HttpRequest | None = None
) -> CovenantVersion:
    """Start a new version as a draft, numbered after the coalition's last version."""
    # Locking the coalition row serialises numbering between two coordinators.
    Coalition.objects.select_for_update().get(pk=coalition.pk)
    last = for_coalition(CovenantVersion.objects.all(), coalition).aggregate(n=Max("number"))["n"]
    version = CovenantVersion.objects.create(
        coalition=coalition, number=(last or 0) + 1, title=title.strip(), body=body
    )
    do_record_audit_entry(
        AuditAction.COVENANT_DRAFTED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=version,
    )
    return version


def _lock(version: CovenantVersion) -> CovenantVersion:
    return (
        CovenantVersion.objects.select_for_update().select_related("coalition").get(pk=version.pk)
    )


@transaction.atomic
def do_update_covenant_draft(
    actor: User,
    version: CovenantVersion,
    *,
    title: str,
    body: str,
    request: HttpRequest | None = None,
) -> CovenantVersion:
    """Change a draft's text; raises ``CovenantError`` once it has been published."""
    locked = _lock(version)
    check_draft(CovenantStatus(locked.status))
    locked.title = title.strip()
    locked.body = body
    locked.save(update_fields=["title", "body"])
    do_record_audit_entry(
        AuditAction.COVENANT_DRAFT_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    return locked


@transaction.atomic
def do_publish_covenant_version(
    actor: User, version: CovenantVersion, *, request: HttpRequest | None = None
) -> CovenantVersion:
    """Put a draft in force: the previous published version is superseded, and every partner
    admin is asked by mail (after commit) to sign the new one. Raises ``CovenantError`` for a
    version that is not a draft."""
    locked = _lock(version)
    check_transition(CovenantStatus(locked.status), CovenantStatus.PUBLISHED)
    previous = (
        for_coalition(CovenantVersion.objects.select_for_update(), locked.coalition)
        .published()
        .first()
    )
    if previous is not None:
        check_transition(CovenantStatus(previous.status), CovenantStatus.SUPERSEDED)
        previous.status = CovenantStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    locked.status = CovenantStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.published_by = actor
    locked.save(update_fields=["status", "published_at", "published_by"])
    do_record_audit_entry(
        AuditAction.COVENANT_PUBLISHED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"number": locked.number, "superseded": previous.number if previous else None},
    )
    transaction.on_commit(lambda: notify_partner_admins_to_sign(locked))
    return locked


def do_sign_covenant(
    actor: User | None,
    version: CovenantVersion,
    partner: Partner,
    *,
    signer_name: str,
    signer_function: str,
    confirmed: bool,
    request: HttpRequest | None = None,
) -> Signature:
    """Sign ``version`` on behalf of ``partner``; ``actor`` is the partner admin who signs
    (``None`` for a signature on paper that is recorded afterwards, as in the demo data).

    Raises ``CovenantError`` (with a message for the signer) when the confirmation is missing,
    the version is no longer the published one, or the partner already signed it — also when
    two people of the same partner sign at the same moment (the unique constraint decides).
    """
    if not confirmed:
        raise CovenantError(_("Confirm that you sign on behalf of your organisation."))
    try:
        with transaction.atomic():
            locked = _lock(version)
            if partner.coalition_id != locked.coalition_id:
                raise ValueError("A partner only signs the covenant of its own coalition.")
            check_signable(CovenantStatus(locked.status))
            if locked.signatures.filter(partner=partner).exists():
                raise CovenantError(_already_signed(partner))
            signature = Signature.objects.create(
                coalition=locked.coalition,
                version=locked,
                partner=partner,
                signed_by=actor,
                signer_name=signer_name.strip(),
                signer_function=signer_function.strip(),
                confirmed=True,
                ip_address=get_client_ip(request) if request is not None else None,
            )
            do_record_audit_entry(
                AuditAction.COVENANT_SIGNED,
                actor=actor,
                request=request,
                coalition=locked.coalition,
                target=signature,
                detail={"version": locked.number, "partner": partner.pk},
            )
    except IntegrityError as error:
        raise CovenantError(_already_signed(partner)) from error
    return signature


def _already_signed(partner: Partner) -> str:
    return _("%(name)s has already signed this version of the covenant.") % {"name": partner.name}


def check_amounts(kind: CommitmentKind, hours: Decimal | None, euros: Decimal | None) -> None:
    """Hours belong to time and euros to money, and neither is negative."""
    if (hours is not None and hours < 0) or (euros is not None and euros < 0):
        raise CovenantError(_("Hours and euros cannot be negative."))
    if kind == CommitmentKind.TIME and not hours:
        raise CovenantError(_("Say how many hours your organisation pledges."))
    if kind == CommitmentKind.MONEY and not euros:
        raise CovenantError(_("Say how many euros your organisation pledges."))


@transaction.atomic
def do_pledge_commitment(
    actor: User,
    partner: Partner,
    *,
    year: int,
    kind: CommitmentKind,
    description: str,
    hours: Decimal | None = None,
    euros: Decimal | None = None,
    request: HttpRequest | None = None,
) -> Commitment:
    """Record what ``partner`` pledges for ``year``; hours only for time, euros for money."""
    kind = CommitmentKind(kind)
    check_amounts(kind, hours, euros)
    commitment = Commitment.objects.create(
        coalition=partner.coalition,
        partner=partner,
        year=year,
        kind=kind,
        description=description.strip(),
        hours=hours if kind == CommitmentKind.TIME else None,
        euros=euros if kind == CommitmentKind.MONEY else None,
    )
    do_record_audit_entry(
        AuditAction.COMMITMENT_PLEDGED,
        actor=actor,
        request=request,
        coalition=partner.coalition,
        target=commitment,
        detail={"partner": partner.pk, "year": year, "kind": str(kind)},
    )
    return commitment


@transaction.atomic
def do_record_delivery(
    actor: User,
    commitment: Commitment,
    *,
    date: datetime.date,
    description: str,
    hours: Decimal | None = None,
    euros: Decimal | None = None,
    request: HttpRequest | None = None,
) -> Delivery:
    """Record what a partner delivered against one of its pledges."""
    if (hours is not None and hours < 0) or (euros is not None and euros < 0):
        raise CovenantError(_("Hours and euros cannot be negative."))
    delivery = Delivery.objects.create(
        coalition=commitment.coalition,
        commitment=commitment,
        date=date,
        description=description.strip(),
        hours=hours,
        euros=euros,
    )
    do_record_audit_entry(
        AuditAction.DELIVERY_RECORDED,
        actor=actor,
        request=request,
        coalition=commitment.coalition,
        target=delivery,
        detail={"commitment": commitment.pk},
    )
    return delivery


def do_remind_open_commitments(year: int | None = None) -> int:
    """Mail the partner admins of every partner with open pledges of ``year`` (default: this
    year), once per partner and year; returns how many partners were reminded."""
    year = year or timezone.localdate().year
    reminded = 0
    commitments = (
        Commitment.objects.for_year(year)
        .select_related("partner__coalition")
        .prefetch_related("deliveries")
    )
    partners = {c.partner_id: c.partner for c in commitments if is_open(c)}
    for partner in partners.values():
        with transaction.atomic():
            _reminder, created = CommitmentReminder.objects.get_or_create(
                coalition=partner.coalition, partner=partner, year=year
            )
            if not created:
                continue
            do_record_audit_entry(
                AuditAction.COMMITMENT_REMINDER_SENT,
                actor=None,
                actor_label="system",
                coalition=partner.coalition,
                target=partner,
                detail={"year": year},
            )
            transaction.on_commit(
                lambda partner=partner: notify_open_commitments(partner, year)  # type: ignore[misc]
            )
        reminded += 1
    return reminded
