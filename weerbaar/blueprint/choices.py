from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PopulationBracket(models.TextChoices):
    UNDER_50K = "under_50k", _("Fewer than 50,000 inhabitants")
    FROM_50K = "50k_100k", _("50,000 to 100,000 inhabitants")
    FROM_100K = "100k_250k", _("100,000 to 250,000 inhabitants")
    OVER_250K = "over_250k", _("More than 250,000 inhabitants")


class Urbanity(models.TextChoices):
    URBAN = "urban", _("Mostly urban")
    MIXED = "mixed", _("A mix of town and countryside")
    RURAL = "rural", _("Mostly rural")


class Provision(models.TextChoices):
    """What a region may already have that a coalition builds on."""

    PROGRAMME = "programme", _("A local programme on social stability or digital citizenship")
    SAFETY_NETWORK = "safety_network", _("A safety network (for example a safety house)")
    YOUTH_WORK = "youth_work", _("Youth work that also works online")
    MEDIA_LITERACY = "media_literacy", _("Media-literacy activities (library, schools)")
    CASE_MEETING = "case_meeting", _("A case meeting on radicalisation")


class BudgetRange(models.TextChoices):
    NONE = "none", _("No budget yet")
    SMALL = "small", _("Up to €10,000 a year")
    MEDIUM = "medium", _("€10,000 to €50,000 a year")
    LARGE = "large", _("More than €50,000 a year")


class ProgrammeSize(models.TextChoices):
    SMALL = "small", _("Small: a few meetings and one joint activity")
    MEDIUM = "medium", _("Medium: regular meetings and a few activities")
    LARGE = "large", _("Large: a full programme with campaigns and experiments")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Being filled in")
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved: coalition created")
    REJECTED = "rejected", _("Not approved")


class Phase(models.TextChoices):
    """The phases of the Utrecht path, in order (DESIGN.md §1)."""

    URGENCY = "urgency", _("Urgency and background")
    INSPIRATION = "inspiration", _("Inspiration meeting")
    FOLLOW_UP = "follow_up", _("Follow-up meeting")
    FOUNDING = "founding", _("Founding and covenant")
    EXECUTION = "execution", _("Execution programme")
    EMBEDDING = "embedding", _("Embedding and sustaining")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Dimension(models.TextChoices):
    """What the yearly maturity scan looks at; the keys are stored, so never rename one."""

    PARTNERS = "partners", _("Partners and domains")
    COVENANT = "covenant", _("Covenant and commitments")
    KNOWLEDGE = "knowledge", _("Knowledge sharing")
    INTERVENTIONS = "interventions", _("Interventions and experiments")
    SIGNALLING = "signalling", _("Signalling and trends")
    REFERRAL = "referral", _("Referral")
    EMBEDDING = "embedding", _("Embedding and funding")


class Level(models.IntegerChoices):
    NOT_STARTED = 0, _("0 — not started")
    FIRST_STEPS = 1, _("1 — first steps")
    UNDER_WAY = 2, _("2 — under way")
    WORKING = 3, _("3 — working well")
    EMBEDDED = 4, _("4 — embedded and lasting")
