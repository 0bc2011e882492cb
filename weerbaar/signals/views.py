"""Intake, "my signals", the triage queue and the analyst's signal page.

Views that receive free text are wrapped in ``sensitive_post_parameters``, so Django's error
reports never contain it; forms redact it before anything else (``forms.RedactedTextField``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Min, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from weerbaar.accounts.access import deny_access, requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Area, Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.signals import analysis
from weerbaar.signals.actions import (
    do_add_signal_note,
    do_assign_signal,
    do_change_signal_status,
    do_confirm_themes,
    do_decide_similar,
    do_record_signal_reads,
    do_report_signal,
    do_set_follow_up,
    do_train_theme_model,
)
from weerbaar.signals.choices import SignalStatus, Urgency
from weerbaar.signals.forms import (
    AssignForm,
    FollowUpForm,
    ImportForm,
    NoteForm,
    PreviewForm,
    QueueFilterForm,
    SignalForm,
    StatusForm,
    ThemesForm,
    keep_area_names,
)
from weerbaar.signals.imports import ImportFileError, ImportReport, do_import_signals
from weerbaar.signals.models import Cluster, Signal
from weerbaar.signals.querysets import SignalQuerySet
from weerbaar.signals.redaction import count_replaced, get_kept_names, redact_for
from weerbaar.signals.workflow import TransitionError, next_statuses

FREE_TEXT_FIELDS = ("text", "actions_taken", "note", "follow_up")


def _coalition(request: HttpRequest) -> Coalition:
    return cast(Coalition, request.coalition)  # type: ignore[attr-defined]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _areas(coalition: Coalition) -> QuerySet[Area]:
    return for_coalition(Area.objects.all(), coalition)


def _signals(coalition: Coalition) -> SignalQuerySet:
    return for_coalition(Signal.objects.all(), coalition).select_related(
        "area", "assigned_to", "organisation", "coalition"
    )


@sensitive_variables()
def _redacted_data(coalition: Coalition, data: QueryDict, **extra: str) -> QueryDict:
    """A copy of the posted data with every free text redacted, to render back."""
    copy = data.copy()
    for name in FREE_TEXT_FIELDS:
        if name in copy:
            copy[name] = redact_for(coalition, str(copy[name])[:20_000])
    for name, value in extra.items():
        copy[name] = value
    return copy


@requires(Permission.REPORT_SIGNAL)
def home(request: HttpRequest, slug: str) -> HttpResponse:
    """The reporter's own signals with their status, and the way in for analysts."""
    coalition = _coalition(request)
    membership: Membership = request.membership  # type: ignore[attr-defined]
    mine = _signals(coalition).filter(reporter=_user(request))
    page = Paginator(mine, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "signals/home.html",
        {
            "page": page,
            "may_triage": role_may(Role(membership.role), Permission.TRIAGE_SIGNALS),
            "may_import": role_may(Role(membership.role), Permission.IMPORT_SIGNALS),
        },
    )


@sensitive_post_parameters(*FREE_TEXT_FIELDS)
@requires(Permission.REPORT_SIGNAL)
@sensitive_variables()
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """Two steps: fill in, then check the redacted text and confirm. The confirm step posts
    the redacted text back; it is redacted again, and when that changes anything (the
    reporter typed new personal data) the check step comes back instead of saving."""
    coalition = _coalition(request)
    areas = _areas(coalition)
    if request.method != "POST":
        return render(request, "signals/report.html", {"form": SignalForm(areas=areas)})
    form = SignalForm(request.POST, areas=areas)
    if not form.is_valid():
        shown = SignalForm(_redacted_data(_coalition(request), request.POST), areas=areas)
        shown.is_valid()  # the same messages, about the redacted text
        return render(request, "signals/report.html", {"form": shown})
    data = form.cleaned_data
    unchanged = all(
        data[name] == request.POST.get(name, "").strip() for name in ("text", "actions_taken")
    )
    if request.POST.get("step") == "confirm" and unchanged:
        membership: Membership = request.membership  # type: ignore[attr-defined]
        created = do_report_signal(
            _user(request),
            coalition,
            organisation=membership.organisation,
            request=request,
            **data,
        )
        messages.success(request, _("Thank you. Your signal has been saved."))
        return redirect("signals:my_signal", slug=slug, signal_id=created.pk)
    confirm = SignalForm(
        _redacted_data(_coalition(request), request.POST, step="confirm"), areas=areas, initial=data
    )
    return render(
        request,
        "signals/report.html",
        {
            "form": confirm,
            "confirming": True,
            "changed_again": request.POST.get("step") == "confirm",
            "is_acute": data["urgency"] == Urgency.ACUTE,
            "redacted_text": data["text"],
        },
    )


