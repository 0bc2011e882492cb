from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from weerbaar.accounts.access import requires
from weerbaar.accounts.policy import Permission
from weerbaar.audit.forms import AuditFilterForm
from weerbaar.audit.models import AuditEntry
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition


@requires(Permission.VIEW_AUDIT_LOG)
def log(request: HttpRequest, slug: str) -> HttpResponse:
    """The coalition's audit log, filterable; read-only for everyone, coordinators included."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    return render_log(request, for_coalition(AuditEntry.objects.all(), coalition), scope=None)


@requires(Permission.VIEW_ACCOUNT_AUDIT_LOG)
def platform_log(request: HttpRequest) -> HttpResponse:
    """Account events that belong to no coalition: logins, failed logins, two-step events."""
    entries = AuditEntry.objects.filter(coalition__isnull=True)
    return render_log(request, entries, scope="accounts")


def render_log(
    request: HttpRequest, entries: QuerySet[AuditEntry], *, scope: str | None
) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["result"]:
            entries = entries.filter(result=data["result"])
        if data["who"]:
            entries = entries.filter(actor_label__icontains=data["who"])
        if data["since"]:
            entries = entries.filter(created_at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(created_at__date__lte=data["until"])
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    template = "audit/_results.html" if request.htmx else "audit/log.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "page": page, "scope": scope})
