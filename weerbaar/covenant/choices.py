from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CovenantStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


class CommitmentKind(models.TextChoices):
    """What a partner pledges (DESIGN.md §1: knowledge, time, resources, thinking and doing)."""

    KNOWLEDGE = "knowledge", _("Knowledge")
    TIME = "time", _("Time")
    MONEY = "money", _("Money")
    OTHER = "other", _("Other means")
