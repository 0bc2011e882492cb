"""Help offers shaped like Open Referral HSDS (partner = organisation, offer = service,
location, service at location), the crisis lines of the finder, and referrals (warm hand-overs)
with their append-only history and answer links."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import ChoiceListValidator, Coalition
from weerbaar.referrals.choices import (
    AgeGroup,
    Audience,
    ConsentGivenBy,
    ContactPreference,
    Cost,
    DeclineReason,
    Language,
    OfferUrgency,
    ReferralEventKind,
    ReferralStatus,
    ReferralUrgency,
    SharingBasis,
)
from weerbaar.referrals.querysets import HelpOfferQuerySet, ReferralQuerySet

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

# An offer nobody confirmed for this long is stale: partner admins are asked to check it.
FRESHNESS_DAYS = 183


def _labels(choices: type[models.TextChoices], values: list[str]) -> list[str]:
    return [str(choices(v).label) for v in values if v in choices.values]


class HelpOffer(models.Model):
    """One kind of help a partner offers (an HSDS *service*)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="help_offers")
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        related_name="help_offers",
        verbose_name=_("organisation"),
    )
    # The id other systems know this offer by in Open Referral exports and imports.
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The id the offer has in the Open Referral file it was imported from, to update it later.
    source_id = models.CharField(max_length=100, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what you can expect"),
        max_length=2000,
        help_text=_("In plain words: what happens when someone gets in touch?"),
    )
    themes = models.JSONField(
        _("helps with"), default=list, validators=[ChoiceListValidator(Theme.values)]
    )
    audiences = models.JSONField(
        _("for whom"), default=list, validators=[ChoiceListValidator(Audience.values)]
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    area_served = models.CharField(_("area served"), max_length=200, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    chat_url = models.URLField(_("chat (web address)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    hours = models.CharField(_("when"), max_length=300, blank=True)
    cost = models.CharField(_("cost"), max_length=20, choices=Cost.choices, default=Cost.FREE)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[ChoiceListValidator(Language.values)]
    )
    anonymous_possible = models.BooleanField(_("anonymous help possible"), default=False)
    urgency = models.CharField(
        _("kind of help"), max_length=20, choices=OfferUrgency.choices, default=OfferUrgency.REGULAR
    )
    is_active = models.BooleanField(_("active"), default=True)
    assured_on = models.DateField(_("last confirmed"), default=timezone.localdate)
    assured_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the partner admins were last asked to re-confirm; one request per stale period.
    confirmation_requested_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HelpOfferQuerySet.as_manager()

    if TYPE_CHECKING:
        service_at_locations: RelatedManager[ServiceAtLocation]

    class Meta:
        ordering = ["title", "pk"]
        indexes = [
            # The finder and the management list: one coalition's active offers.
            models.Index(fields=["coalition", "is_active"], name="helpoffer_coalition_active"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="helpoffer_age_range",
            )
        ]
        verbose_name = _("help offer")
        verbose_name_plural = _("help offers")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("referrals:offer", args=[self.coalition.slug, self.pk])

    def is_stale(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (today - self.assured_on).days > FRESHNESS_DAYS

    def is_crisis(self) -> bool:
        return self.urgency == OfferUrgency.CRISIS

    def get_theme_labels(self) -> list[str]:
        return _labels(Theme, self.themes)

    def get_audience_labels(self) -> list[str]:
        return _labels(Audience, self.audiences)

    def get_language_labels(self) -> list[str]:
        return _labels(Language, self.languages)

    def get_location(self) -> Location | None:
        """The walk-in address, if the offer has one."""
        first = self.service_at_locations.select_related("location").first()
        return first.location if first is not None else None

    def get_search_text(self) -> str:
        return "\n".join(
            [self.title, self.description, self.area_served, " ".join(self.get_theme_labels())]
        )


class Location(models.Model):
    """A place where a partner receives people (an HSDS *location*)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.CASCADE, related_name="help_locations"
    )
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name of the place"), max_length=200)
    address = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name

    def get_one_line(self) -> str:
        return ", ".join(p for p in (self.address, f"{self.postal_code} {self.city}".strip()) if p)


class ServiceAtLocation(models.Model):
    """An offer given at a location (an HSDS *service at location*)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(
        HelpOffer, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "location"], name="service_at_location_once")
        ]

    def __str__(self) -> str:
        return f"{self.offer} @ {self.location}"


class CrisisLine(models.Model):
    """A national emergency or crisis line the finder shows first when someone is in danger."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="crisis_lines")
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    when_to_call = models.CharField(_("when to get in touch"), max_length=300)
    hours = models.CharField(_("when"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("show in the finder"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("crisis line")
        verbose_name_plural = _("crisis lines")

    def __str__(self) -> str:
        return self.name

    def get_phone_href(self) -> str:
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")


class Referral(models.Model):
    """A case one organisation hands to a partner's offer, with the minimum needed.

    Only the referring organisation (the referrer and its partner admins) and the receiving
    partner's admins see it (``access.py``); the coordinator sees counts only. The description
    is redacted before it is stored (``actions.do_refer_case``).
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="referrals")
    offer = models.ForeignKey(
        HelpOffer, on_delete=models.RESTRICT, related_name="referrals", verbose_name=_("offer")
    )
    # RESTRICT: a case keeps its organisations and offer, which go only with the whole coalition.
    referring_partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.RESTRICT,
        related_name="referrals_sent",
        verbose_name=_("referring organisation"),
    )
    referred_by = models.ForeignKey(
        "accounts.User",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("referred by"),
    )
    age_group = models.CharField(_("age group"), max_length=20, choices=AgeGroup.choices)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    description = models.TextField(_("short description"), max_length=1000)
    urgency = models.CharField(_("urgency"), max_length=20, choices=ReferralUrgency.choices)
    contact_preference = models.CharField(
        _("how the person wants to be contacted"),
        max_length=20,
        choices=ContactPreference.choices,
    )
    sharing_basis = models.CharField(
        _("basis for sharing"), max_length=20, choices=SharingBasis.choices
    )
    consent_given_by = models.CharField(
        _("consent given by"), max_length=20, choices=ConsentGivenBy.choices, blank=True
    )
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_purpose = models.CharField(_("consent given for"), max_length=300, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    deadline = models.DateTimeField(_("answer expected by"))
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("referred on"), auto_now_add=True)

    objects = ReferralQuerySet.as_manager()

    if TYPE_CHECKING:
        events: RelatedManager[ReferralEvent]

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The receiving partner's queue and the reminder job: by offer and status.
            models.Index(fields=["offer", "status"], name="referral_offer_status"),
            # The referring organisation's list.
            models.Index(fields=["referring_partner", "-created_at"], name="referral_sender"),
            # The deletion job: closed cases by when they were closed.
            models.Index(fields=["status", "closed_at"], name="referral_status_closed"),
        ]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("referrals:referral", args=[self.coalition.slug, self.pk])

    def is_open(self) -> bool:
        return self.status in (ReferralStatus.SENT, ReferralStatus.INFO_REQUESTED)

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        return self.status == ReferralStatus.SENT and (now or timezone.now()) > self.deadline

    def looks_like_radicalisation(self) -> bool:
        return self.theme == Theme.EXTREMISM


class ReferralEvent(models.Model):
    """One step in a referral's history; rows are only ever added."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=20, choices=ReferralEventKind.choices)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who acted, kept when the account goes: a name, or "answer link" for link answers.
    actor_label = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    decline_reason = models.CharField(
        _("reason"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("referral event")
        verbose_name_plural = _("referral events")

    def __str__(self) -> str:
        return f"{self.referral} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("The history of a referral is only ever added to.")
        super().save(*args, **kwargs)


class ReferralLink(models.Model):
    """A single-use link for a partner without accounts to answer a referral.

    Only the SHA-256 of the token is stored; the token itself is in the mail and nowhere else.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_to = models.EmailField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"link for {self.referral}"

    def is_usable(self, now: datetime.datetime | None = None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at


class ReferralDeletion(models.Model):
    """That a closed referral was deleted, and when: no content, no people."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    referral_number = models.PositiveIntegerField(_("referral number"))
    closed_at = models.DateTimeField(_("closed"), null=True)
    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.referral_number}"
