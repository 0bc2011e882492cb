from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from weerbaar.campaigns.choices import (
    Addressee,
    CampaignStatus,
    Channel,
    LobbyStatus,
    ReachMeasure,
)
from weerbaar.campaigns.querysets import CampaignQuerySet, LobbyItemQuerySet
from weerbaar.coalitions.models import ChoiceListValidator, Coalition
from weerbaar.knowledge.choices import TargetGroup
from weerbaar.knowledge.models import StoredFile


def split_links(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Campaign(models.Model):
    """An information or prevention campaign the coalition runs, locally or nationally."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="campaigns")
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"), max_length=2000)
    target_groups = models.JSONField(
        _("target groups"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator(TargetGroup.values)],
    )
    target_group_note = models.CharField(
        _("target group in your words"), max_length=300, blank=True
    )
    message = models.TextField(_("message"), max_length=2000)
    channels = models.JSONField(
        _("channels"), default=list, blank=True, validators=[ChoiceListValidator(Channel.values)]
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.PREPARING
    )
    partners = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="campaigns", verbose_name=_("partners")
    )
    links = models.TextField(_("links to materials"), blank=True)
    # Visitors see a public campaign (not its reach figures); members see every campaign.
    is_public = models.BooleanField(_("show to visitors"), default=False)
    knowledge_items = models.ManyToManyField(
        "knowledge.KnowledgeItem",
        blank=True,
        related_name="campaigns",
        verbose_name=_("knowledge items"),
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [
            # The list page and the newsflash's recent campaigns: one coalition, newest first.
            models.Index(fields=["coalition", "-starts_on"], name="campaign_coalition_start"),
        ]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign", args=[self.coalition.slug, self.pk])

    def get_links(self) -> list[str]:
        return split_links(self.links)

    def get_channel_labels(self) -> list[str]:
        return [str(Channel(v).label) for v in self.channels if v in Channel.values]

    def get_target_group_labels(self) -> list[str]:
        return [str(TargetGroup(v).label) for v in self.target_groups if v in TargetGroup.values]


class ReachFigure(models.Model):
    """How many people a campaign reached by one measure, as counted on one date."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reach_figures")
    measured_on = models.DateField(_("date"))
    measure = models.CharField(_("measure"), max_length=30, choices=ReachMeasure.choices)
    value = models.PositiveBigIntegerField(_("number"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "measured_on", "pk"]
        verbose_name = _("reach figure")
        verbose_name_plural = _("reach figures")

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.measured_on}: {self.value}"


class CampaignFile(StoredFile):
    """A material of a campaign (a poster, a lesson plan)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="files")

    class Meta(StoredFile.Meta):
        verbose_name = _("campaign file")
        verbose_name_plural = _("campaign files")


class LobbyItem(models.Model):
    """One point on the lobby agenda: what the coalition asks of whom, and how it went."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="lobby_items")
    topic = models.CharField(_("topic"), max_length=200)
    ask = models.TextField(_("the ask"), max_length=3000)
    addressee = models.CharField(_("addressee"), max_length=20, choices=Addressee.choices)
    addressee_name = models.CharField(_("addressed to"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=LobbyStatus.choices, default=LobbyStatus.DRAFTING
    )
    outcome = models.TextField(_("outcome"), max_length=3000, blank=True)
    links = models.TextField(_("links to documents"), blank=True)
    knowledge_items = models.ManyToManyField(
        "knowledge.KnowledgeItem",
        blank=True,
        related_name="lobby_items",
        verbose_name=_("knowledge items"),
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LobbyItemQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("lobby item")
        verbose_name_plural = _("lobby items")

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("campaigns:lobby_item", args=[self.coalition.slug, self.pk])

    def get_links(self) -> list[str]:
        return split_links(self.links)

    def is_closed(self) -> bool:
        return self.status in (LobbyStatus.ACHIEVED, LobbyStatus.NOT_ACHIEVED)