@sensitive_post_parameters(*FREE_TEXT_FIELDS)
@requires(Permission.REPORT_SIGNAL)
@require_POST
@sensitive_variables()
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The live preview (htmx): the text as it will be stored, and what was taken out."""
    form = PreviewForm(request.POST)
    keep_area_names(form, _areas(_coalition(request)))
    text = form.cleaned_data["text"] if form.is_valid() else ""
    removed = count_replaced(
        request.POST.get("text", "")[:20_000], get_kept_names(_coalition(request))
    )
    return render(
        request,
        "signals/_preview.html",
        {"redacted_text": text, "removed": sorted(removed.items())},
    )


@requires(Permission.REPORT_SIGNAL)
def my_signal(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    """A reporter's own signal: what was stored, its status and the feedback given."""
    coalition = _coalition(request)
    found = get_object_or_404(_signals(coalition), pk=signal_id)
    if found.reporter_id != request.user.pk:
        deny_access(request, Permission.REPORT_SIGNAL, target=found)
    do_record_signal_reads(_user(request), coalition, [found], request=request)
    return render(
        request,
        "signals/my_signal.html",
        {"signal": found, "feedback": found.events.filter(is_feedback=True)},
    )


def _filtered_queue(
    request: HttpRequest, coalition: Coalition, form: QueueFilterForm
) -> SignalQuerySet:
    rows = _signals(coalition)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    status = data.get("status", "")
    if status == "":
        rows = rows.open()
    elif status != "all":
        rows = rows.filter(status=status)
    if data.get("urgency"):
        rows = rows.filter(urgency=data["urgency"])
    if data.get("area"):
        rows = rows.filter(area=data["area"])
    if data.get("assigned") == "me":
        rows = rows.filter(assigned_to=_user(request))
    elif data.get("assigned") == "nobody":
        rows = rows.filter(assigned_to__isnull=True)
    if data.get("overdue"):
        rows = rows.overdue()
    if data.get("theme"):
        # JSON lists cannot be searched the same way on SQLite and PostgreSQL; filter ids.
        theme = data["theme"]
        ids = [
            pk
            for pk, themes, suggested in rows.values_list("pk", "themes", "suggested_themes")
            if theme in themes or (not themes and suggested and suggested[0][0] == theme)
        ]
        rows = rows.filter(pk__in=ids)
    return rows


def _largest_clusters(coalition: Coalition, limit: int = 8) -> QuerySet[Cluster]:
    """The biggest clusters with a signal in the clustering window: the current waves."""
    since = timezone.now() - datetime.timedelta(days=settings.SIGNAL_CLUSTER_WINDOW_DAYS)
    return (
        for_coalition(Cluster.objects.all(), coalition)
        .annotate(
            size=Count("signals"), first=Min("signals__created_at"), last=Max("signals__created_at")
        )
        .filter(size__gte=2, last__gte=since)
        .order_by("-size", "-last")[:limit]
    )


