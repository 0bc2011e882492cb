from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from weerbaar.accounts.access import requires
from weerbaar.accounts.models import User
from weerbaar.accounts.policy import Permission
from weerbaar.blueprint.actions import (
    BlueprintError,
    do_add_plan_task,
    do_approve_blueprint,
    do_attach_blueprint,
    do_invite_interested_organisations,
    do_reject_blueprint,
    do_save_blueprint_step,
    do_save_maturity_scan,
    do_start_blueprint,
    do_submit_blueprint,
    do_update_plan_task,
    get_blueprint_by_token,
    get_missing_steps,
)
from weerbaar.blueprint.catalogue import find_interventions
from weerbaar.blueprint.choices import Dimension, Level, Phase, RequestStatus, TaskStatus
from weerbaar.blueprint.forms import (
    STEP_FORMS,
    ApproveForm,
    AttachForm,
    NewTaskForm,
    RejectForm,
    StepForm,
    SubmitForm,
    TaskForm,
    get_maturity_scan_form,
)
from weerbaar.blueprint.maturity import (
    Facts,
    describe_facts,
    get_aggregate,
    get_facts,
    get_next_steps,
    suggest_levels,
)
from weerbaar.blueprint.models import BlueprintRequest, MaturityScan, PlanTask
from weerbaar.blueprint.progress import get_phase_progress
from weerbaar.blueprint.regions import get_coalitions_for_region
from weerbaar.blueprint.rules import STEPS, make_plan
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.views import is_pdf_available, refuse_fetch
from weerbaar.dashboard.actions import do_record_export

SESSION_TOKEN = "blueprint_token"  # noqa: S105  # a session key, not a secret
SESSION_DRAFTS = "blueprint_drafts"


# The wizard (public)


def _session_blueprint(request: HttpRequest) -> tuple[BlueprintRequest | None, str]:
    token = request.session.get(SESSION_TOKEN, "")
    blueprint = get_blueprint_by_token(token) if token else None
    return blueprint, token


def _private_link(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("blueprint:resume", kwargs={"token": token}))


def _steps(blueprint: BlueprintRequest) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "number": number,
            "title": STEP_FORMS[key].title,
            "answered": key in blueprint.answers,
        }
        for number, key in enumerate(STEPS, start=1)
    ]


def _gone(request: HttpRequest, message: str) -> HttpResponse:
    request.session.pop(SESSION_TOKEN, None)
    return render(request, "blueprint/gone.html", {"message": message}, status=410)


@requires(Permission.USE_BLUEPRINT)
def start(request: HttpRequest) -> HttpResponse:
    """What the blueprint is; starting makes a new private link."""
    blueprint, _token = _session_blueprint(request)
    if request.method == "POST":
        blueprint, token = do_start_blueprint()
        request.session[SESSION_TOKEN] = token
        request.session.pop(SESSION_DRAFTS, None)
        return redirect("blueprint:step", step=STEPS[0])
    return render(request, "blueprint/start.html", {"current": blueprint})


@requires(Permission.USE_BLUEPRINT)
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: puts the answers back in this browser's session."""
    blueprint = get_blueprint_by_token(token)
    if blueprint is None:
        return render(request, "blueprint/unknown_link.html", status=404)
    if blueprint.is_expired():
        return _gone(
            request, _("This link has expired. Start again; your earlier answers were not kept.")
        )
    request.session[SESSION_TOKEN] = token
    request.session.pop(SESSION_DRAFTS, None)
    if blueprint.is_editable():
        unanswered = [step for step in STEPS if step not in blueprint.answers]
        if unanswered:
            messages.info(request, _("Welcome back: your answers have been kept."))
            return redirect("blueprint:step", step=unanswered[0])
    return redirect("blueprint:plan")


def _load_step_form(request: HttpRequest, blueprint: BlueprintRequest, step: str) -> StepForm:
    form_class = STEP_FORMS[step]
    drafts = request.session.get(SESSION_DRAFTS, {})
    if step in drafts:
        # Input that did not validate when the visitor went back; show it again as typed.
        return form_class(_as_querydict(drafts[step]))
    return form_class(initial=form_class.initial_from_json(blueprint.answers.get(step, {})))


def _as_querydict(data: dict[str, list[str]]) -> Any:
    from django.http import QueryDict

    result = QueryDict(mutable=True)
    for key, values in data.items():
        result.setlist(key, values)
    return result


