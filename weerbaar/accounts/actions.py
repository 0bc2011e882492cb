"""Every change to accounts, memberships and invitations goes through these functions."""

from __future__ import annotations

import secrets
from datetime import timedelta
from importlib import import_module
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.choices import InvitationStatus, Role
from weerbaar.accounts.models import (
    Invitation,
    Membership,
    User,
    UserSession,
    hash_invitation_token,
)
from weerbaar.accounts.notifications import notify_invitation
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition

if TYPE_CHECKING:
    from weerbaar.partners.models import Partner


class InvitationError(Exception):
    """The invitation cannot be used (any more); the message is shown to the visitor."""


@transaction.atomic
def do_invite_member(
    actor: User | None,
    coalition: Coalition,
    email: str,
    role: Role,
    request: HttpRequest | None = None,
    *,
    partner: Partner | None = None,
) -> tuple[Invitation, str]:
    """Invite ``email`` to ``coalition`` with ``role`` and mail the link.

    Returns the invitation and its token; only the token's hash is stored, so the mail (and
    the demo command) is the only place the link exists. An earlier pending invitation for the
    same address and coalition is revoked, so one person never has two live links. With
    ``partner``, the membership the invitation creates is linked to that organisation.
    """
    email = email.strip().lower()
    for previous in Invitation.objects.pending().filter(coalition=coalition, email=email):
        do_revoke_invitation(actor, previous, request)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        coalition=coalition,
        email=email,
        role=role,
        token_hash=hash_invitation_token(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        partner=partner,
    )
    do_record_audit_entry(
        AuditAction.INVITATION_SENT,
        actor=actor,
        request=request,
        coalition=coalition,
        target=invitation,
        detail={"role": str(role), **({"partner": partner.pk} if partner else {})},
    )
    transaction.on_commit(lambda: notify_invitation(invitation, token))
    return invitation, token


def do_sync_mfa_requirement(user: User) -> None:
    """Recompute whether ``user`` needs two-step verification after their roles changed."""
    required = user.compute_mfa_required()
    if user.mfa_required != required:
        user.mfa_required = required
        user.save(update_fields=["mfa_required"])


def get_invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("coalition")
        .filter(token_hash=hash_invitation_token(token))
        .first()
    )


@transaction.atomic
def do_accept_invitation(
    invitation: Invitation,
    *,
    user: User | None,
    full_name: str = "",
    password: str = "",
    request: HttpRequest | None = None,
) -> Membership:
    """Turn an invitation into a membership, creating the account when there is none.

    ``user`` is the logged-in person accepting for their existing account; ``None`` creates a
    new account for the invited address with ``full_name`` and ``password``.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise InvitationError("This invitation has already been used, has expired or was revoked.")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError("An account with this e-mail address exists; log in first.")
        user = User.objects.create_user(invitation.email, password, full_name=full_name)
    elif user.email.lower() != invitation.email.lower():
        raise InvitationError("This invitation is meant for another e-mail address.")

    membership, created = Membership.objects.get_or_create(
        user=user,
        coalition=invitation.coalition,
        defaults={"role": invitation.role, "organisation_id": invitation.partner_id},
    )
    if not created and membership.role != invitation.role:
        do_change_role(invitation.invited_by, membership, Role(invitation.role), request)
    if (
        not created
        and invitation.partner_id
        and membership.organisation_id != invitation.partner_id
    ):
        membership.organisation_id = invitation.partner_id
        membership.save(update_fields=["organisation"])
    do_sync_mfa_requirement(user)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
    do_record_audit_entry(
        AuditAction.INVITATION_ACCEPTED,
        actor=user,
        request=request,
        coalition=invitation.coalition,
        target=invitation,
        detail={"role": invitation.role},
    )
    return membership


@transaction.atomic
def do_revoke_invitation(
    actor: User | None, invitation: Invitation, request: HttpRequest | None = None
) -> None:
    if invitation.status != InvitationStatus.PENDING:
        return
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status"])
    do_record_audit_entry(
        AuditAction.INVITATION_REVOKED,
        actor=actor,
        request=request,
        coalition=invitation.coalition,
        target=invitation,
    )


def do_expire_invitations() -> int:
    """Close every pending invitation whose date has passed; returns how many. Idempotent."""
    expired = 0
    for invitation in Invitation.objects.overdue().select_related("coalition"):
        with transaction.atomic():
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.status != InvitationStatus.PENDING:
                continue
            locked.status = InvitationStatus.EXPIRED
            locked.save(update_fields=["status"])
            do_record_audit_entry(
                AuditAction.INVITATION_EXPIRED,
                actor=None,
                actor_label="system",
                coalition=invitation.coalition,
                target=locked,
            )
            expired += 1
    return expired


@transaction.atomic
def do_change_role(
    actor: User | None, membership: Membership, role: Role, request: HttpRequest | None = None
) -> None:
    # Compare with the stored role: a bound ModelForm has already set ``membership.role``.
    previous = (
        Membership.objects.select_for_update().values_list("role", flat=True).get(pk=membership.pk)
    )
    if previous == role:
        return
    membership.role = role
    membership.save(update_fields=["role"])
    do_sync_mfa_requirement(membership.user)
    do_record_audit_entry(
        AuditAction.ROLE_CHANGED,
        actor=actor,
        request=request,
        coalition=membership.coalition,
        target=membership,
        detail={"from": previous, "to": str(role)},
    )


@transaction.atomic
def do_end_membership(
    actor: User | None, membership: Membership, request: HttpRequest | None = None
) -> None:
    do_record_audit_entry(
        AuditAction.MEMBERSHIP_ENDED,
        actor=actor,
        request=request,
        coalition=membership.coalition,
        target=membership,
        detail={"role": membership.role},
    )
    membership.delete()
    do_sync_mfa_requirement(membership.user)
    # Whatever page they have open in this coalition stops working now, not at next login.
    transaction.on_commit(lambda: do_end_sessions(membership.user))


def do_remember_session(user: User, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.get_or_create(session_key=session_key, defaults={"user": user})


def do_forget_session(session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def do_end_sessions(user: User) -> int:
    """Log ``user`` out everywhere: every session they logged in with ends now."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()  # through the engine, so a cached copy goes too
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def do_start_totp_enrolment(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device the person is setting up (created on first visit)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


@transaction.atomic
def do_reset_mfa(actor: User | None, user: User, request: HttpRequest | None = None) -> int:
    """Remove a person's authenticators (lost phone); they set up a new one at next login."""
    removed: int
    removed, _by_type = TOTPDevice.objects.filter(user=user).delete()
    do_record_audit_entry(
        AuditAction.MFA_RESET,
        actor=actor,
        actor_label="" if actor else "operator",
        request=request,
        target=user,
        detail={"devices_removed": removed},
    )
    return removed


@transaction.atomic
def do_confirm_totp_device(
    user: User, device: TOTPDevice, request: HttpRequest | None = None
) -> None:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Only one authenticator per person; abandoned enrolments go.
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    do_record_audit_entry(AuditAction.MFA_ENROLLED, actor=user, request=request, target=user)
