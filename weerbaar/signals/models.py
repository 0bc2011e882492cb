"""Signals: what professionals saw online, described as a phenomenon and stored redacted.

Free text (``text``, ``actions_taken``, notes) is redacted by the form before it reaches any
of these models, and the actions redact it again (``weerbaar.text.redact`` is idempotent), so
no code path can store raw text.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Area, ChoiceListValidator, Coalition
from weerbaar.signals.choices import (
    OPEN_STATUSES,
    AgeGroup,
    ClusterLink,
    Platform,
    SignalStatus,
    Source,
    Space,
    Urgency,
)
from weerbaar.signals.querysets import SignalQuerySet

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class Cluster(models.Model):
    """Signals about the same incident or wave, found by near-duplicate text."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="clusters")
    created_at = models.DateTimeField(auto_now_add=True)

    if TYPE_CHECKING:
        signals: RelatedManager[Signal]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return f"Cluster {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("signals:cluster", args=[self.coalition.slug, self.pk])

    def get_main_theme_display(self) -> str:
        """The theme most of its signals carry: what an analyst scans a list of clusters by."""
        counts: Counter[str] = Counter()
        for themes, suggested in self.signals.values_list("themes", "suggested_themes"):
            # The analyst's themes where set, otherwise the model's first suggestion.
            counts.update(themes or [pair[0] for pair in suggested[:1]])
        if not counts:
            return ""
        theme = counts.most_common(1)[0][0]
        return str(Theme(theme).label) if theme in Theme.values else ""


class Signal(models.Model):
    """One report of an online phenomenon. Never describes a person; the text is redacted."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="signals")
    # Always redacted (see the module docstring).
    text = models.TextField(_("what happened"))
    platforms = models.JSONField(
        _("platforms"), default=list, validators=[ChoiceListValidator(Platform.values)]
    )
    space = models.CharField(_("space"), max_length=10, choices=Space.choices)
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup.choices)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signals",
        verbose_name=_("area"),
    )
    first_seen = models.DateField(_("first seen"), null=True, blank=True)
    urgency = models.CharField(_("urgency"), max_length=12, choices=Urgency.choices)
    # Also redacted.
    actions_taken = models.TextField(_("what the reporter already did"), blank=True)
    # Themes the analyst confirmed; empty until then. ``suggested_themes`` holds the model's
    # top three as [theme, probability] pairs.
    themes = models.JSONField(
        _("themes"), default=list, blank=True, validators=[ChoiceListValidator(Theme.values)]
    )
    suggested_themes = models.JSONField(default=list, blank=True)
    themes_confirmed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_signals",
        verbose_name=_("analyst"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_signals",
    )
    organisation = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signals",
        verbose_name=_("organisation"),
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    cluster_link = models.CharField(max_length=10, choices=ClusterLink.choices, blank=True)
    # A similar signal between the two thresholds, for the analyst to confirm or dismiss.
    similar_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    similarity = models.FloatField(null=True, blank=True)
    follow_up = models.CharField(_("follow-up"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    if TYPE_CHECKING:
        events: RelatedManager[SignalEvent]

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The triage queue and trends: one coalition's signals by date.
            models.Index(fields=["coalition", "-created_at"], name="signal_coalition_date"),
            # Queue counts and filters per status.
            models.Index(fields=["coalition", "status"], name="signal_coalition_status"),
            # Retention: closed signals by closing date.
            models.Index(fields=["status", "closed_at"], name="signal_status_closed"),
        ]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        # No content: this label goes into the audit log.
        return f"Signaal {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("signals:signal", args=[self.coalition.slug, self.pk])

    def get_platform_labels(self) -> list[str]:
        return [str(Platform(v).label) for v in self.platforms if v in Platform.values]

    def get_theme_labels(self) -> list[str]:
        return [str(Theme(v).label) for v in self.themes if v in Theme.values]

    def get_suggestions(self) -> list[tuple[str, str, int]]:
        """(theme, label, percentage) of the model's suggestions, best first."""
        return [
            (theme, str(Theme(theme).label), round(probability * 100))
            for theme, probability in self.suggested_themes
            if theme in Theme.values
        ]

    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open() and self.deadline is not None and self.deadline < today

    def is_acute(self) -> bool:
        return self.urgency == Urgency.ACUTE


class SignalEvent(models.Model):
    """Append-only history of a signal: status changes, assignment, notes and feedback."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=SignalStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=SignalStatus.choices, blank=True)
    # Redacted, like every free text here.
    note = models.TextField(_("note"), blank=True)
    # Shown to the reporter on "my signals".
    is_feedback = models.BooleanField(_("feedback to the reporter"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("signal event")
        verbose_name_plural = _("signal events")

    def __str__(self) -> str:
        return f"{self.signal_id} {self.from_status}->{self.to_status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Signal history cannot be changed.")
        super().save(*args, **kwargs)


class ClassifierModel(models.Model):
    """A theme model trained for one coalition, with its evaluation (the model card)."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="classifier_models"
    )
    trained_at = models.DateTimeField(default=timezone.now)
    # ThemeModel.to_bytes(): JSON, never pickle.
    model = models.BinaryField()
    # {theme: number of training examples}, seed and own separately.
    training_size = models.JSONField(default=dict)
    seed_examples = models.PositiveIntegerField(default=0)
    own_examples = models.PositiveIntegerField(default=0)
    # ModelEvaluation as JSON: labels, per_label, macro_f1, confusion, folds.
    evaluation = models.JSONField(default=dict)

    class Meta:
        ordering = ["-trained_at", "-pk"]
        get_latest_by = "trained_at"
        verbose_name = _("theme model")
        verbose_name_plural = _("theme models")

    def __str__(self) -> str:
        return f"Model {self.pk} ({self.coalition_id})"


class SignalDeletion(models.Model):
    """The deletion log of retention: which signal went when, and nothing of its content."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    signal_id = models.PositiveBigIntegerField()
    reported_on = models.DateField()
    closed_on = models.DateField(null=True)
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-deleted_at", "-pk"]
        verbose_name = _("signal deletion")
        verbose_name_plural = _("signal deletions")

    def __str__(self) -> str:
        return f"Signaal {self.signal_id} verwijderd"
