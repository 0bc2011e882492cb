"""Every change to help offers, crisis lines and referrals goes through these functions."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.models import Partner
from weerbaar.referrals import notifications
from weerbaar.referrals.choices import ReferralEventKind, ReferralStatus, SharingBasis
from weerbaar.referrals.deadlines import get_deadline, is_reminder_due
from weerbaar.referrals.models import (
    FRESHNESS_DAYS,
    CrisisLine,
    HelpOffer,
    Location,
    Referral,
    ReferralDeletion,
    ReferralEvent,
    ReferralLink,
    ServiceAtLocation,
)
from weerbaar.referrals.redaction import redact_case_text
from weerbaar.referrals.workflow import TRANSITIONS, Side, TransitionError, check_transition

if TYPE_CHECKING:
    from weerbaar.accounts.models import Membership, User

LINK_VALID_FOR = datetime.timedelta(days=14)
# Ask again at most this often when an offer stays unconfirmed.
CONFIRMATION_REQUEST_EVERY = datetime.timedelta(days=30)

OFFER_FIELDS = (
    "title",
    "description",
    "themes",
    "audiences",
    "minimum_age",
    "maximum_age",
    "area_served",
    "phone",
    "email",
    "chat_url",
    "website",
    "hours",
    "cost",
    "languages",
    "anonymous_possible",
    "urgency",
    "is_active",
)
LOCATION_FIELDS = ("location_name", "address", "postal_code", "city")


# Help offers


def _save_location(offer: HelpOffer, fields: dict[str, Any]) -> None:
    """Keep the offer's one walk-in address in step with the form (none when left empty)."""
    current = offer.service_at_locations.select_related("location").first()
    if not fields.get("address"):
        if current is not None:
            location = current.location
            current.delete()
            if not ServiceAtLocation.objects.filter(location=location).exists():
                location.delete()
        return
    location = (
        current.location
        if current is not None
        else Location(coalition=offer.coalition, partner=offer.partner)
    )
    location.name = fields.get("location_name") or offer.partner.name
    location.address = fields["address"]
    location.postal_code = fields.get("postal_code", "")
    location.city = fields.get("city", "")
    location.full_clean()
    location.save()
    if current is None:
        ServiceAtLocation.objects.create(coalition=offer.coalition, offer=offer, location=location)


@transaction.atomic
def do_save_help_offer(
    actor: User | None,
    coalition: Coalition,
    partner: Partner,
    offer: HelpOffer | None = None,
    *,
    request: HttpRequest | None = None,
    assured_on: datetime.date | None = None,
    **fields: Any,
) -> HelpOffer:
    """Create or change an offer of ``partner``; saving it also confirms it is up to date."""
    if partner.coalition_id != coalition.pk:
        raise ValueError("The partner must belong to the coalition.")
    if offer is None:
        offer = HelpOffer(coalition=coalition, partner=partner)
    else:
        offer = HelpOffer.objects.select_for_update().get(pk=offer.pk)
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    offer.partner = partner
    offer.assured_on = assured_on or timezone.localdate()
    offer.assured_by = actor
    offer.confirmation_requested_on = None
    offer.full_clean()
    offer.save()
    _save_location(offer, {name: fields.get(name, "") for name in LOCATION_FIELDS})
    do_record_audit_entry(
        AuditAction.HELP_OFFER_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=offer,
    )
    return offer


