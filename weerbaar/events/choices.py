from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CONGRESS = "congress", _("Congress")
    INSPIRATION_MEETING = "inspiration_meeting", _("Inspiration meeting")
    TRAINING = "training", _("Training")
    WORKING_GROUP = "working_group", _("Working group")
    WEBINAR = "webinar", _("Webinar")


class EventAudience(models.TextChoices):
    MEMBERS = "members", _("Members of the coalition only")
    PUBLIC = "public", _("Public: everyone can register")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    # A visitor who has not clicked the link in the confirmation mail yet; holds no place.
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)
