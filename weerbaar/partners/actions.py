"""Every change to partners and join requests goes through these functions."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.actions import do_change_role, do_end_membership, do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.coalitions.models import Coalition, Principle
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.lib.client_address import get_client_ip
from weerbaar.lib.images import CleanImage
from weerbaar.partners.choices import JoinRequestEventKind, JoinRequestStatus
from weerbaar.partners.models import Embedding, JoinRequest, JoinRequestEvent, Partner
from weerbaar.partners.notifications import (
    notify_coordinators_of_join_request,
    notify_join_request_question,
    notify_join_request_rejected,
)
from weerbaar.partners.workflow import check_pending, check_transition

PROFILE_FIELDS = ("name", "domains", "website", "description", "expertise", "is_public")
EMBEDDING_FIELDS = (
    "endorsed_by_management",
    "endorsed_on",
    "contact_person",
    "has_budget",
    "budget_euros",
    "internal_embedding",
    "embedded_since",
)


def _record_event(
    join_request: JoinRequest, kind: JoinRequestEventKind, actor: User | None, message: str = ""
) -> None:
    JoinRequestEvent.objects.create(
        coalition=join_request.coalition,
        join_request=join_request,
        kind=kind,
        actor=actor,
        message=message,
    )


JOIN_REQUESTS_PER_HOUR = 5


class TooManyJoinRequests(Exception):
    """One address sent more applications in an hour than any organisation needs."""


def check_join_request_rate(coalition: Coalition, request: HttpRequest | None) -> None:
    """Refuse a flood of applications (each mails the coordinators) from one address."""
    address = get_client_ip(request) if request is not None else None
    if address is None:
        return
    recent = AuditEntry.objects.filter(
        action=AuditAction.JOIN_REQUEST_SUBMITTED,
        coalition=coalition,
        ip_address=address,
        created_at__gte=timezone.now() - timedelta(hours=1),
    ).count()
    if recent >= JOIN_REQUESTS_PER_HOUR:
        raise TooManyJoinRequests


@transaction.atomic
def do_submit_join_request(
    coalition: Coalition,
    *,
    organisation_name: str,
    domains: list[str],
    website: str,
    contact_name: str,
    contact_email: str,
    motivation: str,
    endorsed_principles: list[Principle],
    request: HttpRequest | None = None,
) -> JoinRequest:
    """Store an organisation's application and tell the coordinators after commit."""
    check_join_request_rate(coalition, request)
    join_request = JoinRequest.objects.create(
        coalition=coalition,
        organisation_name=organisation_name.strip(),
        domains=list(domains),
        website=website,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(),
        motivation=motivation,
    )
    join_request.endorsed_principles.set(
        [p for p in endorsed_principles if p.coalition_id == coalition.pk]
    )
    _record_event(join_request, JoinRequestEventKind.SUBMITTED, None)
    do_record_audit_entry(
        AuditAction.JOIN_REQUEST_SUBMITTED,
        actor=None,
        actor_label="visitor",
        request=request,
        coalition=coalition,
        target=join_request,
    )
    transaction.on_commit(lambda: notify_coordinators_of_join_request(join_request))
    return join_request


@transaction.atomic
def do_create_partner(
    actor: User | None,
    coalition: Coalition,
    *,
    name: str,
    domains: list[str],
    website: str = "",
    description: str = "",
    expertise: str = "",
    is_public: bool = False,
    request: HttpRequest | None = None,
) -> Partner:
    partner = Partner.objects.create(
        coalition=coalition,
        name=name.strip(),
        domains=list(domains),
        website=website,
        description=description,
        expertise=expertise,
        is_public=is_public,
    )
    do_record_audit_entry(
        AuditAction.PARTNER_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=partner,
    )
    return partner


def _replace_logo(partner: Partner, image: CleanImage | None) -> None:
    """Store ``image`` under a generated name (never the uploader's) and drop the old file."""
    old_name = partner.get_logo_name()
    if image is None:
        partner.logo = ""  # an empty name clears the field
    else:
        name = f"partner-logos/{uuid.uuid4().hex}.{image.extension}"
        partner.logo.name = default_storage.save(name, ContentFile(image.content))
    if old_name:
        transaction.on_commit(lambda: default_storage.delete(old_name))


