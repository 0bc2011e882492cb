"""Every change to events and registrations goes through these functions.

Places are handed out only while the event's row is locked (``select_for_update``), so that
simultaneous registrations are counted one after the other and an event is never overbooked;
on SQLite, which has no row locks, write transactions run one at a time anyway.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.events import notifications
from weerbaar.events.choices import (
    ACTIVE_STATUSES,
    EventAudience,
    EventStatus,
    RegistrationStatus,
)
from weerbaar.events.models import Event, ProgrammeItem, Registration
from weerbaar.knowledge.actions import do_add_attachment, do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.files import CleanFile
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.partners.models import Partner

if TYPE_CHECKING:
    from weerbaar.accounts.models import Membership, User

FIELDS = (
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "location",
    "online_link",
    "audience",
    "capacity",
    "registration_deadline",
)


# The registration form mails an address at most this often (a new link, or "you were
# already registered"), so that it cannot be used to flood someone's inbox.
FORM_MAIL_INTERVAL = datetime.timedelta(minutes=10)


class EventError(Exception):
    """A refusal with a message for the person who asked; views show it."""


@dataclass(frozen=True)
class ProgrammeLine:
    starts_at: datetime.time
    title: str
    speaker: str = ""
    room: str = ""


def _local(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y H:i")


def check_event_times(
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    registration_deadline: datetime.datetime | None,
) -> None:
    if ends_at <= starts_at:
        raise EventError(_("The end must be after the start."))
    if registration_deadline is not None and registration_deadline > starts_at:
        raise EventError(_("The registration deadline must be before the event starts."))


def check_open_for_registration(event: Event) -> None:
    """Raise ``EventError`` with the reason when nobody can register (any more)."""
    if event.is_cancelled():
        raise EventError(_("This event has been cancelled; you can no longer register."))
    if timezone.now() >= event.get_deadline():
        raise EventError(
            _("Registration for this event closed on %(moment)s.")
            % {"moment": _local(event.get_deadline())}
        )


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("coalition").get(pk=event.pk)


def _has_room(event: Event) -> bool:
    return event.capacity is None or event.registrations.confirmed().count() < event.capacity


def _fill_from_waitlist(event: Event, request: HttpRequest | None) -> list[Registration]:
    """Give free places to the first on the waiting list; ``event`` must be locked."""
    promoted: list[Registration] = []
    if event.is_cancelled() or event.starts_at <= timezone.now():
        return promoted
    while _has_room(event):
        first = event.registrations.waitlisted().select_for_update().first()
        if first is None:
            break
        first.status = RegistrationStatus.CONFIRMED
        first.confirmed_at = timezone.now()
        first.save(update_fields=["status", "confirmed_at"])
        do_record_audit_entry(
            AuditAction.EVENT_WAITLIST_PROMOTED,
            actor=None,
            request=request,
            coalition=event.coalition,
            target=first,
        )
        transaction.on_commit(lambda r=first: notifications.notify_promoted(r))  # type: ignore[misc]
        promoted.append(first)
    return promoted


def _apply(event: Event, fields: Mapping[str, object]) -> None:
    for name in FIELDS:
        setattr(event, name, fields[name])
    event.title = event.title.strip()


def _set_programme(event: Event, programme: Sequence[ProgrammeLine]) -> None:
    event.programme.all().delete()
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(
            coalition=event.coalition,
            event=event,
            position=position,
            starts_at=line.starts_at,
            title=line.title,
            speaker=line.speaker,
            room=line.room,
        )
        for position, line in enumerate(programme)
    )


def _check_organisers(event: Event, organisers: Iterable[Partner]) -> list[Partner]:
    chosen = list(organisers)
    if any(partner.coalition_id != event.coalition_id for partner in chosen):
        raise ValueError("Organising partners must belong to the event's coalition.")
    return chosen


@transaction.atomic
def do_create_event(
    actor: User | None,
    coalition: Coalition,
    *,
    organisers: Iterable[Partner] = (),
    programme: Sequence[ProgrammeLine] = (),
    request: HttpRequest | None = None,
    **fields: object,
) -> Event:
    """Add an event to ``coalition``'s programme."""
    event = Event(coalition=coalition, created_by=actor)
    _apply(event, fields)
    check_event_times(event.starts_at, event.ends_at, event.registration_deadline)
    event.full_clean()
    event.save()
    event.organisers.set(_check_organisers(event, organisers))
    _set_programme(event, programme)
    do_record_audit_entry(
        AuditAction.EVENT_CREATED, actor=actor, request=request, coalition=coalition, target=event
    )
    return event


