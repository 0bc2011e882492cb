from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    """Where online the phenomenon was seen. Stored in JSON lists: never rename a key."""

    TIKTOK = "tiktok", "TikTok"
    INSTAGRAM = "instagram", "Instagram"
    SNAPCHAT = "snapchat", "Snapchat"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    DISCORD = "discord", "Discord"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    GAMING = "gaming", _("Gaming platform")
    OTHER = "other", _("Other")


class Space(models.TextChoices):
    OPEN = "open", _("Open: anyone can see it")
    CLOSED = "closed", _("Closed: a private group, chat or account")
    UNKNOWN = "unknown", _("Not known")


class AgeGroup(models.TextChoices):
    UNDER_12 = "under_12", _("Under 12")
    AGE_12_15 = "12_15", _("12 to 15")
    AGE_16_18 = "16_18", _("16 to 18")
    AGE_18_24 = "18_24", _("18 to 24")
    ADULTS = "adults", _("Adults")
    MIXED = "mixed", _("Mixed or not known")


class Urgency(models.TextChoices):
    INFORMATION = "information", _("Information")
    CONCERN = "concern", _("Concern")
    URGENT = "urgent", _("Urgent")
    ACUTE = "acute", _("Acute danger")


class SignalStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_TRIAGE = "in_triage", _("In triage")
    NEEDS_INFORMATION = "needs_information", _("Needs information")
    ACTIONED = "actioned", _("Actioned")
    REFERRED = "referred", _("Referred")
    DUPLICATE = "duplicate", _("Duplicate")
    CLOSED = "closed", _("Closed")


# Statuses in which the signal still waits for the analyst; only these can be overdue.
OPEN_STATUSES = frozenset(
    {SignalStatus.NEW, SignalStatus.IN_TRIAGE, SignalStatus.NEEDS_INFORMATION}
)


class Source(models.TextChoices):
    FORM = "form", _("Intake form")
    IMPORT = "import", _("CSV import")


class ClusterLink(models.TextChoices):
    """How a signal came into its cluster."""

    AUTOMATIC = "automatic", _("Automatically, very similar text")
    CONFIRMED = "confirmed", _("Confirmed by an analyst")