@transaction.atomic
def do_update_partner(
    actor: User, partner: Partner, *, request: HttpRequest | None = None, **profile: Any
) -> Partner:
    """Change a partner's profile; compares with the stored row, as a bound form alters its own."""
    stored = Partner.objects.select_for_update().get(pk=partner.pk)
    changed = [k for k in PROFILE_FIELDS if k in profile and getattr(stored, k) != profile[k]]
    for key in changed:
        setattr(stored, key, profile[key])
    new_logo: CleanImage | None = profile.get("new_logo")
    if new_logo is not None or (profile.get("remove_logo") and stored.logo):
        _replace_logo(stored, new_logo)
        changed.append("logo")
    if changed:
        stored.save(update_fields=changed)
    do_record_audit_entry(
        AuditAction.PARTNER_UPDATED,
        actor=actor,
        request=request,
        coalition=stored.coalition,
        target=stored,
        detail={"fields": changed},
    )
    return stored


@transaction.atomic
def do_link_membership_to_partner(
    actor: User | None,
    membership: Membership,
    partner: Partner,
    request: HttpRequest | None = None,
) -> None:
    """Record that a member works for ``partner`` (of the same coalition)."""
    if partner.coalition_id != membership.coalition_id:
        raise ValueError("A membership can only be linked to a partner of its own coalition.")
    membership.organisation = partner
    membership.save(update_fields=["organisation"])
    do_record_audit_entry(
        AuditAction.MEMBERSHIP_LINKED,
        actor=actor,
        request=request,
        coalition=partner.coalition,
        target=membership,
        detail={"partner": partner.pk},
    )


def _welcome_contact(
    actor: User, join_request: JoinRequest, partner: Partner, request: HttpRequest | None
) -> None:
    existing = (
        for_coalition(Membership.objects.all(), join_request.coalition)
        .filter(user__email__iexact=join_request.contact_email)
        .select_related("user", "coalition")
        .first()
    )
    if existing is None:
        do_invite_member(
            actor,
            join_request.coalition,
            join_request.contact_email,
            Role.PARTNER_ADMIN,
            request,
            partner=partner,
        )
        return
    do_link_membership_to_partner(actor, existing, partner, request)
    if existing.role == Role.MEMBER:
        do_change_role(actor, existing, Role.PARTNER_ADMIN, request)


def _lock(join_request: JoinRequest) -> JoinRequest:
    return (
        JoinRequest.objects.select_for_update().select_related("coalition").get(pk=join_request.pk)
    )


@transaction.atomic
def do_decide_join_request(
    actor: User,
    join_request: JoinRequest,
    status: JoinRequestStatus,
    *,
    message: str = "",
    request: HttpRequest | None = None,
) -> JoinRequest:
    """Approve or reject a pending join request.

    Approval creates the partner and invites the contact person as its partner admin; the
    invitation mail is the applicant's answer. A contact who is already in the coalition is
    linked to the partner instead, and a plain member becomes partner admin (a coordinator or
    analyst keeps their role). Rejection mails ``message`` to the contact. Raises
    ``workflow.TransitionError`` for a request that was already handled.
    """
    locked = _lock(join_request)
    check_transition(JoinRequestStatus(locked.status), status)
    locked.status = status
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.message = message
    if status == JoinRequestStatus.APPROVED:
        locked.partner = do_create_partner(
            actor,
            locked.coalition,
            name=locked.organisation_name,
            domains=locked.domains,
            website=locked.website,
            request=request,
        )
        _welcome_contact(actor, locked, locked.partner, request)
    locked.save(update_fields=["status", "decided_by", "decided_at", "message", "partner"])
    approved = status == JoinRequestStatus.APPROVED
    _record_event(
        locked,
        JoinRequestEventKind.APPROVED if approved else JoinRequestEventKind.REJECTED,
        actor,
        message,
    )
    do_record_audit_entry(
        AuditAction.JOIN_REQUEST_APPROVED if approved else AuditAction.JOIN_REQUEST_REJECTED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"partner": locked.partner_id} if approved else {},
    )
    if not approved:
        transaction.on_commit(lambda: notify_join_request_rejected(locked))
    return locked


