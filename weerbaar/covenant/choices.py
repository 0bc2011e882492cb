from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CovenantStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


class CommitmentKind(models.TextChoices):
    """What a partner pledges (DESIGN.md §1: knowledge, time, resources, thinking and doing)."""

    # A context, because "Time" elsewhere means a moment (the audit log's column).
    KNOWLEDGE = "knowledge", pgettext_lazy("commitment kind", "Knowledge")
    TIME = "time", pgettext_lazy("commitment kind", "Time")
    MONEY = "money", pgettext_lazy("commitment kind", "Money")
    OTHER = "other", pgettext_lazy("commitment kind", "Other means")
