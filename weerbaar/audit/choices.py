from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOGIN_LOCKED_OUT = "login_locked_out", _("Login blocked after too many attempts")
    LOGOUT = "logout", _("Logged out")
    MFA_ENROLLED = "mfa_enrolled", _("Enrolled in two-step verification")
    MFA_VERIFIED = "mfa_verified", _("Passed two-step verification")
    MFA_FAILED = "mfa_failed", _("Failed two-step verification")
    MFA_RESET = "mfa_reset", _("Reset two-step verification")
    PASSWORD_CHANGED = "password_changed", _("Changed password")
    INVITATION_SENT = "invitation_sent", _("Sent an invitation")
    INVITATION_ACCEPTED = "invitation_accepted", _("Accepted an invitation")
    INVITATION_REVOKED = "invitation_revoked", _("Revoked an invitation")
    INVITATION_EXPIRED = "invitation_expired", _("Invitation expired")
    ROLE_CHANGED = "role_changed", _("Changed a role")
    MEMBERSHIP_ENDED = "membership_ended", _("Ended a membership")
    COALITION_CREATED = "coalition_created", _("Created a coalition")
    COALITION_UPDATED = "coalition_updated", _("Changed coalition settings")
    ACCESS_DENIED = "access_denied", _("Was refused access")


class AuditResult(models.TextChoices):
    SUCCESS = "success", _("Succeeded")
    FAILURE = "failure", _("Failed")
    DENIED = "denied", _("Refused")
