from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.views import is_pdf_available, refuse_fetch
from weerbaar.dashboard.actions import do_record_export
from weerbaar.lib.csv_export import csv_response
from weerbaar.lib.markdown import render_markdown
from weerbaar.trends.actions import (
    SourceError,
    do_commit_import,
    do_create_source,
    do_ensure_signals_source,
    do_handle_alert,
    do_save_alert_rule,
    do_save_watch_list,
    do_set_source_status,
    do_update_source,
    do_update_trend_settings,
    get_k,
)
from weerbaar.trends.choices import (
    AGE_GROUP_LABELS,
    PLATFORM_LABELS,
    AlertStatus,
    LegalBasis,
    Period,
    ReportStatus,
    SourceKind,
    SourceStatus,
)
from weerbaar.trends.emerging import get_emerging_terms
from weerbaar.trends.figures import CHART_HEIGHT, CHART_WIDTH, Filters, get_dashboard
from weerbaar.trends.forms import (
    AlertRuleForm,
    FilterForm,
    HandleAlertForm,
    ImportForm,
    NewReportForm,
    NewSourceForm,
    ReportForm,
    SourceForm,
    TrendSettingsForm,
    WatchListForm,
)
from weerbaar.trends.imports import FigureRow, ImportFileError, read_figures
from weerbaar.trends.models import (
    Alert,
    AlertRule,
    Source,
    TrendReport,
    WatchList,
    WatchMatch,
)
from weerbaar.trends.reports import ReportError, do_create_trend_report, do_update_trend_report

PREVIEW_SESSION_KEY = "trends_import_preview"


def _coalition(request: HttpRequest) -> Coalition:
    return cast(Coalition, request.coalition)  # type: ignore[attr-defined]


def _is_analyst(request: HttpRequest) -> bool:
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    return membership is not None and membership.role == Role.ANALYST


def _areas(coalition: Coalition) -> list[str]:
    return list(coalition.areas.values_list("name", flat=True))


def _sources(coalition: Coalition) -> QuerySet[Source]:
    return for_coalition(Source.objects.all(), coalition)


@requires(Permission.VIEW_TRENDS)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Time series per theme and top platforms and areas, from the rollups only."""
    coalition = _coalition(request)
    analyst = _is_analyst(request)
    form = FilterForm(
        request.GET or None,
        areas=_areas(coalition),
        sources=[(str(s.pk), s.name) for s in _sources(coalition)],
        platforms=[(k, str(v)) for k, v in PLATFORM_LABELS.items() if k],
        age_groups=[(k, str(v)) for k, v in AGE_GROUP_LABELS.items() if k],
    )
    data: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    period = data.get("period") or Period.WEEK
    filters = Filters(
        **{name: data.get(name) or "" for name in ("theme", "platform", "area", "age_group")},
        source=data.get("source") or "",
    )
    k = None if analyst else get_k(coalition)
    figures = get_dashboard(
        coalition,
        end=timezone.localdate(),
        period=period,
        count=12,
        filters=filters,
        k=k,
    )
    context = {
        "form": form,
        "figures": figures,
        "is_analyst": analyst,
        "k": get_k(coalition),
        "chart_width": CHART_WIDTH,
        "chart_height": CHART_HEIGHT,
        "open_alerts": (
            for_coalition(Alert.objects.all(), coalition).filter(status=AlertStatus.OPEN).count()
            if analyst
            else 0
        ),
    }
    template = "trends/_dashboard_results.html" if request.htmx else "trends/dashboard.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@requires(Permission.VIEW_TRENDS)
def sources(request: HttpRequest, slug: str) -> HttpResponse:
    """The sources register, which is also the monitor's processing register."""
    coalition = _coalition(request)
    do_ensure_signals_source(coalition)
    return render(request, "trends/sources.html", {"sources": _sources(coalition)})


REGISTER_HEADER = [
    "Naam",
    "Soort",
    "Status",
    "Doel",
    "Grondslag",
    "DPIA",
    "Bewaartermijn (dagen)",
    "Eigenaar",
    "Adres",
]


