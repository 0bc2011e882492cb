from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    BEST_PRACTICE = "best_practice", _("Best practice")
    RESEARCH_REPORT = "research_report", _("Research report")
    LESSON_LEARNED = "lesson_learned", _("Lesson learned")
    TOOLKIT = "toolkit", _("Toolkit or lesson material")
    VIDEO = "video", _("Video")
    EVENT_REPORT = "event_report", _("Event report")


class TargetGroup(models.TextChoices):
    YOUNG_0_12 = "young_0_12", _("Young people aged 0 to 12")
    YOUNG_12_18 = "young_12_18", _("Young people aged 12 to 18")
    YOUNG_18_24 = "young_18_24", _("Young people aged 18 to 24")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionals", _("Professionals")
    SCHOOLS = "schools", _("Schools")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone can read it")
    COALITION = "coalition", _("Coalition: only members of this coalition")
    SHARED = "shared", _("Shared with all coalitions on this platform")