@transaction.atomic
def do_update_event(
    actor: User,
    event: Event,
    *,
    organisers: Iterable[Partner] = (),
    programme: Sequence[ProgrammeLine] = (),
    request: HttpRequest | None = None,
    **fields: object,
) -> Event:
    """Change an event; more places go to the waiting list at once, fewer than are taken
    are refused."""
    locked = _lock(event)
    _apply(locked, fields)
    check_event_times(locked.starts_at, locked.ends_at, locked.registration_deadline)
    confirmed = locked.registrations.confirmed().count()
    if locked.capacity is not None and locked.capacity < confirmed:
        raise EventError(
            _(
                "%(count)d people already have a place, so there must be at least "
                "%(count)d places. Cancel registrations first if you need fewer."
            )
            % {"count": confirmed}
        )
    locked.full_clean()
    locked.save()
    locked.organisers.set(_check_organisers(locked, organisers))
    _set_programme(locked, programme)
    do_record_audit_entry(
        AuditAction.EVENT_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    _fill_from_waitlist(locked, request)
    return locked


@transaction.atomic
def do_cancel_event(actor: User, event: Event, *, request: HttpRequest | None = None) -> Event:
    """Cancel an event and tell everyone who registered; registrations are kept as they were."""
    locked = _lock(event)
    if locked.is_cancelled():
        return locked
    locked.status = EventStatus.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    do_record_audit_entry(
        AuditAction.EVENT_CANCELLED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    for registration in locked.registrations.active().exclude(status=RegistrationStatus.PENDING):
        transaction.on_commit(
            lambda r=registration: notifications.notify_event_cancelled(r)  # type: ignore[misc]
        )
    return locked


def _place_status(event: Event) -> RegistrationStatus:
    return RegistrationStatus.CONFIRMED if _has_room(event) else RegistrationStatus.WAITLISTED


def _take_place(registration: Registration, event: Event) -> None:
    now = timezone.now()
    registration.status = _place_status(event)
    if registration.status == RegistrationStatus.CONFIRMED:
        registration.confirmed_at = now
    else:
        registration.waitlisted_at = now


@transaction.atomic
def do_register_member(
    membership: Membership, event: Event, *, request: HttpRequest | None = None
) -> Registration:
    """One click: a place if there is one, else a place on the waiting list."""
    if membership.coalition_id != event.coalition_id:
        raise ValueError("Members register for events of their own coalition.")
    # Read before taking the lock: the lock is held as briefly as possible.
    user = membership.user
    organisation = membership.organisation.name if membership.organisation else ""
    locked = _lock(event)
    check_open_for_registration(locked)
    address = user.email.lower()
    # One query for both questions, because it runs while the event is locked.
    counts = locked.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        mine_waiting=Count("pk", filter=Q(email=address, status=RegistrationStatus.WAITLISTED)),
        mine=Count("pk", filter=Q(email=address, status__in=ACTIVE_STATUSES)),
    )
    if counts["mine_waiting"]:
        raise EventError(_("You are already on the waiting list for this event."))
    if counts["mine"]:
        raise EventError(_("You are already registered for this event."))
    registration = Registration(
        coalition=locked.coalition,
        event=locked,
        user=user,
        name=user.full_name or user.email,
        email=address,
        organisation=organisation,
    )
    now = timezone.now()
    if locked.capacity is None or counts["confirmed"] < locked.capacity:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlisted_at = now
    registration.save()
    do_record_audit_entry(
        AuditAction.EVENT_REGISTERED,
        actor=user,
        request=request,
        coalition=locked.coalition,
        target=registration,
        detail={"status": registration.status},
    )
    transaction.on_commit(lambda: notifications.notify_registration_result(registration))
    return registration


@transaction.atomic
def do_register_visitor(
    event: Event,
    *,
    name: str,
    email: str,
    organisation: str,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> Registration:
    """A visitor's registration for a public event, waiting for e-mail confirmation.

    The answer on screen is the same whether or not the address was registered before, so
    the form does not tell strangers who is coming; the mail to the address tells its owner.
    """
    locked = _lock(event)
    if locked.audience != EventAudience.PUBLIC:
        raise ValueError("Visitors register for public events only.")
    check_open_for_registration(locked)
    address = email.strip().lower()
    existing = locked.registrations.active().filter(email=address).select_for_update().first()
    if existing is not None:
        now = timezone.now()
        last = existing.form_mailed_at or existing.created_at
        if now - last < FORM_MAIL_INTERVAL:
            return existing
        existing.form_mailed_at = now
        existing.save(update_fields=["form_mailed_at"])
        if existing.status == RegistrationStatus.PENDING:
            # A lost or expired confirmation mail: send a fresh link.
            transaction.on_commit(lambda: notifications.notify_confirm_registration(existing))
        else:
            transaction.on_commit(lambda: notifications.notify_already_registered(existing))
        return existing
    registration = Registration.objects.create(
        coalition=locked.coalition,
        event=locked,
        user=actor,
        name=name.strip(),
        email=address,
        organisation=organisation.strip(),
        status=RegistrationStatus.PENDING,
    )
    do_record_audit_entry(
        AuditAction.EVENT_REGISTERED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=registration,
        detail={"status": registration.status},
    )
    transaction.on_commit(lambda: notifications.notify_confirm_registration(registration))
    return registration


@transaction.atomic
def do_confirm_registration(
    registration: Registration, *, request: HttpRequest | None = None
) -> Registration:
    """The visitor followed the link: now they take a place (or join the waiting list).
    Following it again changes nothing."""
    event = _lock(registration.event)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != RegistrationStatus.PENDING:
        return locked
    if event.is_cancelled():
        raise EventError(_("This event has been cancelled; you can no longer register."))
    if event.starts_at <= timezone.now():
        raise EventError(_("This event has already started; registration is closed."))
    _take_place(locked, event)
    locked.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    do_record_audit_entry(
        AuditAction.EVENT_REGISTRATION_CONFIRMED,
        actor=locked.user,
        request=request,
        coalition=event.coalition,
        target=locked,
        detail={"status": locked.status},
    )
    transaction.on_commit(lambda: notifications.notify_registration_result(locked))
    return locked


@transaction.atomic
def do_cancel_registration(
    actor: User | None, registration: Registration, *, request: HttpRequest | None = None
) -> Registration:
    """Give up a place (or a place on the waiting list); a freed place goes to the first
    on the waiting list, who is told by mail. Cancelling twice changes nothing."""
    event = _lock(registration.event)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if not locked.is_active():
        return locked
    if event.starts_at <= timezone.now():
        raise EventError(_("This event has already started; you can no longer cancel."))
    held_place = locked.status == RegistrationStatus.CONFIRMED
    locked.status = RegistrationStatus.CANCELLED
    locked.cancelled_at = timezone.now()
    locked.save(update_fields=["status", "cancelled_at"])
    do_record_audit_entry(
        AuditAction.EVENT_REGISTRATION_CANCELLED,
        actor=actor,
        request=request,
        coalition=event.coalition,
        target=locked,
    )
    if held_place:
        _fill_from_waitlist(event, request)
    return locked


@transaction.atomic
def do_record_attendance(
    actor: User,
    event: Event,
    attended: Mapping[int, bool | None],
    *,
    request: HttpRequest | None = None,
) -> int:
    """Mark who came (``attended`` maps registration ids to yes, no or unknown)."""
    changed = 0
    for registration in event.registrations.confirmed().select_for_update():
        if registration.pk not in attended:
            continue
        value = attended[registration.pk]
        if registration.attended != value:
            registration.attended = value
            registration.save(update_fields=["attended"])
            changed += 1
    do_record_audit_entry(
        AuditAction.EVENT_ATTENDANCE_RECORDED,
        actor=actor,
        request=request,
        coalition=event.coalition,
        target=event,
        detail={"changed": changed},
    )
    return changed


def get_reminder_window(now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """From now to the end of tomorrow in the coalition's time zone (Europe/Amsterdam)."""
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    end = datetime.datetime.combine(
        tomorrow + datetime.timedelta(days=1), datetime.time.min, tzinfo=local.tzinfo
    )
    return now, end


@transaction.atomic
def do_send_event_reminders(now: datetime.datetime | None = None) -> int:
    """Remind everyone with a place of an event that starts before the end of tomorrow.

    Each registration is reminded once: it is locked and marked in the same transaction, and
    a second run (or a run alongside) finds it marked.
    """
    start, end = get_reminder_window(now or timezone.now())
    due = (
        Registration.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=start,
            event__starts_at__lt=end,
        )
        .select_for_update()
        .select_related("event__coalition")
    )
    sent = 0
    reminded_events: dict[int, tuple[Event, int]] = {}
    for registration in due:
        registration.reminded_at = timezone.now()
        registration.save(update_fields=["reminded_at"])
        transaction.on_commit(
            lambda r=registration: notifications.notify_reminder(r)  # type: ignore[misc]
        )
        event, count = reminded_events.get(registration.event_id, (registration.event, 0))
        reminded_events[registration.event_id] = (event, count + 1)
        sent += 1
    for event, count in reminded_events.values():
        do_record_audit_entry(
            AuditAction.EVENT_REMINDER_SENT,
            actor=None,
            coalition=event.coalition,
            target=event,
            detail={"registrations": count},
        )
    return sent


@transaction.atomic
def do_publish_event_report(
    actor: User,
    event: Event,
    *,
    summary: str,
    body: str,
    files: Sequence[CleanFile] = (),
    request: HttpRequest | None = None,
) -> KnowledgeItem:
    """Turn the report of a past event (text, photos, slides) into a knowledge item of kind
    "event report", linked from the event; public when the event was."""
    locked = _lock(event)
    if locked.report_item_id is not None:
        raise EventError(_("This event already has a report; edit it in the knowledge base."))
    if not locked.has_ended():
        raise EventError(_("A report can be added once the event is over."))
    organiser = locked.organisers.order_by("name").first()
    item = do_create_knowledge_item(
        actor,
        locked.coalition,
        request=request,
        kind=KnowledgeKind.EVENT_REPORT,
        themes=[],
        target_groups=[],
        title=_("Report: %(title)s") % {"title": locked.title},
        summary=summary,
        body=body,
        links="",
        author_organisation=organiser,
        published_on=timezone.localdate(),
        tags=_("event report"),
        visibility=Visibility.PUBLIC if locked.is_public() else Visibility.COALITION,
    )
    for upload in files:
        do_add_attachment(actor, item, upload, request=request)
    locked.report_item = item
    locked.save(update_fields=["report_item", "updated_at"])
    do_record_audit_entry(
        AuditAction.EVENT_REPORT_PUBLISHED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"knowledge_item": item.pk},
    )
    return item