@transaction.atomic
def do_confirm_help_offer(
    actor: User, offer: HelpOffer, *, request: HttpRequest | None = None
) -> HelpOffer:
    """Record that ``actor`` checked the offer and it is still right."""
    locked = HelpOffer.objects.select_for_update().get(pk=offer.pk)
    locked.assured_on = timezone.localdate()
    locked.assured_by = actor
    locked.confirmation_requested_on = None
    locked.save(update_fields=["assured_on", "assured_by", "confirmation_requested_on"])
    do_record_audit_entry(
        AuditAction.HELP_OFFER_CONFIRMED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    return locked


def do_request_offer_confirmations(today: datetime.date | None = None) -> int:
    """Ask partner admins to re-confirm offers nobody confirmed for six months.

    Once per offer per 30 days; returns how many offers were asked about. Idempotent within a
    day, so the daily job and the command may both run.
    """
    today = today or timezone.localdate()
    asked = 0
    stale = (
        HelpOffer.objects.active()
        .stale(FRESHNESS_DAYS, today)
        .select_related("partner", "coalition")
    )
    for offer in stale:
        last = offer.confirmation_requested_on
        if last is not None and today - last < CONFIRMATION_REQUEST_EVERY:
            continue
        with transaction.atomic():
            if not notifications.notify_offer_confirmation(offer):
                continue
            HelpOffer.objects.filter(pk=offer.pk).update(confirmation_requested_on=today)
            do_record_audit_entry(
                AuditAction.HELP_OFFER_CONFIRMATION_ASKED,
                actor=None,
                actor_label="Weerbaar",
                coalition=offer.coalition,
                target=offer,
            )
            asked += 1
    return asked


# Crisis lines

NATIONAL_CRISIS_LINES: list[dict[str, Any]] = [
    {
        "name": "112",
        "phone": "112",
        "website": "https://www.112.nl",
        "when_to_call": "Bij direct levensgevaar of als er nu iets ernstigs gebeurt.",
        "hours": "Dag en nacht",
    },
    {
        "name": "113 Zelfmoordpreventie",
        "phone": "0800-0113",
        "website": "https://www.113.nl",
        "when_to_call": "Als je aan zelfmoord denkt, of je zorgen maakt om iemand die dat doet. "
        "Gratis en anoniem, ook via chat.",
        "hours": "Dag en nacht",
    },
    {
        "name": "Veilig Thuis",
        "phone": "0800-2000",
        "website": "https://www.veiligthuis.nl",
        "when_to_call": "Bij geweld, mishandeling of misbruik thuis, of als je je daar zorgen "
        "over maakt.",
        "hours": "Dag en nacht",
    },
    {
        "name": "De Kindertelefoon",
        "phone": "0800-0432",
        "website": "https://www.kindertelefoon.nl",
        "when_to_call": "Voor kinderen en jongeren tot 18 jaar die ergens over willen praten. "
        "Gratis en anoniem, ook via chat.",
        "hours": "Dag en nacht",
    },
    {
        "name": "Helpwanted",
        "phone": "",
        "website": "https://www.helpwanted.nl",
        "when_to_call": "Bij online seksueel misbruik, zoals sextortion of naaktbeelden die "
        "zonder toestemming worden gedeeld. Anoniem chatten of mailen.",
        "hours": "Chat op werkdagen",
    },
]

CRISIS_LINE_FIELDS = ("name", "phone", "website", "when_to_call", "hours", "position", "is_active")


@transaction.atomic
def do_save_crisis_line(
    actor: User | None,
    coalition: Coalition,
    line: CrisisLine | None = None,
    *,
    request: HttpRequest | None = None,
    **fields: Any,
) -> CrisisLine:
    line = line or CrisisLine(coalition=coalition)
    for name in CRISIS_LINE_FIELDS:
        if name in fields:
            setattr(line, name, fields[name])
    line.full_clean()
    line.save()
    do_record_audit_entry(
        AuditAction.CRISIS_LINE_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=line,
    )
    return line


def do_add_national_crisis_lines(actor: User | None, coalition: Coalition) -> int:
    """Add the national lines the coalition does not have yet (by name); returns how many."""
    existing = set(
        for_coalition(CrisisLine.objects.all(), coalition).values_list("name", flat=True)
    )
    added = 0
    for position, data in enumerate(NATIONAL_CRISIS_LINES):
        if data["name"] not in existing:
            do_save_crisis_line(actor, coalition, position=position, **data)
            added += 1
    return added


# Referrals


class ReferralError(Exception):
    """A referral that cannot be made or answered; the message is shown to the person."""


def _event(
    referral: Referral,
    kind: str,
    *,
    actor: User | None,
    actor_label: str = "",
    organisation: str = "",
    message: str = "",
    decline_reason: str = "",
) -> ReferralEvent:
    return ReferralEvent.objects.create(
        coalition=referral.coalition,
        referral=referral,
        kind=kind,
        actor=actor,
        actor_label=actor_label or (actor.full_name or actor.email if actor is not None else ""),
        organisation=organisation,
        message=message,
        decline_reason=decline_reason,
    )


def check_offer_takes_referrals(offer: HelpOffer) -> None:
    if not offer.is_active:
        raise ReferralError(_("This offer is no longer active; choose another one."))
    if offer.is_crisis():
        raise ReferralError(
            _("Crisis lines take no referrals: call them together with the person.")
        )
    if not notifications.get_receiving_emails(offer.partner) and not offer.email:
        raise ReferralError(
            _(
                "Nobody at %(partner)s can receive referrals yet: the offer has no e-mail "
                "address and the organisation has no partner admin."
            )
            % {"partner": offer.partner.name}
        )


def _deliver(referral: Referral, *, reminder: bool = False) -> None:
    """Tell the receiving partner: its partner admins, or a link to the offer's address."""
    if notifications.get_receiving_emails(referral.offer.partner):
        transaction.on_commit(
            lambda: notifications.notify_receiver_of_referral(referral, reminder=reminder)
        )
    elif referral.offer.email:
        do_send_referral_link(None, referral)


@dataclass(frozen=True)
class CaseDetails:
    age_group: str
    theme: str
    description: str
    urgency: str
    contact_preference: str
    sharing_basis: str
    consent_given_by: str = ""
    consent_given_on: datetime.date | None = None
    consent_purpose: str = ""
    legal_basis: str = ""


@transaction.atomic
def do_refer_case(
    actor: User,
    membership: Membership,
    offer: HelpOffer,
    case: CaseDetails,
    *,
    request: HttpRequest | None = None,
) -> Referral:
    """Hand a case to ``offer`` on behalf of the actor's organisation.

    Free text is redacted before it is stored; the raw text is not kept anywhere.
    """
    locked = HelpOffer.objects.select_for_update().select_related("partner").get(pk=offer.pk)
    check_offer_takes_referrals(locked)
    if membership.organisation is None:
        raise ReferralError(
            _("Your account is not linked to an organisation yet; ask your coordinator.")
        )
    if locked.coalition_id != membership.coalition_id:
        raise ValueError("The offer must belong to the member's coalition.")
    is_consent = case.sharing_basis == SharingBasis.CONSENT
    now = timezone.now()
    referral = Referral(
        coalition=locked.coalition,
        offer=locked,
        referring_partner=membership.organisation,
        referred_by=actor,
        age_group=case.age_group,
        theme=case.theme,
        description=redact_case_text(case.description),
        urgency=case.urgency,
        contact_preference=case.contact_preference,
        sharing_basis=case.sharing_basis,
        consent_given_by=case.consent_given_by if is_consent else "",
        consent_given_on=case.consent_given_on if is_consent else None,
        consent_purpose=redact_case_text(case.consent_purpose) if is_consent else "",
        legal_basis="" if is_consent else redact_case_text(case.legal_basis),
        deadline=get_deadline(case.urgency, now),
    )
    referral.full_clean()
    referral.save()
    _event(referral, ReferralEventKind.SENT, actor=actor, organisation=membership.organisation.name)
    do_record_audit_entry(
        AuditAction.REFERRAL_SENT,
        actor=actor,
        request=request,
        coalition=referral.coalition,
        target=referral,
        detail={"offer": locked.pk},
    )
    _deliver(referral)
    return referral


def do_record_referral_read(
    actor: User | None,
    referral: Referral,
    *,
    request: HttpRequest | None = None,
    via_link: bool = False,
) -> None:
    """Every read of a case is in the audit log, also reads through an answer link."""
    do_record_audit_entry(
        AuditAction.REFERRAL_VIEWED,
        actor=actor,
        request=request,
        coalition=referral.coalition,
        target=referral,
        actor_label="" if actor is not None else "answer link",
        detail={"via_link": via_link},
    )


_EVENT_FOR_STATUS = {
    ReferralStatus.ACCEPTED: ReferralEventKind.ACCEPTED,
    ReferralStatus.DECLINED: ReferralEventKind.DECLINED,
    ReferralStatus.INFO_REQUESTED: ReferralEventKind.INFO_REQUESTED,
    ReferralStatus.CLOSED: ReferralEventKind.CLOSED,
    ReferralStatus.WITHDRAWN: ReferralEventKind.WITHDRAWN,
}


@transaction.atomic
def do_change_referral_status(
    actor: User | None,
    referral: Referral,
    target: str,
    sides: set[Side],
    *,
    message: str = "",
    decline_reason: str = "",
    new_offer: HelpOffer | None = None,
    actor_label: str = "",
    request: HttpRequest | None = None,
) -> Referral:
    """Move a referral along the workflow (``workflow.TRANSITIONS``) and add to its history.

    Raises ``TransitionError`` (message for the person) for a step that is not allowed, such
    as accepting twice or declining without a reason.
    """
    locked = (
        Referral.objects.select_for_update()
        .select_related("offer__partner", "referring_partner")
        .get(pk=referral.pk)
    )
    previous = locked.status
    check_transition(previous, target, sides, message, decline_reason)
    clean_message = redact_case_text(message) if message.strip() else ""
    now = timezone.now()
    acting = TRANSITIONS[(previous, target)] & sides
    organisation = (
        locked.offer.partner.name if Side.RECEIVER in acting else locked.referring_partner.name
    )
    if previous == ReferralStatus.DECLINED and target == ReferralStatus.SENT:
        if new_offer is None or new_offer.coalition_id != locked.coalition_id:
            raise TransitionError(_("Choose the offer to refer the case to."))
        try:
            check_offer_takes_referrals(new_offer)
        except ReferralError as error:
            raise TransitionError(str(error)) from None
        locked.offer = new_offer
        locked.deadline = now + (locked.deadline - locked.created_at)
        kind = ReferralEventKind.REDIRECTED
        clean_message = clean_message or new_offer.title
    elif previous == ReferralStatus.INFO_REQUESTED and target == ReferralStatus.SENT:
        kind = ReferralEventKind.INFO_GIVEN
    else:
        kind = _EVENT_FOR_STATUS[ReferralStatus(target)]
    locked.status = target
    # A link is for one answer to one organisation about one state of the case: any step
    # ends the links that are still open (a new one follows when the case is sent again).
    ReferralLink.objects.filter(referral=locked, used_at__isnull=True).update(used_at=now)
    if target == ReferralStatus.ACCEPTED:
        locked.accepted_at = now
    if target in (ReferralStatus.CLOSED, ReferralStatus.WITHDRAWN):
        locked.closed_at = now
    locked.save()
    _event(
        locked,
        kind,
        actor=actor,
        actor_label=actor_label,
        organisation=organisation,
        message=clean_message,
        decline_reason=decline_reason if target == ReferralStatus.DECLINED else "",
    )
    do_record_audit_entry(
        AuditAction.REFERRAL_STATUS_CHANGED,
        actor=actor,
        actor_label=actor_label,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"from": previous, "to": target},
    )
    if target in ("accepted", "declined", "info_requested") or (
        target == ReferralStatus.CLOSED and Side.REFERRER not in sides
    ):
        transaction.on_commit(lambda: notifications.notify_referrer(locked, target))
    if target == ReferralStatus.SENT:
        _deliver(locked)
    return locked


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def do_send_referral_link(
    actor: User | None, referral: Referral, *, request: HttpRequest | None = None
) -> ReferralLink:
    """Mail a new single-use answer link (valid 14 days) to the offer's e-mail address.

    Earlier unused links of the referral stop working: there is one way in at a time.
    """
    email = referral.offer.email
    if not email:
        raise ReferralError(_("The offer has no e-mail address to send a link to."))
    now = timezone.now()
    ReferralLink.objects.filter(referral=referral, used_at__isnull=True).update(used_at=now)
    token = secrets.token_urlsafe(32)
    link = ReferralLink.objects.create(
        coalition=referral.coalition,
        referral=referral,
        token_hash=hash_token(token),
        sent_to=email,
        expires_at=now + LINK_VALID_FOR,
    )
    _event(
        referral, ReferralEventKind.LINK_SENT, actor=actor, actor_label="" if actor else "Weerbaar"
    )
    do_record_audit_entry(
        AuditAction.REFERRAL_LINK_SENT,
        actor=actor,
        actor_label="" if actor else "Weerbaar",
        request=request,
        coalition=referral.coalition,
        target=referral,
    )
    transaction.on_commit(lambda: notifications.notify_link(referral, email, token))
    return link