@transaction.atomic
def do_ask_join_request_question(
    actor: User, join_request: JoinRequest, question: str, request: HttpRequest | None = None
) -> None:
    """Mail a question to the applicant and keep it in the request's history; still pending."""
    locked = _lock(join_request)
    check_pending(JoinRequestStatus(locked.status))
    _record_event(locked, JoinRequestEventKind.QUESTION_ASKED, actor, question)
    do_record_audit_entry(
        AuditAction.JOIN_REQUEST_QUESTION_ASKED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    transaction.on_commit(lambda: notify_join_request_question(locked, question, actor.email))


class PartnerPeopleError(Exception):
    """The change is not one a partner's people page may make; the message says why."""


PARTNER_ROLES = frozenset({Role.MEMBER, Role.PARTNER_ADMIN})


def do_invite_colleague(
    actor: User, partner: Partner, email: str, role: Role, request: HttpRequest | None = None
) -> None:
    """Invite someone to the coalition as one of ``partner``'s people."""
    if role not in PARTNER_ROLES:
        raise PartnerPeopleError(_("Choose member or partner admin."))
    do_invite_member(actor, partner.coalition, email, role, request, partner=partner)


def do_change_colleague_role(
    actor: User, membership: Membership, role: Role, request: HttpRequest | None = None
) -> None:
    """Make one of a partner's people member or partner admin (and nothing else)."""
    if role not in PARTNER_ROLES or membership.role not in PARTNER_ROLES:
        raise PartnerPeopleError(
            _("Only the coordinator changes the role of analysts and coordinators.")
        )
    do_change_role(actor, membership, role, request)


def do_remove_colleague(
    actor: User, membership: Membership, request: HttpRequest | None = None
) -> None:
    """End the coalition membership of one of a partner's people; their sessions end too."""
    if membership.user_id == actor.pk:
        raise PartnerPeopleError(_("You cannot remove yourself; ask the coordinator."))
    if membership.role not in PARTNER_ROLES:
        raise PartnerPeopleError(_("Only the coordinator removes analysts and coordinators."))
    do_end_membership(actor, membership, request)


class EmbeddingError(Exception):
    """The embedding answers contradict a rule; the message says which."""


def check_embedding(answers: dict[str, Any]) -> None:
    """Refuse answers no form should let through: dates ahead and negative budgets."""
    today = timezone.localdate()
    for key in ("endorsed_on", "embedded_since"):
        value = answers.get(key)
        if value is not None and value > today:
            raise EmbeddingError(_("A date in the future is not possible here."))
    budget = answers.get("budget_euros")
    if budget is not None and budget < 0:
        raise EmbeddingError(_("Enter zero or more; negative amounts are not possible."))


@transaction.atomic
def do_update_embedding(
    actor: User, partner: Partner, *, request: HttpRequest | None = None, **answers: Any
) -> Embedding:
    """Store ``partner``'s embedding checklist; the audit entry names the answers that changed."""
    check_embedding(answers)
    Partner.objects.select_for_update().get(pk=partner.pk)
    embedding, created = Embedding.objects.get_or_create(
        partner=partner, defaults={"coalition": partner.coalition}
    )
    changed = [k for k in EMBEDDING_FIELDS if k in answers and getattr(embedding, k) != answers[k]]
    for key in changed:
        setattr(embedding, key, answers[key])
    embedding.save()
    do_record_audit_entry(
        AuditAction.EMBEDDING_UPDATED,
        actor=actor,
        request=request,
        coalition=partner.coalition,
        target=partner,
        detail={"fields": changed, "created": created},
    )
    return embedding
