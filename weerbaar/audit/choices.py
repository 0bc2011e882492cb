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
    JOIN_REQUEST_SUBMITTED = "join_request_submitted", _("Received a join request")
    JOIN_REQUEST_QUESTION_ASKED = (
        "join_request_question",
        _("Asked a question about a join request"),
    )
    JOIN_REQUEST_APPROVED = "join_request_approved", _("Approved a join request")
    JOIN_REQUEST_REJECTED = "join_request_rejected", _("Rejected a join request")
    PARTNER_CREATED = "partner_created", _("Added a partner")
    PARTNER_UPDATED = "partner_updated", _("Changed a partner's profile")
    MEMBERSHIP_LINKED = "membership_linked", _("Linked a member to a partner")
    EMBEDDING_UPDATED = "embedding_updated", _("Changed a partner's embedding checklist")
    COVENANT_DRAFTED = "covenant_drafted", _("Drafted a covenant version")
    COVENANT_DRAFT_UPDATED = "covenant_draft_updated", _("Changed a covenant draft")
    COVENANT_PUBLISHED = "covenant_published", _("Published a covenant version")
    COVENANT_SIGNED = "covenant_signed", _("Signed the covenant")
    COMMITMENT_PLEDGED = "commitment_pledged", _("Pledged a commitment")
    DELIVERY_RECORDED = "delivery_recorded", _("Recorded a delivery")
    COMMITMENT_REMINDER_SENT = "commitment_reminder", _("Reminded a partner of open commitments")
    KNOWLEDGE_ITEM_CREATED = "knowledge_created", _("Added a knowledge item")
    KNOWLEDGE_ITEM_UPDATED = "knowledge_updated", _("Changed a knowledge item")
    KNOWLEDGE_ITEM_DELETED = "knowledge_deleted", _("Removed a knowledge item")
    KNOWLEDGE_ATTACHMENT_ADDED = "knowledge_attached", _("Added an attachment")
    KNOWLEDGE_ATTACHMENT_REMOVED = "knowledge_detached", _("Removed an attachment")
    # signals module
    SIGNAL_REPORTED = "signal_reported", _("Reported a signal")
    SIGNAL_VIEWED = "signal_viewed", _("Read a signal")
    SIGNAL_UPDATED = "signal_updated", _("Changed a signal")
    SIGNALS_IMPORTED = "signals_imported", _("Imported signals")
    SIGNALS_DELETED = "signals_deleted", _("Deleted signals after the retention period")
    THEME_MODEL_TRAINED = "theme_model_trained", _("Trained the theme model")
    # trends module
    TREND_SOURCE_CREATED = "trend_source_created", _("Registered a trend monitor source")
    TREND_SOURCE_UPDATED = "trend_source_updated", _("Changed a trend monitor source")
    TREND_SOURCE_STATUS = "trend_source_status", _("Switched a trend monitor source on or off")
    TREND_IMPORT_COMMITTED = "trend_import", _("Imported aggregated figures")
    TREND_SETTINGS_UPDATED = "trend_settings", _("Changed the trend monitor settings")
    TREND_WATCH_LIST_SAVED = "trend_watch_list", _("Saved a watch list")
    TREND_ALERT_RULE_SAVED = "trend_alert_rule", _("Saved an early-warning rule")
    TREND_ALERT_HANDLED = "trend_alert_handled", _("Acknowledged or resolved an early warning")
    TREND_REPORT_SAVED = "trend_report", _("Made, changed or published a trend report")
    DATA_EXPORTED = "data_exported", _("Exported coalition data")
    ACCESS_DENIED = "access_denied", _("Was refused access")


class AuditResult(models.TextChoices):
    SUCCESS = "success", _("Succeeded")
    FAILURE = "failure", _("Failed")
    DENIED = "denied", _("Refused")
