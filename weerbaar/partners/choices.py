from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    """The field a partner organisation works in; a coalition links them across domains."""

    PUBLIC_ORDER_SAFETY = "public_order_safety", _("Public order and safety")
    SOCIAL_DEVELOPMENT = "social_development", _("Social development")
    PUBLIC_HEALTH = "public_health", _("Public health")
    EDUCATION = "education", _("Education")
    YOUTH_WORK = "youth_work", _("Youth work")
    LIBRARY = "library", _("Library")
    MEDIA_LITERACY = "media_literacy", _("Media literacy")
    POLICE = "police", _("Police")
    CARE = "care", _("Care")
    RESEARCH = "research", _("Research and knowledge institute")
    CIVIL_SOCIETY = "civil_society", _("Civil society and community")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class JoinRequestEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    QUESTION_ASKED = "question_asked", _("Question asked")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
