from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.choices import CommitmentKind, CovenantStatus
from weerbaar.covenant.querysets import (
    CommitmentQuerySet,
    CovenantVersionQuerySet,
    SignatureQuerySet,
)
from weerbaar.lib.markdown import render_markdown
from weerbaar.partners.models import Partner

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class ImmutableRecordError(Exception):
    """Raised when code tries to change or remove a signature."""


class CovenantVersion(models.Model):
    """One version of a coalition's covenant text; partners sign the published one."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="covenant_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: a blank line starts a new paragraph, ## a heading, - a list item, **bold**."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CovenantStatus.choices, default=CovenantStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CovenantVersionQuerySet.as_manager()

    if TYPE_CHECKING:
        signatures: RelatedManager[Signature]

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "number"], name="covenantversion_unique_number"
            ),
            # Only one text is in force at a time; publishing supersedes the previous one.
            models.UniqueConstraint(
                fields=["coalition"],
                condition=Q(status=CovenantStatus.PUBLISHED),
                name="covenantversion_one_published",
            ),
        ]
        verbose_name = _("covenant version")
        verbose_name_plural = _("covenant versions")

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"

    def is_draft(self) -> bool:
        return self.status == CovenantStatus.DRAFT

    def is_published(self) -> bool:
        return self.status == CovenantStatus.PUBLISHED

    def render_body(self) -> SafeString:
        return render_markdown(self.body)


class Signature(models.Model):
    """A partner's signature under one covenant version: a record that is never changed."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(
        CovenantVersion, on_delete=models.CASCADE, related_name="signatures"
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="signatures")
    signed_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(_("name"), max_length=150)
    signer_function = models.CharField(_("function"), max_length=150)
    confirmed = models.BooleanField(default=True)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "partner"], name="signature_once_per_partner"
            ),
        ]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.partner} — {self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecordError("A signature cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecordError("A signature cannot be removed.")


def _amount_field(label: Any) -> models.DecimalField[Decimal | None, Decimal | None]:
    return models.DecimalField(
        label,
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )


class Commitment(models.Model):
    """What a partner pledges to the coalition for one year."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="commitments")
    year = models.PositiveIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=CommitmentKind.choices)
    description = models.CharField(_("description"), max_length=500)
    hours = _amount_field(_("hours"))
    euros = _amount_field(_("euros"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommitmentQuerySet.as_manager()

    if TYPE_CHECKING:
        deliveries: RelatedManager[Delivery]

    class Meta:
        ordering = ["year", "kind", "pk"]
        indexes = [
            # The overview and the reminder job: one coalition's pledges of one year.
            models.Index(fields=["coalition", "year"], name="commitment_coalition_year"),
        ]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return f"{self.partner} {self.year}: {self.description}"


class Delivery(models.Model):
    """What a partner actually contributed against a pledge."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="deliveries")
    date = models.DateField(_("date"))
    description = models.CharField(_("what was done"), max_length=500)
    hours = _amount_field(_("hours"))
    euros = _amount_field(_("euros"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.commitment.partner} {self.date}: {self.description}"


class CommitmentReminder(models.Model):
    """That a partner's admins were reminded of open pledges of a year, so it happens once."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "year"], name="reminder_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.year}"
