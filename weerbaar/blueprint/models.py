from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.blueprint.choices import Phase, RequestStatus, TaskStatus
from weerbaar.blueprint.querysets import BlueprintRequestQuerySet, PlanTaskQuerySet
from weerbaar.blueprint.rules import Answers
from weerbaar.coalitions.models import Coalition


def hash_blueprint_token(token: str) -> str:
    """Only the hash of a private link's token is stored, like an invitation's."""
    return hashlib.sha256(token.encode()).hexdigest()


class BlueprintRequest(models.Model):
    """A region's wizard answers, resumable by a private link, and later its coalition request.

    Belongs to no coalition until a platform admin approves it and one is created.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    answers: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    contact_name = models.CharField(_("your name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("your e-mail address"), blank=True)
    contact_organisation = models.CharField(_("your organisation"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("note to the requester"), blank=True)
    coalition = models.OneToOneField(
        Coalition,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blueprint_request",
    )
    organisations_invited_at = models.DateTimeField(null=True, blank=True)

    objects = BlueprintRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # The platform admin's list: submitted requests, newest first.
            models.Index(fields=["status", "-submitted_at"], name="blueprint_status_submitted"),
        ]
        verbose_name = _("blueprint request")
        verbose_name_plural = _("blueprint requests")

    def __str__(self) -> str:
        return self.get_name()

    def get_answers(self) -> Answers:
        return Answers.from_json(self.answers)

    def get_name(self) -> str:
        answers = self.get_answers()
        return answers.coalition_name or ", ".join(answers.municipalities) or f"#{self.pk}"

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        """Only an unfinished wizard expires; a submitted request stays readable."""
        return self.status == RequestStatus.DRAFT and self.expires_at <= (now or timezone.now())

    def is_editable(self) -> bool:
        return self.status == RequestStatus.DRAFT and not self.is_expired()


class PlanTask(models.Model):
    """One task of a coalition's plan: from the blueprint, or added by the coordinator."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="plan_tasks")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    title = models.CharField(_("task"), max_length=200)
    description = models.TextField(_("explanation"), blank=True)
    owner = models.CharField(_("who does it"), max_length=150, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    rule = models.CharField(max_length=10, blank=True)
    position = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanTaskQuerySet.as_manager()

    class Meta:
        ordering = ["position", "due_date", "pk"]
        indexes = [
            # The checklist page: one coalition's tasks in plan order.
            models.Index(fields=["coalition", "position"], name="plantask_coalition_position"),
        ]
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")

    def __str__(self) -> str:
        return self.title

    def is_done(self) -> bool:
        return self.status == TaskStatus.DONE

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return (
            not self.is_done()
            and self.due_date is not None
            and self.due_date < (today or timezone.localdate())
        )


class MaturityScan(models.Model):
    """A coalition's self-assessment of one year: a level per dimension, and the figures from
    its own data that were offered as a starting point (kept, so history shows what was)."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="maturity_scans"
    )
    year = models.PositiveIntegerField(_("year"))
    levels: models.JSONField[dict[str, int], dict[str, int]] = models.JSONField(default=dict)
    facts: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)
    updated_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "year"], name="maturityscan_once_a_year"),
        ]
        verbose_name = _("maturity scan")
        verbose_name_plural = _("maturity scans")

    def __str__(self) -> str:
        return f"{self.coalition} {self.year}"

    def average(self) -> float:
        values = list(self.levels.values())
        return round(sum(values) / len(values), 1) if values else 0.0
