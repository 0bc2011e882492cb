from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FocusArea(models.TextChoices):
    """The four focus areas of an online coalition (DESIGN.md §1)."""

    PREVENTION = "prevention", _("Prevention")
    AWARENESS = "awareness", _("Awareness")
    SIGNALLING = "signalling", _("Signalling")
    DIGITAL_RESILIENCE = "digital_resilience", _("Digital resilience")


class Theme(models.TextChoices):
    """Online phenomena a coalition works on; signals, knowledge and trends are tagged with them.

    The keys are stored (in JSON lists and in the text engine's seed set), so never rename one.
    """

    DISINFORMATION = "disinformation", _("Disinformation")
    CONSPIRACY = "conspiracy", _("Conspiracy thinking")
    HATE = "hate", _("Hate speech")
    EXTREMISM = "extremism", _("Extremism and radicalisation")
    POLARISATION = "polarisation", _("Polarisation")
    SEXTORTION = "sextortion", _("Sextortion and sexual abuse online")
    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    SCAMS = "scams", _("Online scams and fraud")
    GAMING = "gaming", _("Gaming and screen time")
    ONLINE_UNSAFETY = "online_unsafety", _("Other online unsafety")
    OTHER = "other", _("Other")


class AreaKind(models.TextChoices):
    DISTRICT = "district", _("District")
    MUNICIPALITY = "municipality", _("Municipality")
