from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.models import ChoiceListValidator, Coalition, Principle
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.choices import Domain, JoinRequestEventKind, JoinRequestStatus
from weerbaar.partners.duplicates import normalise_name, website_host
from weerbaar.partners.querysets import JoinRequestQuerySet, PartnerQuerySet

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

    from weerbaar.accounts.models import Membership


def _domain_labels(values: list[str]) -> list[str]:
    return [str(Domain(value).label) for value in values if value in Domain.values]


class Partner(models.Model):
    """An organisation taking part in a coalition; its profile is kept by its partner admins."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    domains = models.JSONField(
        _("domains"), default=list, blank=True, validators=[ChoiceListValidator(Domain.values)]
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    expertise = models.TextField(
        _("expertise"),
        blank=True,
        help_text=_("What others in the coalition can ask you about."),
    )
    is_public = models.BooleanField(
        _("show on the public page"),
        default=False,
        help_text=_("Visitors of the coalition's public page then see this organisation."),
    )
    # Stored under a generated name (see actions.do_update_partner), served by views.logo.
    logo = models.FileField(_("logo"), blank=True, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PartnerQuerySet.as_manager()

    if TYPE_CHECKING:
        memberships: RelatedManager[Membership]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name

    def get_logo_name(self) -> str:
        """The stored file name of the logo, or "" when there is none."""
        return self.logo.name or ""

    def get_domain_labels(self) -> list[str]:
        return _domain_labels(self.domains)

    def get_name_key(self) -> str:
        return normalise_name(self.name)

    def get_website_host(self) -> str:
        return website_host(self.website)


class JoinRequest(models.Model):
    """An organisation's application to join a coalition, sent from the public page."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="join_requests")
    organisation_name = models.CharField(_("name of the organisation"), max_length=200)
    domains = models.JSONField(
        _("domains"), default=list, validators=[ChoiceListValidator(Domain.values)]
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("e-mail address of the contact person"))
    motivation = models.TextField(_("motivation"))
    endorsed_principles = models.ManyToManyField(
        Principle, blank=True, related_name="+", verbose_name=_("endorsed principles")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    partner = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = JoinRequestQuerySet.as_manager()

    if TYPE_CHECKING:
        events: RelatedManager[JoinRequestEvent]

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The coordinator's list and the pending count: one coalition, by status.
            models.Index(fields=["coalition", "status"], name="joinrequest_coalition_status"),
        ]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self) -> str:
        return self.organisation_name

    def get_domain_labels(self) -> list[str]:
        return _domain_labels(self.domains)

    def is_pending(self) -> bool:
        return self.status == JoinRequestStatus.PENDING

    def get_possible_duplicates(self) -> tuple[list[Partner], list[JoinRequest]]:
        """Partners and other pending requests of the coalition with the same name or website.

        Compared in Python: a coalition has tens of partners, and the keys are normalised
        (``duplicates.py``) in ways a database index would not follow.
        """
        name = normalise_name(self.organisation_name)
        host = website_host(self.website)

        def matches(other_name: str, other_website: str) -> bool:
            return normalise_name(other_name) == name or bool(
                host and website_host(other_website) == host
            )

        partners = [
            p
            for p in for_coalition(Partner.objects.all(), self.coalition)
            if p.pk != self.partner_id and matches(p.name, p.website)
        ]
        pending = [
            r
            for r in for_coalition(JoinRequest.objects.pending(), self.coalition).exclude(
                pk=self.pk
            )
            if matches(r.organisation_name, r.website)
        ]
        return partners, pending


class JoinRequestEvent(models.Model):
    """One step in the history of a join request; rows are only ever added."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    join_request = models.ForeignKey(JoinRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=20, choices=JoinRequestEventKind.choices)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("join request event")
        verbose_name_plural = _("join request events")

    def __str__(self) -> str:
        return f"{self.join_request} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("The history of a join request is only ever added to.")
        super().save(*args, **kwargs)


class Embedding(models.Model):
    """How the coalition's work is embedded (borging) in one partner's own organisation.

    One row per partner, kept by its partner admins; the coordinator sees coverage across
    partners (``embedding.py``). A partner without a row has answered nothing yet.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="embedding")
    endorsed_by_management = models.BooleanField(_("endorsed by our own management"), default=False)
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    contact_person = models.CharField(
        _("contact person for the coalition"), max_length=150, blank=True
    )
    has_budget = models.BooleanField(_("budget line for the coalition's work"), default=False)
    budget_euros = models.DecimalField(
        _("budget per year in euros"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    internal_embedding = models.TextField(
        _("internal embedding"),
        blank=True,
        help_text=_("Who in your organisation knows the coalition's work and carries it?"),
    )
    embedded_since = models.DateField(_("embedded since"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")

    def __str__(self) -> str:
        return str(self.partner)