@requires(Permission.USE_BLUEPRINT)
def step(request: HttpRequest, step: str) -> HttpResponse:
    if step not in STEP_FORMS:
        return render(request, "blueprint/unknown_link.html", status=404)
    blueprint, token = _session_blueprint(request)
    if blueprint is None:
        messages.info(request, _("Start the blueprint here, or open your private link."))
        return redirect("blueprint:start")
    if blueprint.is_expired():
        return _gone(
            request, _("This link has expired. Start again; your earlier answers were not kept.")
        )
    if not blueprint.is_editable():
        messages.info(
            request,
            _("These answers have been sent to the platform and can no longer be changed."),
        )
        return redirect("blueprint:plan")
    index = STEPS.index(step)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    form: StepForm
    if request.method == "POST":
        action = request.POST.get("action", "next")
        form = STEP_FORMS[step](request.POST)
        drafts: dict[str, Any] = request.session.get(SESSION_DRAFTS, {})
        if action == "skip":
            drafts.pop(step, None)
            request.session[SESSION_DRAFTS] = drafts
            return redirect(_step_target(following))
        if form.is_valid():
            try:
                do_save_blueprint_step(blueprint, step, form.to_json())
            except BlueprintError as error:
                messages.error(request, str(error))
                return redirect("blueprint:plan")
            drafts.pop(step, None)
            request.session[SESSION_DRAFTS] = drafts
            return redirect(_step_target(previous if action == "back" else following))
        if action == "back" and previous is not None:
            drafts[step] = {key: request.POST.getlist(key) for key in form.fields}
            request.session[SESSION_DRAFTS] = drafts
            messages.warning(
                request,
                _(
                    "Not everything on the previous step was filled in correctly; it is kept "
                    "as you typed it, so you can fix it later."
                ),
            )
            return redirect("blueprint:step", step=previous)
    else:
        form = _load_step_form(request, blueprint, step)
    existing: list[Coalition] = []
    if step == "region":
        names = blueprint.get_answers().municipalities
        existing = get_coalitions_for_region(names)
    return render(
        request,
        "blueprint/step.html",
        {
            "form": form,
            "step": step,
            "number": index + 1,
            "total": len(STEPS),
            "steps": _steps(blueprint),
            "previous": previous,
            "following": following,
            "private_link": _private_link(request, token),
            "existing_coalitions": existing,
        },
    )


def _step_target(step_key: str | None) -> str:
    if step_key is None:
        return reverse("blueprint:plan")
    return reverse("blueprint:step", kwargs={"step": step_key})


def _plan_context(
    blueprint: BlueprintRequest, coalition: Coalition | None = None
) -> dict[str, Any]:
    answers = blueprint.get_answers()
    plan = make_plan(answers, timezone.localdate())
    return {
        "blueprint": blueprint,
        "answers": answers,
        "plan": plan,
        "interventions": find_interventions(plan.themes, coalition),
        "existing_coalitions": get_coalitions_for_region(answers.municipalities),
        "skipped_steps": [s for s in _steps(blueprint) if not s["answered"]],
        "missing_steps": get_missing_steps(blueprint),
    }


@requires(Permission.USE_BLUEPRINT)
def plan(request: HttpRequest) -> HttpResponse:
    blueprint, token = _session_blueprint(request)
    if blueprint is None:
        messages.info(request, _("Start the blueprint here, or open your private link."))
        return redirect("blueprint:start")
    if blueprint.is_expired():
        return _gone(
            request, _("This link has expired. Start again; your earlier answers were not kept.")
        )
    context = _plan_context(blueprint)
    context.update(
        {
            "private_link": _private_link(request, token),
            "steps": _steps(blueprint),
            "submit_form": SubmitForm() if blueprint.is_editable() else None,
        }
    )
    return render(request, "blueprint/plan.html", context)


@requires(Permission.USE_BLUEPRINT)
def plan_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The tailored plan as a file to share with partners: HTML, or PDF where possible."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    blueprint, _token = _session_blueprint(request)
    if blueprint is None or blueprint.is_expired():
        messages.info(request, _("Start the blueprint here, or open your private link."))
        return redirect("blueprint:start")
    if fmt == "pdf" and not is_pdf_available():
        _no_pdf(request)
        return redirect("blueprint:plan")
    context = _plan_context(blueprint)
    html = render_to_string("blueprint/plan_download.html", context, request)
    if fmt == "pdf":
        import weasyprint

        pdf = weasyprint.HTML(string=html, url_fetcher=refuse_fetch).write_pdf(
            pdf_variant="pdf/ua-1"
        )
        response = HttpResponse(pdf, content_type="application/pdf")
    else:
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-op-maat.{fmt}"'
    return response


