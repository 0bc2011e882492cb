from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core import signing
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.dashboard.actions import do_record_export
from weerbaar.events.access import access_event, access_event_for_management, get_visible_events
from weerbaar.events.actions import (
    FIELDS as EVENT_FIELDS,
)
from weerbaar.events.actions import (
    EventError,
    do_cancel_event,
    do_cancel_registration,
    do_confirm_registration,
    do_create_event,
    do_publish_event_report,
    do_record_attendance,
    do_register_member,
    do_register_visitor,
    do_update_event,
)
from weerbaar.events.choices import RegistrationStatus
from weerbaar.events.forms import EventForm, ReportForm, VisitorRegistrationForm, format_programme
from weerbaar.events.ical import get_feed_window_start, render_calendar
from weerbaar.events.models import Event, Registration
from weerbaar.events.tokens import (
    CONFIRM_SALT,
    ExpiredLink,
    InvalidLink,
    read_cancel_token,
    read_confirmation_token,
)
from weerbaar.lib.csv_export import csv_response
from weerbaar.partners.models import Partner

ATTENDANCE_VALUES: dict[str, bool | None] = {"yes": True, "no": False, "": None}


def _partners(coalition: Coalition) -> QuerySet[Partner]:
    return for_coalition(Partner.objects.all(), coalition).order_by("name")


def _own_registration(request: HttpRequest, event: Event) -> Registration | None:
    if getattr(request, "membership", None) is None:
        return None
    return event.registrations.active().filter(user=cast(User, request.user)).first()


@requires(Permission.VIEW_PUBLIC_PAGES)
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme: upcoming events by month, and the past year's."""
    now = timezone.now()
    events = get_visible_events(request)
    upcoming = list(events.upcoming(now).prefetch_related("organisers"))
    past = list(events.past(now).filter(starts_at__gte=get_feed_window_start())[:24])
    mine: dict[int, str] = {}
    if request.membership is not None:  # type: ignore[attr-defined]
        mine = dict(
            Registration.objects.active()
            .filter(user=cast(User, request.user), event__in=upcoming)
            .values_list("event_id", "status")
        )
    for event in upcoming:
        event.my_status = RegistrationStatus(mine[event.pk]).label if event.pk in mine else ""  # type: ignore[attr-defined]
    return render(
        request,
        "events/calendar.html",
        {
            "upcoming": upcoming,
            "past": past,
            "may_manage": _may_manage(request),
        },
    )


def _may_manage(request: HttpRequest) -> bool:
    membership = getattr(request, "membership", None)
    return membership is not None and role_may(Role(membership.role), Permission.MANAGE_EVENTS)


