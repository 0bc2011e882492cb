from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import ChoiceListValidator, Coalition
from weerbaar.interventions.choices import (
    EvidenceLevel,
    ExperimentOutcome,
    ExperimentStatus,
    InterventionKind,
    InterventionStatus,
)
from weerbaar.interventions.querysets import InterventionQuerySet
from weerbaar.knowledge.choices import TargetGroup, Visibility
from weerbaar.lib.markdown import render_markdown


class Intervention(models.Model):
    """A tool or approach a coalition uses or tries: an app, a lesson, a campaign kit, …"""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="interventions")
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000)
    kind = models.CharField(_("type"), max_length=30, choices=InterventionKind.choices)
    themes = models.JSONField(
        _("themes"), default=list, blank=True, validators=[ChoiceListValidator(Theme.values)]
    )
    target_groups = models.JSONField(
        _("target groups"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator(TargetGroup.values)],
    )
    age_from = models.PositiveSmallIntegerField(_("age from"), null=True, blank=True)
    age_until = models.PositiveSmallIntegerField(_("age until"), null=True, blank=True)
    # A partner of the coalition, or else the name of an outside provider.
    provider = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interventions",
        verbose_name=_("provider (partner)"),
    )
    external_provider = models.CharField(
        _("provider (outside the coalition)"), max_length=200, blank=True
    )
    how_to_use = models.TextField(_("how to use it"), blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.NOT_ASSESSED,
    )
    evidence_link = models.URLField(
        _("entry in the Databank Effectieve Interventies"), max_length=500, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterventionStatus.choices,
        default=InterventionStatus.IDEA,
    )
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.COALITION
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterventionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["visibility"], name="intervention_visibility")]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interventions:intervention", args=[self.coalition.slug, self.pk])

    def get_how_to_use_html(self) -> SafeString:
        return render_markdown(self.how_to_use)

    def get_provider_name(self) -> str:
        return self.provider.name if self.provider is not None else self.external_provider

    def get_theme_labels(self) -> list[str]:
        return [str(Theme(v).label) for v in self.themes if v in Theme.values]

    def get_target_group_labels(self) -> list[str]:
        return [str(TargetGroup(v).label) for v in self.target_groups if v in TargetGroup.values]


class Experiment(models.Model):
    """Trying an intervention somewhere, with someone, and what it taught."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="experiments"
    )
    question = models.TextField(_("question or hypothesis"), max_length=2000)
    location = models.CharField(_("where"), max_length=200)
    participants = models.CharField(_("with whom"), max_length=300)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    partners = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="+", verbose_name=_("partners involved")
    )
    measure_before = models.TextField(_("measured before"), blank=True)
    measure_after = models.TextField(_("measured after"), blank=True)
    results = models.TextField(_("results"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    outcome = models.CharField(
        _("result"),
        max_length=20,
        choices=ExperimentOutcome.choices,
        default=ExperimentOutcome.UNKNOWN,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExperimentStatus.choices,
        default=ExperimentStatus.PLANNED,
    )
    # The "lesson learned" knowledge item its lessons were published as, once finished.
    lesson_item = models.OneToOneField(
        "knowledge.KnowledgeItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_experiment",
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")

    def __str__(self) -> str:
        return f"{self.intervention.name}: {self.location}"

    def get_results_html(self) -> SafeString:
        return render_markdown(self.results)

    def get_lessons_html(self) -> SafeString:
        return render_markdown(self.lessons)

    def is_finished(self) -> bool:
        return self.status == ExperimentStatus.FINISHED
