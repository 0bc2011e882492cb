"""Mail to people who register for events, in Dutch: visitors have not chosen a language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from weerbaar.events.ical import render_calendar
from weerbaar.events.models import Registration
from weerbaar.events.tokens import make_cancel_token, make_confirmation_token

CALENDAR_MAILS = frozenset({"confirmed", "promoted", "reminder"})


def _absolute(name: str, **kwargs: object) -> str:
    return str(settings.SITE_URL) + reverse(name, kwargs=kwargs)


def _send(template: str, registration: Registration, **extra: object) -> None:
    event = registration.event
    slug = event.coalition.slug
    context = {
        "registration": registration,
        "event": event,
        "coalition": event.coalition,
        "event_url": _absolute("events:event", slug=slug, event_id=event.pk),
        "ics_url": _absolute("events:ics", slug=slug, event_id=event.pk),
        "cancel_url": _absolute(
            "events:cancel_link", slug=slug, token=make_cancel_token(registration.pk)
        ),
        **extra,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subjects = {
            "confirm": _("Please confirm your registration: %(title)s"),
            "confirmed": _("You are registered: %(title)s"),
            "waitlisted": _("You are on the waiting list: %(title)s"),
            "promoted": _("A place has become free for you: %(title)s"),
            "already_registered": _("You were already registered: %(title)s"),
            "reminder": _("Tomorrow: %(title)s"),
            "event_cancelled": _("Cancelled: %(title)s"),
        }
        subject = subjects[template] % {"title": event.title}
        body = render_to_string(f"events/mail/{template}.txt", context)
    message = EmailMessage(subject, body, to=[registration.email])
    if template in CALENDAR_MAILS:
        # The file itself, not only a link: members-only events need a login to download.
        message.attach(
            "bijeenkomst.ics",
            render_calendar(event.coalition, [event], name=event.title),
            "text/calendar",
        )
    message.send()


def notify_confirm_registration(registration: Registration) -> None:
    """The double opt-in: a visitor holds no place until they follow this link."""
    token = make_confirmation_token(registration.pk)
    slug = registration.event.coalition.slug
    _send(
        "confirm",
        registration,
        confirm_url=_absolute("events:confirm", slug=slug, token=token),
        hours=settings.EVENT_CONFIRMATION_HOURS,
    )


def notify_registration_result(registration: Registration) -> None:
    """A place or a place on the waiting list, with the personal link to cancel."""
    _send("confirmed" if registration.status == "confirmed" else "waitlisted", registration)


def notify_promoted(registration: Registration) -> None:
    _send("promoted", registration)


def notify_already_registered(registration: Registration) -> None:
    _send("already_registered", registration)


def notify_reminder(registration: Registration) -> None:
    _send("reminder", registration)


def notify_event_cancelled(registration: Registration) -> None:
    _send("event_cancelled", registration)