@requires(Permission.USE_BLUEPRINT)
@require_POST
def submit(request: HttpRequest) -> HttpResponse:
    blueprint, token = _session_blueprint(request)
    if blueprint is None:
        messages.info(request, _("Start the blueprint here, or open your private link."))
        return redirect("blueprint:start")
    form = SubmitForm(request.POST)
    if form.is_valid():
        try:
            do_submit_blueprint(blueprint, request=request, **form.cleaned_data)
        except BlueprintError as error:
            messages.error(request, str(error))
            return redirect("blueprint:plan")
        messages.success(
            request,
            _(
                "Thank you. The platform will look at your request; keep your private link to "
                "follow it."
            ),
        )
        return redirect("blueprint:plan")
    context = _plan_context(blueprint)
    context.update(
        {
            "private_link": _private_link(request, token),
            "steps": _steps(blueprint),
            "submit_form": form,
        }
    )
    return render(request, "blueprint/plan.html", context)


# The platform admin's review


@requires(Permission.REVIEW_BLUEPRINT_REQUESTS)
def requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "blueprint/requests.html",
        {
            "submitted": BlueprintRequest.objects.submitted(),
            "handled": BlueprintRequest.objects.handled().select_related("coalition")[:50],
        },
    )


def _review(
    request: HttpRequest,
    blueprint: BlueprintRequest,
    approve_form: ApproveForm | None = None,
    reject_form: RejectForm | None = None,
    attach_form: AttachForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _plan_context(blueprint)
    if attach_form is None:
        matches = context["existing_coalitions"]
        attach_form = AttachForm(initial={"coalition": matches[0].pk if matches else None})
    context["attach_form"] = attach_form
    answers = context["answers"]
    if approve_form is None:
        from django.utils.text import slugify

        name = answers.coalition_name or _("Online Coalition %(region)s") % {
            "region": ", ".join(answers.municipalities)
        }
        approve_form = ApproveForm(initial={"name": name, "slug": slugify(name)[:50]})
    context.update({"approve_form": approve_form, "reject_form": reject_form or RejectForm()})
    return render(request, "blueprint/review.html", context, status=status)


@requires(Permission.REVIEW_BLUEPRINT_REQUESTS)
def review(request: HttpRequest, request_id: int) -> HttpResponse:
    blueprint = get_object_or_404(
        BlueprintRequest.objects.exclude(status=RequestStatus.DRAFT), pk=request_id
    )
    return _review(request, blueprint)


@requires(Permission.REVIEW_BLUEPRINT_REQUESTS)
@require_POST
def approve(request: HttpRequest, request_id: int) -> HttpResponse:
    blueprint = get_object_or_404(
        BlueprintRequest.objects.exclude(status=RequestStatus.DRAFT), pk=request_id
    )
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return _review(request, blueprint, approve_form=form)
    try:
        coalition = do_approve_blueprint(
            cast(User, request.user), blueprint, request=request, **form.cleaned_data
        )
    except BlueprintError as error:
        messages.error(request, str(error))
        return redirect("blueprint:review", request_id=request_id)
    except IntegrityError:
        # Another admin took the address between the form's check and the insert.
        form.add_error("slug", _("Another coalition already has this web address."))
        return _review(request, blueprint, approve_form=form)
    messages.success(
        request,
        _("%(name)s has been created and its coordinator has been invited.")
        % {"name": coalition.name},
    )
    return redirect("blueprint:requests")


@requires(Permission.REVIEW_BLUEPRINT_REQUESTS)
@require_POST
def attach(request: HttpRequest, request_id: int) -> HttpResponse:
    blueprint = get_object_or_404(
        BlueprintRequest.objects.exclude(status=RequestStatus.DRAFT), pk=request_id
    )
    form = AttachForm(request.POST)
    if not form.is_valid():
        return _review(request, blueprint, attach_form=form)
    try:
        coalition = do_attach_blueprint(
            cast(User, request.user), blueprint, form.cleaned_data["coalition"], request=request
        )
    except BlueprintError as error:
        messages.error(request, str(error))
        return redirect("blueprint:review", request_id=request_id)
    messages.success(
        request,
        _("The plan's tasks have been added to the checklist of %(name)s.")
        % {"name": coalition.name},
    )
    return redirect("blueprint:requests")


@requires(Permission.REVIEW_BLUEPRINT_REQUESTS)
@require_POST
def reject(request: HttpRequest, request_id: int) -> HttpResponse:
    blueprint = get_object_or_404(
        BlueprintRequest.objects.exclude(status=RequestStatus.DRAFT), pk=request_id
    )
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _review(request, blueprint, reject_form=form)
    try:
        do_reject_blueprint(
            cast(User, request.user), blueprint, request=request, **form.cleaned_data
        )
    except BlueprintError as error:
        messages.error(request, str(error))
        return redirect("blueprint:review", request_id=request_id)
    messages.success(request, _("The request has been turned down."))
    return redirect("blueprint:requests")


# The coordinator's checklist


@requires(Permission.MANAGE_PLAN)
def checklist(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    tasks = list(for_coalition(PlanTask.objects.all(), coalition))
    blueprint = BlueprintRequest.objects.filter(coalition=coalition).first()
    return render(
        request,
        "blueprint/checklist.html",
        {
            "phases": get_phase_progress(tasks, timezone.localdate()),
            "blueprint": blueprint,
            "organisations": blueprint.get_answers().organisations if blueprint else (),
            "interventions": find_interventions(coalition.themes, coalition),
            "done_status": TaskStatus.DONE,
        },
    )


def _task(coalition: Coalition, task_id: int) -> PlanTask:
    return get_object_or_404(for_coalition(PlanTask.objects.all(), coalition), pk=task_id)


@requires(Permission.MANAGE_PLAN)
def edit_task(request: HttpRequest, slug: str, task_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    task = _task(coalition, task_id)
    initial = {"status": task.status, "owner": task.owner, "due_date": task.due_date}
    form = TaskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        do_update_plan_task(cast(User, request.user), task, request=request, **form.cleaned_data)
        messages.success(request, _("The task has been saved."))
        return redirect(reverse("blueprint:checklist", kwargs={"slug": slug}) + f"#task-{task.pk}")
    return render(request, "blueprint/edit_task.html", {"form": form, "task": task})


@requires(Permission.MANAGE_PLAN)
@require_POST
def complete_task(request: HttpRequest, slug: str, task_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    task = _task(coalition, task_id)
    do_update_plan_task(
        cast(User, request.user),
        task,
        status=TaskStatus.DONE,
        owner=task.owner,
        due_date=task.due_date,
        request=request,
    )
    messages.success(request, _("Marked as done: %(title)s") % {"title": task.title})
    return redirect(reverse("blueprint:checklist", kwargs={"slug": slug}) + f"#task-{task.pk}")


@requires(Permission.MANAGE_PLAN)
def add_task(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = NewTaskForm(request.POST or None, initial={"phase": request.GET.get("fase", "")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        task = do_add_plan_task(
            cast(User, request.user),
            coalition,
            request=request,
            phase=Phase(data.pop("phase")),
            **data,
        )
        messages.success(request, _("The task has been added."))
        return redirect(reverse("blueprint:checklist", kwargs={"slug": slug}) + f"#task-{task.pk}")
    return render(request, "blueprint/add_task.html", {"form": form})


@requires(Permission.MANAGE_PLAN)
def invite_organisations(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    blueprint = BlueprintRequest.objects.filter(coalition=coalition).first()
    if request.method == "POST":
        try:
            count = do_invite_interested_organisations(
                cast(User, request.user), coalition, request=request
            )
        except BlueprintError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s organisation has been invited to join.",
                    "%(count)s organisations have been invited to join.",
                    count,
                )
                % {"count": count},
            )
        return redirect("blueprint:checklist", slug=slug)
    return render(
        request,
        "blueprint/invite_organisations.html",
        {
            "blueprint": blueprint,
            "organisations": blueprint.get_answers().organisations if blueprint else (),
        },
    )


# The yearly maturity scan

FIRST_SCAN_YEAR = 2015


@requires(Permission.MANAGE_MATURITY_SCAN)
def maturity(request: HttpRequest, slug: str) -> HttpResponse:
    """Every year's levels, the history as a chart, next steps and the average of others."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    scans = list(for_coalition(MaturityScan.objects.all(), coalition))
    latest = scans[-1] if scans else None
    aggregate = None
    if latest is not None:
        others = MaturityScan.objects.filter(year=latest.year).exclude(coalition=coalition)
        aggregate = get_aggregate(scan.levels for scan in others)
    rows = [
        {
            "dimension": d,
            "levels": [scan.levels.get(d.value, 0) for scan in scans],
            "average": next((a.average for a in aggregate or [] if a.dimension == d), None),
        }
        for d in Dimension
    ]
    return render(
        request,
        "blueprint/maturity.html",
        {
            "scans": scans,
            "latest": latest,
            "rows": rows,
            "history": [{"label": str(scan.year), "value": scan.average()} for scan in scans],
            "next_steps": get_next_steps(latest.levels) if latest else [],
            "aggregate_count": aggregate[0].coalitions if aggregate else 0,
            "this_year": timezone.localdate().year,
        },
    )


@requires(Permission.MANAGE_MATURITY_SCAN)
def maturity_scan(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    this_year = timezone.localdate().year
    if not FIRST_SCAN_YEAR <= year <= this_year:
        messages.error(request, _("Fill in the scan for this year or an earlier one."))
        return redirect("blueprint:maturity", slug=slug)
    scan = for_coalition(MaturityScan.objects.all(), coalition).filter(year=year).first()
    # An earlier year keeps the figures it was filled in with; this year's are read afresh.
    stored = Facts.from_json(scan.facts) if scan is not None and year != this_year else None
    facts = stored or get_facts(coalition, year)
    initial = scan.levels if scan is not None else suggest_levels(facts)
    form = get_maturity_scan_form(describe_facts(facts))(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        do_save_maturity_scan(
            cast(User, request.user),
            coalition,
            year=year,
            levels=form.levels(),
            facts=facts.as_json(),
            request=request,
        )
        messages.success(
            request, _("The maturity scan of %(year)s has been saved.") % {"year": year}
        )
        return redirect("blueprint:maturity", slug=slug)
    return render(
        request,
        "blueprint/maturity_scan.html",
        {"form": form, "year": year, "suggested": scan is None},
    )


# Exports: a standalone HTML file, or a PDF where WeasyPrint is installed


EXPORT_FORMATS = ("html", "pdf")


def _export(
    request: HttpRequest, coalition: Coalition, name: str, context: dict[str, Any], rows: int
) -> HttpResponse | None:
    """The export as a download, or ``None`` when a PDF cannot be made here."""
    fmt = context["format"]
    if fmt == "pdf" and not is_pdf_available():
        return None
    html = render_to_string("blueprint/export.html", {**context, "coalition": coalition}, request)
    do_record_export(cast(User, request.user), coalition, name, rows, request=request)
    if fmt == "pdf":
        import weasyprint

        pdf = weasyprint.HTML(string=html, url_fetcher=refuse_fetch).write_pdf(
            pdf_variant="pdf/ua-1"
        )
        response = HttpResponse(pdf, content_type="application/pdf")
    else:
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{coalition.slug}.{fmt}"'
    return response


def _no_pdf(request: HttpRequest) -> None:
    messages.info(
        request,
        _("A PDF cannot be made here; print this page or save it as PDF from your browser."),
    )


@requires(Permission.MANAGE_PLAN)
def plan_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    if fmt not in EXPORT_FORMATS:
        raise Http404
    tasks = list(for_coalition(PlanTask.objects.all(), coalition))
    context = {
        "format": fmt,
        "phases": get_phase_progress(tasks, timezone.localdate()),
        "title": _("Plan of %(name)s") % {"name": coalition.name},
    }
    response = _export(request, coalition, "plan", context, len(tasks))
    if response is None:
        _no_pdf(request)
        return redirect("blueprint:checklist", slug=slug)
    return response


@requires(Permission.MANAGE_MATURITY_SCAN)
def maturity_export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    if fmt not in EXPORT_FORMATS:
        raise Http404
    scan = get_object_or_404(for_coalition(MaturityScan.objects.all(), coalition), year=year)
    facts = Facts.from_json(scan.facts)
    context = {
        "format": fmt,
        "scan": scan,
        "dimensions": [
            {
                "label": d.label,
                "level": Level(scan.levels.get(d.value, 0)).label,
                "facts": describe_facts(facts).get(d.value, []) if facts else [],
            }
            for d in Dimension
        ],
        "next_steps": get_next_steps(scan.levels),
        "title": _("Maturity scan %(year)s of %(name)s") % {"year": year, "name": coalition.name},
    }
    response = _export(request, coalition, f"volwassenheidsscan-{year}", context, len(Dimension))
    if response is None:
        _no_pdf(request)
        return redirect("blueprint:maturity", slug=slug)
    return response