@requires(Permission.VIEW_TRENDS)
def export_sources(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    rows = [
        [
            s.name,
            str(SourceKind(s.kind).label),
            str(SourceStatus(s.status).label),
            s.purpose,
            str(LegalBasis(s.legal_basis).label) if s.legal_basis else "",
            s.dpia_reference,
            s.retention_days,
            s.owner,
            s.url,
        ]
        for s in _sources(coalition)
    ]
    do_record_export(cast(User, request.user), coalition, "trend_sources", len(rows), request)
    date = timezone.localdate().isoformat()
    return csv_response(f"{coalition.slug}-bronnenregister-{date}.csv", REGISTER_HEADER, rows)


def _source_fields(data: dict[str, Any]) -> dict[str, Any]:
    names = ("name", "url", "purpose", "legal_basis", "dpia_reference", "retention_days", "owner")
    return {name: data[name] if data.get(name) is not None else "" for name in names} | {
        "retention_days": data.get("retention_days")
    }


@requires(Permission.MANAGE_TREND_SOURCES)
def create_source(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    form = NewSourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = do_create_source(
            cast(User, request.user),
            coalition,
            form.cleaned_data["kind"],
            request=request,
            **_source_fields(form.cleaned_data),
        )
        messages.success(request, _("The source has been registered as a draft."))
        return redirect("trends:edit_source", slug=slug, source_id=created.pk)
    return render(request, "trends/edit_source.html", {"form": form, "source": None})


@requires(Permission.MANAGE_TREND_SOURCES)
def edit_source(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    found = get_object_or_404(_sources(_coalition(request)), pk=source_id)
    initial = {
        name: getattr(found, name)
        for name in ("name", "url", "purpose", "legal_basis", "dpia_reference", "owner")
    } | {"retention_days": found.retention_days}
    form = SourceForm(request.POST or None, kind=found.kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = _source_fields(form.cleaned_data)
        if found.kind != SourceKind.FEED:
            fields.pop("url")
        do_update_source(cast(User, request.user), found, request=request, **fields)
        messages.success(request, _("The register entry has been saved."))
        return redirect("trends:edit_source", slug=slug, source_id=found.pk)
    return render(request, "trends/edit_source.html", {"form": form, "source": found})


# The policy comes first, so outsiders get 403 (or the login page) rather than 405.
@requires(Permission.MANAGE_TREND_SOURCES)
@require_POST
def source_status(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    found = get_object_or_404(_sources(_coalition(request)), pk=source_id)
    status = request.POST.get("status", "")
    if status not in (SourceStatus.ACTIVE, SourceStatus.PAUSED):
        messages.error(request, _("Choose to switch the source on or off."))
    else:
        try:
            do_set_source_status(cast(User, request.user), found, status, request=request)
        except SourceError as error:
            messages.error(
                request,
                _("Fill in the register first. Still empty: %(fields)s.") % {"fields": error},
            )
        else:
            messages.success(
                request,
                _("The source is on.")
                if status == SourceStatus.ACTIVE
                else _("The source is off."),
            )
    return redirect("trends:edit_source", slug=slug, source_id=found.pk)


@requires(Permission.MANAGE_TREND_SOURCES)
def import_figures(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    """Upload → preview with per-row checks → commit; nothing is stored before the commit."""
    coalition = _coalition(request)
    found = get_object_or_404(
        _sources(coalition).filter(kind=SourceKind.AGGREGATE_IMPORT), pk=source_id
    )
    context: dict[str, Any] = {"source": found, "preview": None}
    if not found.is_active():
        context["form"] = None
        return render(request, "trends/import.html", context)
    if request.method == "POST" and request.POST.get("commit"):
        stored = request.session.get(PREVIEW_SESSION_KEY) or {}
        if stored.get("source") != found.pk or not stored.get("rows"):
            messages.error(request, _("The preview has expired; upload the file again."))
            return redirect("trends:import", slug=slug, source_id=found.pk)
        rows = [FigureRow(**r) for r in stored["rows"]]
        batch = do_commit_import(
            cast(User, request.user), found, rows, stored["file_name"], request=request
        )
        del request.session[PREVIEW_SESSION_KEY]
        messages.success(
            request,
            _("%(rows)d rows imported (total %(total)d).")
            % {"rows": batch.row_count, "total": batch.total},
        )
        return redirect("trends:edit_source", slug=slug, source_id=found.pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview = read_figures(
                upload.read(),
                upload.name,
                areas=set(_areas(coalition)),
                today=timezone.localdate(),
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            request.session[PREVIEW_SESSION_KEY] = {
                "source": found.pk,
                "file_name": upload.name[:200],
                "rows": [r.as_dict() for r in preview.rows],
            }
            context["preview"] = preview
            context["file_name"] = upload.name
    return render(request, "trends/import.html", context)


@requires(Permission.MANAGE_TREND_SOURCES)
def trend_settings(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    form = TrendSettingsForm(request.POST or None, initial={"k_threshold": get_k(coalition)})
    if request.method == "POST" and form.is_valid():
        do_update_trend_settings(
            cast(User, request.user),
            coalition,
            k_threshold=form.cleaned_data["k_threshold"],
            request=request,
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("trends:settings", slug=slug)
    return render(request, "trends/settings.html", {"form": form})


@requires(Permission.VIEW_TRENDS)
def emerging_terms(request: HttpRequest, slug: str) -> HttpResponse:
    """Rising terms with their score; only analysts see example snippets and small counts."""
    coalition = _coalition(request)
    analyst = _is_analyst(request)
    found = get_emerging_terms(coalition)
    k = get_k(coalition)
    hidden = 0
    if not analyst:
        shown = [t for t in found if t.score.recent >= k]
        hidden = len(found) - len(shown)
        found = shown
    return render(
        request,
        "trends/terms.html",
        {"terms": found, "is_analyst": analyst, "hidden": hidden, "k": k},
    )


@requires(Permission.ANALYSE_TRENDS)
def watch_lists(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    lists = list(for_coalition(WatchList.objects.all(), coalition))
    recent = timezone.localdate().replace(day=1)
    counts: dict[int, int] = {}
    for match in for_coalition(WatchMatch.objects.all(), coalition).filter(
        week_start__gte=recent.replace(year=recent.year - 1)
    ):
        counts[match.watch_list_id] = counts.get(match.watch_list_id, 0) + match.count
    return render(
        request,
        "trends/watch_lists.html",
        {"lists": [(w, counts.get(w.pk, 0)) for w in lists]},
    )


@requires(Permission.ANALYSE_TRENDS)
def edit_watch_list(request: HttpRequest, slug: str, list_id: int | None = None) -> HttpResponse:
    coalition = _coalition(request)
    found = (
        get_object_or_404(for_coalition(WatchList.objects.all(), coalition), pk=list_id)
        if list_id is not None
        else None
    )
    initial = {"name": found.name, "terms": found.terms} if found else {}
    form = WatchListForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        taken = for_coalition(WatchList.objects.all(), coalition).filter(
            name=form.cleaned_data["name"].strip()
        )
        if found is not None:
            taken = taken.exclude(pk=found.pk)
        if taken.exists():
            form.add_error("name", _("There is already a watch list with this name."))
        else:
            do_save_watch_list(
                cast(User, request.user),
                coalition,
                found,
                name=form.cleaned_data["name"],
                terms=form.cleaned_data["terms"],
                request=request,
            )
            messages.success(request, _("The watch list has been saved."))
            return redirect("trends:watch_lists", slug=slug)
    return render(request, "trends/edit_watch_list.html", {"form": form, "watch_list": found})


@requires(Permission.ANALYSE_TRENDS)
def alert_rules(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    rules = for_coalition(AlertRule.objects.all(), coalition).select_related("watch_list")
    return render(request, "trends/alert_rules.html", {"rules": rules})


@requires(Permission.ANALYSE_TRENDS)
def edit_alert_rule(request: HttpRequest, slug: str, rule_id: int | None = None) -> HttpResponse:
    coalition = _coalition(request)
    found = (
        get_object_or_404(for_coalition(AlertRule.objects.all(), coalition), pk=rule_id)
        if rule_id is not None
        else None
    )
    names = (
        "name",
        "theme",
        "area",
        "watch_list",
        "method",
        "threshold",
        "min_count",
        "baseline_weeks",
        "is_active",
    )
    initial = {name: getattr(found, name) for name in names} if found else {}
    form = AlertRuleForm(
        request.POST or None,
        initial=initial,
        areas=_areas(coalition),
        watch_lists=for_coalition(WatchList.objects.all(), coalition),
    )
    if request.method == "POST" and form.is_valid():
        do_save_alert_rule(
            cast(User, request.user),
            coalition,
            found,
            request=request,
            **{name: form.cleaned_data[name] for name in names},
        )
        messages.success(request, _("The early-warning rule has been saved."))
        return redirect("trends:alert_rules", slug=slug)
    return render(request, "trends/edit_alert_rule.html", {"form": form, "rule": found})


@requires(Permission.ANALYSE_TRENDS)
def alerts(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    rows = for_coalition(Alert.objects.all(), coalition).select_related("rule")[:200]
    return render(request, "trends/alerts.html", {"alerts": rows})


@requires(Permission.ANALYSE_TRENDS)
def alert(request: HttpRequest, slug: str, alert_id: int) -> HttpResponse:
    """One early warning, why it fired, and acknowledging or resolving it with a note."""
    coalition = _coalition(request)
    found = get_object_or_404(
        for_coalition(Alert.objects.all(), coalition).select_related("rule", "handled_by"),
        pk=alert_id,
    )
    form = HandleAlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_handle_alert(
                cast(User, request.user),
                found,
                form.cleaned_data["status"],
                form.cleaned_data["note"],
                request=request,
            )
        except ValueError:
            messages.error(request, _("This early warning is already resolved."))
        else:
            messages.success(request, _("The early warning has been updated."))
        return redirect("trends:alert", slug=slug, alert_id=found.pk)
    return render(
        request,
        "trends/alert.html",
        {
            "alert": found,
            "x": found.explanation,
            "form": form,
            "resolved": found.status == "resolved",
        },
    )


def _reports(request: HttpRequest) -> QuerySet[TrendReport]:
    rows = for_coalition(TrendReport.objects.all(), _coalition(request))
    return rows if _is_analyst(request) else rows.filter(status=ReportStatus.PUBLISHED)


@requires(Permission.VIEW_TRENDS)
def reports(request: HttpRequest, slug: str) -> HttpResponse:
    """The archive: published reports for members, drafts as well for analysts."""
    form = NewReportForm(None) if _is_analyst(request) else None
    return render(request, "trends/reports.html", {"reports": _reports(request), "form": form})


@requires(Permission.ANALYSE_TRENDS)
def create_report(request: HttpRequest, slug: str) -> HttpResponse:
    form = NewReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = do_create_trend_report(
                cast(User, request.user),
                _coalition(request),
                form.cleaned_data["period_start"],
                form.cleaned_data["period_end"],
                request=request,
            )
        except ReportError:
            form.add_error(None, _("There is already a report for this period."))
        else:
            messages.success(request, _("The report has been made as a draft."))
            return redirect("trends:report", slug=slug, report_id=report.pk)
    return render(
        request, "trends/reports.html", {"reports": _reports(request), "form": form}, status=200
    )


@requires(Permission.VIEW_TRENDS)
def report(request: HttpRequest, slug: str, report_id: int) -> HttpResponse:
    found = get_object_or_404(_reports(request), pk=report_id)
    analyst = _is_analyst(request)
    form = None
    if analyst:
        form = ReportForm(request.POST or None, initial={"commentary": found.commentary})
        if request.method == "POST" and form.is_valid():
            do_update_trend_report(
                cast(User, request.user),
                found,
                commentary=form.cleaned_data["commentary"],
                publish=form.cleaned_data["publish"],
                request=request,
            )
            messages.success(request, _("The report has been saved."))
            return redirect("trends:report", slug=slug, report_id=found.pk)
    return render(request, "trends/report.html", _report_context(found) | {"form": form})


def _report_context(found: TrendReport) -> dict[str, Any]:
    return {
        "report": found,
        "figures": found.figures,
        "commentary_html": render_markdown(found.commentary),
        "chart_width": CHART_WIDTH,
        "chart_height": CHART_HEIGHT,
        "pdf_available": is_pdf_available(),
    }


@requires(Permission.VIEW_TRENDS)
def report_pdf(request: HttpRequest, slug: str, report_id: int) -> HttpResponse:
    """The report as PDF/UA-1 where WeasyPrint is installed; else the printable page."""
    found = get_object_or_404(_reports(request), pk=report_id)
    if not is_pdf_available():
        messages.info(
            request,
            _("A PDF cannot be made here; print this page or save it as PDF from your browser."),
        )
        return redirect("trends:report", slug=slug, report_id=found.pk)
    import weasyprint

    context = _report_context(found) | {"coalition": found.coalition}
    html = render_to_string("trends/report_pdf.html", context, request=request)
    pdf = weasyprint.HTML(string=html, url_fetcher=refuse_fetch).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="trendrapport-{found.pk}.pdf"'
    return response
