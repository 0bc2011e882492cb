from __future__ import annotations

import datetime
import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.models import Coalition
from weerbaar.events.choices import (
    ACTIVE_STATUSES,
    EventAudience,
    EventKind,
    EventStatus,
    RegistrationStatus,
)
from weerbaar.events.querysets import EventQuerySet, RegistrationQuerySet
from weerbaar.lib.markdown import render_markdown


class Event(models.Model):
    """A meeting, congress, training, … of a coalition, with registration."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="events")
    # Stable identity for calendar programs (the iCalendar UID), never reused.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Stored in UTC; entered and shown in Europe/Amsterdam (settings.TIME_ZONE).
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("address"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=EventAudience.choices, default=EventAudience.MEMBERS
    )
    # Empty: no limit (a webinar, for example).
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    organisers = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="events", verbose_name=_("organising partners")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    report_item = models.OneToOneField(
        "knowledge.KnowledgeItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event",
        verbose_name=_("report"),
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            # The programme calendar and the feed: one coalition's events by date.
            models.Index(fields=["coalition", "starts_at"], name="events_coalition_start"),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", args=[self.coalition.slug, self.pk])

    def get_description_html(self) -> SafeString:
        return render_markdown(self.description)

    def is_public(self) -> bool:
        return self.audience == EventAudience.PUBLIC

    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    def get_deadline(self) -> datetime.datetime:
        """Registration closes at the deadline, or when the event starts."""
        return self.registration_deadline or self.starts_at

    def is_open_for_registration(self) -> bool:
        return not self.is_cancelled() and timezone.now() < self.get_deadline()

    def count_confirmed(self) -> int:
        return self.registrations.confirmed().count()

    def get_places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.count_confirmed(), 0)

    def is_full(self) -> bool:
        return self.capacity is not None and self.count_confirmed() >= self.capacity


class ProgrammeItem(models.Model):
    """One line of an event's programme."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    position = models.PositiveSmallIntegerField(default=0)
    starts_at = models.TimeField(_("time"))
    title = models.CharField(_("title"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.title}"


class Registration(models.Model):
    """A person's place (or place on the waiting list) at an event.

    Members register with their account (``user``); visitors with name, e-mail and
    organisation, and confirm by e-mail before they hold a place.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    # Lower case, so that one address registers once per event.
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # When a visitor was last mailed because of the registration form, so that the form
    # cannot be used to flood someone's inbox.
    form_mailed_at = models.DateTimeField(null=True, blank=True)
    # Marked by the organiser afterwards; None until then.
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address and event; the last guard against doubles.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="events_one_active_registration",
            ),
        ]
        indexes = [
            # Counting confirmed places and finding the first on the waiting list.
            models.Index(fields=["event", "status"], name="events_registration_status"),
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        # No name or address: this label goes into the audit log.
        return f"{self.event.title} #{self.pk}"

    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
