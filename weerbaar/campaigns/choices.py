from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignStatus(models.TextChoices):
    PREPARING = "preparing", _("In preparation")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped")


class Channel(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Social media")
    SCHOOLS = "schools", _("Lessons at schools")
    POSTERS = "posters", _("Posters and flyers")
    WEBSITE = "website", _("Website")
    PRESS = "press", _("Newspaper, radio or TV")
    MEETINGS = "meetings", _("Meetings and events")
    NEWSLETTER = "newsletter", _("Newsletters")
    OTHER = "other", _("Other")


class ReachMeasure(models.TextChoices):
    IMPRESSIONS = "impressions", _("Impressions")
    PARTICIPANTS = "participants", _("Participants")
    SCHOOLS_REACHED = "schools_reached", _("Schools reached")
    CLICKS = "clicks", _("Clicks and visits")
    MATERIALS = "materials", _("Materials handed out")


class Addressee(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    PARLIAMENT = "parliament", _("Parliament")
    VNG = "vng", _("Association of Netherlands Municipalities (VNG)")
    PLATFORM = "platform", _("Platform company")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other")


class LobbyStatus(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    SENT = "sent", _("Sent")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")
