from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import ROLES_REQUIRING_MFA, InvitationStatus, Role
from weerbaar.accounts.querysets import InvitationQuerySet, MembershipQuerySet
from weerbaar.coalitions.models import Coalition

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A person who logs in with e-mail and password (or the municipality's identity provider)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=150)
    is_active = models.BooleanField(default=True)
    is_platform_admin = models.BooleanField(
        _("platform admin"),
        default=False,
        help_text=_("Operates the installation: creates coalitions. Sees no signal content."),
    )
    date_joined = models.DateTimeField(default=timezone.now)
    # Kept in step with roles by the actions (``do_sync_mfa_requirement``), so the check that
    # runs on every request reads the row already loaded instead of querying memberships.
    mfa_required = models.BooleanField(default=False, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    if TYPE_CHECKING:
        memberships: RelatedManager[Membership]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def needs_mfa(self) -> bool:
        """Whether this person holds a role for which two-step verification is required."""
        return self.mfa_required or self.is_platform_admin

    def compute_mfa_required(self) -> bool:
        return (
            self.is_platform_admin or self.memberships.filter(role__in=ROLES_REQUIRING_MFA).exists()
        )


class Membership(models.Model):
    """A person's role in one coalition; one person can hold different roles in different ones."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    # The partner organisation this person works for; a partner admin manages only that one.
    organisation = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "coalition"], name="membership_unique"),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.coalition})"


def hash_invitation_token(token: str) -> str:
    """Only the hash of an invitation token is stored, so a database leak opens no accounts."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A single-use, expiring link that creates an account (if needed) and a membership."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the invitation comes from an approved join request: the membership it creates
    # is linked to that organisation.
    partner = models.ForeignKey(
        "partners.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The periodic expiry job: pending invitations past their date.
            models.Index(fields=["status", "expires_at"], name="invitation_status_expiry"),
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.coalition} ({self.get_role_display()})"

    def is_usable(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > timezone.now()


class UserSession(models.Model):
    """Which sessions belong to whom, so that ending a membership can end them all.

    Django's session table has no user column (the user id sits inside the encoded data);
    this row is written at login and removed at logout.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.created_at:%Y-%m-%d %H:%M}"
