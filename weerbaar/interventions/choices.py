from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InterventionKind(models.TextChoices):
    APP = "app", _("App")
    WEBSITE = "website", _("Website")
    VIDEO_SERIES = "video_series", _("Video series")
    TRAINING = "training", _("Training")
    LESSON_MATERIAL = "lesson_material", _("Lesson material")
    CAMPAIGN_KIT = "campaign_kit", _("Campaign kit")
    GAME = "game", _("Game")
    CONVERSATION_METHOD = "conversation_method", _("Conversation method")


class EvidenceLevel(models.TextChoices):
    """The levels of the Dutch Databank Effectieve Interventies (Movisie, NJi, RIVM)."""

    NOT_ASSESSED = "not_assessed", _("Not assessed")
    WELL_DESCRIBED = "well_described", _("Well described")
    WELL_FOUNDED = "well_founded", _("Well founded")
    EFFECTIVE = "effective", _("Effective")


class InterventionStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    RUNNING = "running", _("Running")
    EVALUATED = "evaluated", _("Evaluated")
    STOPPED = "stopped", _("Stopped")
    SCALED_UP = "scaled_up", _("Scaled up")


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class ExperimentOutcome(models.TextChoices):
    """What an experiment showed, in one word for the catalogue."""

    UNKNOWN = "unknown", _("No result yet")
    POSITIVE = "positive", _("Worked")
    MIXED = "mixed", _("Partly worked")
    NO_EFFECT = "no_effect", _("No effect")
    NEGATIVE = "negative", _("Did not work")