@requires(Permission.VIEW_PUBLIC_PAGES)
def event(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    found = access_event(request, event_id)
    return render(
        request,
        "events/event.html",
        {
            "event": found,
            "programme": list(found.programme.all()),
            "organisers": list(found.organisers.order_by("name")),
            "places_left": found.get_places_left(),
            "is_open": found.is_open_for_registration(),
            "own_registration": _own_registration(request, found),
            "is_member": request.membership is not None,  # type: ignore[attr-defined]
            "may_manage": _may_manage(request),
        },
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def register(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    """Members: one click (a POST from the event page). Visitors: a form for public events."""
    found = access_event(request, event_id)
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    if membership is not None:
        if request.method == "POST":
            try:
                registration = do_register_member(membership, found, request=request)
            except EventError as error:
                messages.error(request, str(error))
            else:
                if registration.status == RegistrationStatus.CONFIRMED:
                    messages.success(request, _("You are registered. We have sent you a mail."))
                else:
                    messages.warning(
                        request,
                        _(
                            "This event is full, so you are on the waiting list. If a place "
                            "becomes free, it is yours automatically and we will mail you."
                        ),
                    )
        return redirect("events:event", slug=slug, event_id=found.pk)

    if not found.is_public():
        raise Http404
    user = request.user
    initial: dict[str, Any] = {}
    if user.is_authenticated:
        initial = {"name": user.full_name, "email": user.email}
    form = VisitorRegistrationForm(request.POST or None, initial=initial)
    message = ""
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            # Dropped without a word, like the join form does.
            return render(request, "events/check_mail.html", {"event": found})
        try:
            do_register_visitor(
                found,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                actor=user if user.is_authenticated else None,
                request=request,
            )
        except EventError as refusal:
            message = str(refusal)
        else:
            return render(request, "events/check_mail.html", {"event": found})
    return render(
        request,
        "events/register.html",
        {
            "event": found,
            "form": form,
            "error": message,
            "is_open": found.is_open_for_registration(),
        },
    )


def _registration_in_coalition(request: HttpRequest, registration_id: int) -> Registration:
    coalition = request.coalition  # type: ignore[attr-defined]
    return get_object_or_404(
        for_coalition(Registration.objects.all(), coalition).select_related("event__coalition"),
        pk=registration_id,
    )


def _link_problem(request: HttpRequest, message: str, event: Event | None) -> HttpResponse:
    return render(
        request, "events/link_problem.html", {"message": message, "event": event}, status=410
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The double opt-in: the link from the mail shows a button, which takes the place.

    A button rather than the link itself, so that mail scanners that open links do not
    confirm in the visitor's place.
    """
    try:
        registration = _registration_in_coalition(request, read_confirmation_token(token))
    except InvalidLink:
        raise Http404 from None
    except ExpiredLink:
        # The signature is genuine, only old: name the event so registering again is easy.
        registration_id = signing.loads(token, salt=CONFIRM_SALT)
        registration = _registration_in_coalition(request, registration_id)
        return _link_problem(
            request,
            _(
                "This confirmation link has expired. Register again with the same e-mail "
                "address; you will get a new link."
            ),
            registration.event,
        )
    if request.method == "POST":
        try:
            registration = do_confirm_registration(registration, request=request)
        except EventError as error:
            return _link_problem(request, str(error), registration.event)
    return render(
        request,
        "events/confirm.html",
        {"registration": registration, "event": registration.event, "token": token},
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def cancel_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The personal link in every registration mail: cancel without an account."""
    try:
        registration = _registration_in_coalition(request, read_cancel_token(token))
    except InvalidLink:
        raise Http404 from None
    return _cancel(request, registration, template_context={"token": token})


def _cancel(
    request: HttpRequest, registration: Registration, *, template_context: dict[str, Any]
) -> HttpResponse:
    message = ""
    if request.method == "POST" and registration.is_active():
        user = request.user
        try:
            registration = do_cancel_registration(
                user if user.is_authenticated else None, registration, request=request
            )
        except EventError as refusal:
            message = str(refusal)
    return render(
        request,
        "events/cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "error": message,
            **template_context,
        },
    )


@requires(Permission.REGISTER_FOR_EVENTS)
def cancel_own(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    """A member cancels through their account."""
    found = access_event(request, event_id)
    registration = _own_registration(request, found)
    if registration is None:
        if request.method == "POST":
            messages.info(request, _("You were not registered for this event."))
        return redirect("events:event", slug=slug, event_id=found.pk)
    return _cancel(request, registration, template_context={})


@requires(Permission.VIEW_PUBLIC_PAGES)
def event_ics(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    found = access_event(request, event_id)
    response = HttpResponse(
        render_calendar(found.coalition, [found], name=found.title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="evenement-{found.pk}.ics"'
    return response


@requires(Permission.VIEW_PUBLIC_PAGES)
def feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The coalition's public programme as a feed calendar programs subscribe to (they do not
    log in, so it holds public events only)."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    events = (
        for_coalition(Event.objects.all(), coalition)
        .public()
        .filter(starts_at__gte=get_feed_window_start())
        .select_related("coalition")
    )
    return HttpResponse(
        render_calendar(coalition, events, name=coalition.name),
        content_type="text/calendar; charset=utf-8",
    )


def _event_initial(found: Event) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(found, name) for name in EVENT_FIELDS}
    for name in ("starts_at", "ends_at", "registration_deadline"):
        if initial[name] is not None:
            initial[name] = timezone.localtime(initial[name])
    initial["organisers"] = list(found.organisers.values_list("pk", flat=True))
    initial["programme"] = format_programme(found.programme.all())
    return initial


@requires(Permission.MANAGE_EVENTS)
def create_event(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = EventForm(request.POST or None, partners=_partners(coalition))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = do_create_event(
            cast(User, request.user),
            coalition,
            organisers=data["organisers"],
            programme=data["programme"],
            request=request,
            **{name: data[name] for name in EVENT_FIELDS},
        )
        messages.success(request, _("The event has been added."))
        return redirect("events:event", slug=slug, event_id=created.pk)
    return render(request, "events/edit_event.html", {"form": form, "event": None})


@requires(Permission.MANAGE_EVENTS)
def edit_event(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = access_event_for_management(request, event_id)
    form = EventForm(
        request.POST or None,
        partners=_partners(coalition),
        initial=_event_initial(found),
        confirmed=found.count_confirmed(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_update_event(
                cast(User, request.user),
                found,
                organisers=data["organisers"],
                programme=data["programme"],
                request=request,
                **{name: data[name] for name in EVENT_FIELDS},
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event has been saved."))
            return redirect("events:event", slug=slug, event_id=found.pk)
    return render(request, "events/edit_event.html", {"form": form, "event": found})


@requires(Permission.MANAGE_EVENTS)
def cancel_event(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    found = access_event_for_management(request, event_id)
    if request.method == "POST":
        do_cancel_event(cast(User, request.user), found, request=request)
        messages.success(
            request, _("The event has been cancelled; everyone registered gets a mail.")
        )
        return redirect("events:event", slug=slug, event_id=found.pk)
    return render(
        request,
        "events/cancel_event.html",
        {"event": found, "registered": found.registrations.active().count()},
    )


@requires(Permission.MANAGE_EVENTS)
def attendees(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    """Everyone registered, the waiting list, and afterwards: who came."""
    found = access_event_for_management(request, event_id)
    if request.method == "POST":
        marks = {
            registration.pk: ATTENDANCE_VALUES.get(
                request.POST.get(f"attended_{registration.pk}", "")
            )
            for registration in found.registrations.confirmed()
        }
        count = do_record_attendance(cast(User, request.user), found, marks, request=request)
        messages.success(
            request, _("Attendance has been saved (%(count)d changed).") % {"count": count}
        )
        return redirect("events:attendees", slug=slug, event_id=found.pk)
    registrations = list(found.registrations.all().order_by("status", "created_at", "pk"))
    return render(
        request,
        "events/attendees.html",
        {
            "event": found,
            "confirmed": [r for r in registrations if r.status == RegistrationStatus.CONFIRMED],
            "waitlisted": list(found.registrations.waitlisted()),
            "pending": [r for r in registrations if r.status == RegistrationStatus.PENDING],
            "cancelled": [r for r in registrations if r.status == RegistrationStatus.CANCELLED],
            "has_started": found.starts_at <= timezone.now(),
        },
    )


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _("yes") if value else _("no")


@requires(Permission.MANAGE_EVENTS)
def export_attendees(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    found = access_event_for_management(request, event_id)
    rows = [
        [
            r.name,
            r.email,
            r.organisation,
            str(r.get_status_display()),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            _yes_no(r.attended),
        ]
        for r in found.registrations.active().order_by("status", "created_at", "pk")
    ]
    do_record_export(
        cast(User, request.user), found.coalition, "event_attendees", len(rows), request=request
    )
    return csv_response(
        f"deelnemers-{found.pk}.csv",
        [
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("Status"),
            _("Registered on"),
            _("Attended"),
        ],
        rows,
    )


@requires(Permission.MANAGE_EVENTS)
def report(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    """The report afterwards becomes a knowledge item of kind "event report"."""
    found = access_event_for_management(request, event_id)
    if found.report_item_id is not None:
        return redirect("knowledge:item", slug=slug, item_id=found.report_item_id)
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = do_publish_event_report(
                cast(User, request.user),
                found,
                summary=form.cleaned_data["summary"],
                body=form.cleaned_data["body"],
                files=form.get_files(),
                request=request,
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The report has been added to the knowledge base."))
            return redirect("knowledge:item", slug=slug, item_id=item.pk)
    return render(
        request, "events/report.html", {"event": found, "form": form, "is_over": found.has_ended()}
    )