def get_link(coalition: Coalition, token: str) -> ReferralLink | None:
    """The link ``token`` belongs to in ``coalition``, usable or not; None when unknown."""
    return (
        ReferralLink.objects.filter(coalition=coalition, token_hash=hash_token(token))
        .select_related("referral__offer__partner", "referral__referring_partner")
        .first()
    )


@transaction.atomic
def do_answer_by_link(
    link: ReferralLink,
    target: str,
    message: str,
    *,
    decline_reason: str = "",
    request: HttpRequest | None = None,
) -> Referral:
    """The receiving partner's one answer through a link; the link is used up by it."""
    locked = ReferralLink.objects.select_for_update().get(pk=link.pk)
    if not locked.is_usable():
        raise TransitionError(_("This link has already been used or has expired."))
    # The step ends every open link, this one included.
    return do_change_referral_status(
        None,
        locked.referral,
        target,
        {Side.RECEIVER},
        message=message,
        decline_reason=decline_reason,
        actor_label=f"answer link ({locked.sent_to})",
        request=request,
    )


def do_remind_overdue_referrals(now: datetime.datetime | None = None) -> int:
    """Remind receiving partners of referrals past their deadline, at most once a day each."""
    now = now or timezone.now()
    reminded = 0
    for referral in Referral.objects.overdue(now).select_related("offer__partner", "coalition"):
        if not is_reminder_due(referral.deadline, referral.last_reminded_at, now):
            continue
        with transaction.atomic():
            Referral.objects.filter(pk=referral.pk).update(last_reminded_at=now)
            _event(referral, ReferralEventKind.REMINDED, actor=None, actor_label="Weerbaar")
            do_record_audit_entry(
                AuditAction.REFERRAL_REMINDED,
                actor=None,
                actor_label="Weerbaar",
                coalition=referral.coalition,
                target=referral,
            )
            _deliver(referral, reminder=True)
            reminded += 1
    return reminded


def do_delete_finished_referrals(now: datetime.datetime | None = None) -> int:
    """Delete closed and withdrawn referrals older than ``REFERRAL_RETENTION_DAYS``.

    What remains is a deletion row and an audit entry with the number, never the content.
    """
    now = now or timezone.now()
    moment = now - datetime.timedelta(days=settings.REFERRAL_RETENTION_DAYS)
    deleted = 0
    for referral in Referral.objects.finished_before(moment).select_related("coalition"):
        with transaction.atomic():
            ReferralDeletion.objects.create(
                coalition=referral.coalition,
                referral_number=referral.pk,
                closed_at=referral.closed_at,
            )
            do_record_audit_entry(
                AuditAction.REFERRAL_DELETED,
                actor=None,
                actor_label="Weerbaar",
                coalition=referral.coalition,
                detail={"referral": referral.pk},
            )
            referral.delete()
            deleted += 1
    return deleted