@requires(Permission.TRIAGE_SIGNALS)
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    """The analysts' queue: open signals, most urgent deadline first, with counts."""
    coalition = _coalition(request)
    form = QueueFilterForm(request.GET or None, areas=_areas(coalition))
    # Signals without a deadline (information) after those with one.
    rows = _filtered_queue(request, coalition, form).order_by(
        F("deadline").asc(nulls_last=True), "-created_at"
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    do_record_signal_reads(_user(request), coalition, page.object_list, request=request)
    all_rows = for_coalition(Signal.objects.all(), coalition)
    counts = dict(all_rows.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    status_counts = [(s.label, counts.get(s.value, 0)) for s in SignalStatus]
    context = {
        "form": form,
        "page": page,
        "status_counts": status_counts,
        "overdue_count": all_rows.overdue().count(),
        "unassigned_count": all_rows.open().filter(assigned_to__isnull=True).count(),
        "clusters": _largest_clusters(coalition),
        "today": timezone.localdate(),
    }
    template = "signals/_queue_results.html" if request.htmx else "signals/queue.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _access_signal(request: HttpRequest, signal_id: int) -> Signal:
    return get_object_or_404(_signals(_coalition(request)), pk=signal_id)


def _analysts(coalition: Coalition) -> QuerySet[User]:
    return User.objects.filter(
        memberships__coalition=coalition,
        memberships__role__in=[Role.ANALYST, Role.COORDINATOR],
    ).order_by("full_name", "email")


def _signal_page(
    request: HttpRequest, found: Signal, *, status_form: StatusForm | None = None, **forms: Any
) -> HttpResponse:
    coalition = _coalition(request)
    do_record_signal_reads(_user(request), coalition, [found], request=request)
    statuses = next_statuses(SignalStatus(found.status))
    initial_themes = found.themes or (
        [found.suggested_themes[0][0]] if analysis.is_confident(found) else []
    )
    context = {
        "signal": found,
        "events": found.events.select_related("actor"),
        "confident": analysis.is_confident(found),
        "status_form": status_form
        or StatusForm(statuses=statuses, initial={"expected": found.status}),
        "assign_form": forms.get("assign_form")
        or AssignForm(analysts=_analysts(coalition), initial={"assigned_to": found.assigned_to_id}),
        "themes_form": forms.get("themes_form") or ThemesForm(initial={"themes": initial_themes}),
        "note_form": forms.get("note_form") or NoteForm(),
        "follow_up_form": forms.get("follow_up_form")
        or FollowUpForm(initial={"follow_up": found.follow_up}),
        "similar": found.similar_to,
        "error": forms.get("error", ""),
    }
    return render(request, "signals/signal.html", context)


@requires(Permission.TRIAGE_SIGNALS)
def signal(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    return _signal_page(request, _access_signal(request, signal_id))


@sensitive_post_parameters(*FREE_TEXT_FIELDS)
@requires(Permission.TRIAGE_SIGNALS)
@sensitive_variables()
def change_status(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    if request.method != "POST":
        return redirect(found.get_absolute_url())
    form = StatusForm(request.POST, statuses=list(SignalStatus))
    keep_area_names(form, _areas(_coalition(request)))
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_change_signal_status(
                _user(request),
                found,
                SignalStatus(data["status"]),
                expected=SignalStatus(data["expected"]),
                note=data["note"],
                is_feedback=data["is_feedback"],
                request=request,
            )
        except TransitionError as error:
            found.refresh_from_db()
            return _signal_page(request, found, error=str(error))
        messages.success(request, _("The status has been changed."))
        return redirect(found.get_absolute_url())
    shown = StatusForm(
        _redacted_data(_coalition(request), request.POST),
        statuses=next_statuses(SignalStatus(found.status)),
    )
    shown.is_valid()  # the same messages, about the redacted text
    return _signal_page(request, found, status_form=shown)


@requires(Permission.TRIAGE_SIGNALS)
@require_POST
def assign(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    form = AssignForm(request.POST, analysts=_analysts(_coalition(request)))
    if not form.is_valid():
        return _signal_page(request, found, assign_form=form)
    do_assign_signal(_user(request), found, form.cleaned_data["assigned_to"], request=request)
    messages.success(request, _("The signal has been assigned."))
    return redirect(found.get_absolute_url())


@requires(Permission.TRIAGE_SIGNALS)
@require_POST
def themes(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    form = ThemesForm(request.POST)
    if not form.is_valid():
        return _signal_page(request, found, themes_form=form)
    do_confirm_themes(_user(request), found, form.cleaned_data["themes"], request=request)
    messages.success(request, _("The themes have been saved."))
    return redirect(found.get_absolute_url())


@sensitive_post_parameters(*FREE_TEXT_FIELDS)
@requires(Permission.TRIAGE_SIGNALS)
@require_POST
@sensitive_variables()
def note(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    form = NoteForm(request.POST)
    keep_area_names(form, _areas(_coalition(request)))
    if not form.is_valid():
        shown = NoteForm(_redacted_data(_coalition(request), request.POST))
        shown.is_valid()  # the same messages, about the redacted text
        return _signal_page(request, found, note_form=shown)
    data = form.cleaned_data
    do_add_signal_note(
        _user(request), found, data["note"], is_feedback=data["is_feedback"], request=request
    )
    messages.success(request, _("The note has been added."))
    return redirect(found.get_absolute_url())


@sensitive_post_parameters(*FREE_TEXT_FIELDS)
@requires(Permission.TRIAGE_SIGNALS)
@require_POST
@sensitive_variables()
def follow_up(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    form = FollowUpForm(request.POST)
    keep_area_names(form, _areas(_coalition(request)))
    if not form.is_valid():
        shown = FollowUpForm(_redacted_data(_coalition(request), request.POST))
        shown.is_valid()  # the same messages, about the redacted text
        return _signal_page(request, found, follow_up_form=shown)
    do_set_follow_up(_user(request), found, form.cleaned_data["follow_up"], request=request)
    messages.success(request, _("The follow-up has been saved."))
    return redirect(found.get_absolute_url())


@requires(Permission.TRIAGE_SIGNALS)
@require_POST
def similar(request: HttpRequest, slug: str, signal_id: int) -> HttpResponse:
    found = _access_signal(request, signal_id)
    try:
        do_decide_similar(
            _user(request), found, accept=request.POST.get("decision") == "accept", request=request
        )
    except TransitionError:
        found.refresh_from_db()
        return _signal_page(
            request, found, error=_("This suggestion has already been handled; nothing changed.")
        )
    messages.success(request, _("Your decision has been saved."))
    return redirect(found.get_absolute_url())


@requires(Permission.TRIAGE_SIGNALS)
def cluster(request: HttpRequest, slug: str, cluster_id: int) -> HttpResponse:
    """What the signals of one cluster have in common, and their timeline."""
    coalition = _coalition(request)
    found = get_object_or_404(for_coalition(Cluster.objects.all(), coalition), pk=cluster_id)
    members = list(_signals(coalition).filter(cluster=found).order_by("created_at"))
    do_record_signal_reads(_user(request), coalition, members, request=request)
    organisations = {s.organisation_id or f"reporter-{s.reporter_id}" for s in members}
    theme_counts = Counter(
        t for s in members for t in (s.themes or [p[0] for p in s.suggested_themes[:1]])
    )
    platform_counts = Counter(p for s in members for p in s.get_platform_labels())
    area_counts = Counter(s.area.name for s in members if s.area)
    return render(
        request,
        "signals/cluster.html",
        {
            "cluster": found,
            "members": members,
            "organisation_count": len(organisations),
            "since": members[0].created_at if members else None,
            "themes": [(Theme(t).label, n) for t, n in theme_counts.most_common()],
            "platforms": platform_counts.most_common(),
            "areas": area_counts.most_common(),
        },
    )


@requires(Permission.IMPORT_SIGNALS)
def import_signals(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report: ImportReport | None = None
    error = ""
    if request.method == "POST" and form.is_valid():
        membership: Membership = request.membership  # type: ignore[attr-defined]
        try:
            report = do_import_signals(
                _user(request),
                coalition,
                form.cleaned_data["file"].read(),
                organisation=membership.organisation,
                check_only=form.cleaned_data["check_only"],
                request=request,
            )
        except ImportFileError as problem:
            error = str(problem)
    return render(request, "signals/import.html", {"form": form, "report": report, "error": error})


@requires(Permission.VIEW_THEME_MODEL_CARD)
def model_card(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    current = analysis.get_current_model(coalition)
    rows: list[dict[str, Any]] = []
    confusion: list[tuple[str, list[int]]] = []
    labels: list[str] = []
    if current is not None:
        evaluation = current.evaluation
        labels = [str(Theme(v).label) if v in Theme.values else v for v in evaluation["labels"]]
        for value, label in zip(evaluation["labels"], labels, strict=True):
            precision, recall, f1 = evaluation["per_label"].get(value, (0, 0, 0))
            size = current.training_size.get(value, {})
            rows.append(
                {
                    "label": label,
                    "seed": size.get("seed", 0),
                    "own": size.get("own", 0),
                    "precision": round(precision * 100),
                    "recall": round(recall * 100),
                    "f1": round(f1 * 100),
                }
            )
        confusion = list(zip(labels, evaluation["confusion"], strict=True))
    membership: Membership = request.membership  # type: ignore[attr-defined]
    return render(
        request,
        "signals/model_card.html",
        {
            "model": current,
            "rows": rows,
            "labels": labels,
            "confusion": confusion,
            "macro_f1": round(current.evaluation.get("macro_f1", 0) * 100) if current else None,
            "may_train": role_may(Role(membership.role), Permission.TRIAGE_SIGNALS),
        },
    )


@requires(Permission.TRIAGE_SIGNALS)
@require_POST
def train_model(request: HttpRequest, slug: str) -> HttpResponse:
    do_train_theme_model(_user(request), _coalition(request))
    messages.success(request, _("The theme model has been trained again."))
    return redirect("signals:model_card", slug=slug)
