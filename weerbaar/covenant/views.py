from __future__ import annotations

import importlib.util
from typing import Any, cast

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.access import access_own_partner
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
    do_record_delivery,
    do_sign_covenant,
    do_update_covenant_draft,
)
from weerbaar.covenant.balance import get_balances, get_partner_balances, is_open
from weerbaar.covenant.forms import CommitmentForm, CovenantDraftForm, DeliveryForm, SignForm
from weerbaar.covenant.models import Commitment, CovenantVersion, Delivery, Signature
from weerbaar.covenant.workflow import CovenantError
from weerbaar.partners.access import access_partner_for_edit
from weerbaar.partners.models import Partner


def _current_version(coalition: Coalition) -> CovenantVersion | None:
    return for_coalition(CovenantVersion.objects.all(), coalition).published().first()


def _signatures(coalition: Coalition, version: CovenantVersion) -> list[Signature]:
    return list(
        for_coalition(Signature.objects.all(), coalition)
        .filter(version=version)
        .select_related("partner")
    )


def _document_context(coalition: Coalition, version: CovenantVersion | None) -> dict[str, Any]:
    """The text, who signed it and which partners have not (yet)."""
    if version is None:
        return {"version": None, "signatures": [], "unsigned_partners": []}
    signatures = _signatures(coalition, version)
    signed = {s.partner_id for s in signatures}
    unsigned = [p for p in for_coalition(Partner.objects.all(), coalition) if p.pk not in signed]
    return {"version": version, "signatures": signatures, "unsigned_partners": unsigned}


@requires(Permission.VIEW_COVENANT)
def covenant(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    context = _document_context(coalition, _current_version(coalition))
    own_signature = None
    if membership.organisation_id is not None:
        own_signature = next(
            (s for s in context["signatures"] if s.partner_id == membership.organisation_id),
            None,
        )
    context.update(
        {
            "history": for_coalition(CovenantVersion.objects.all(), coalition).public_history(),
            "may_sign": membership.role == Role.PARTNER_ADMIN
            and membership.organisation_id is not None
            and context["version"] is not None
            and own_signature is None,
            "own_signature": own_signature,
            "may_manage": membership.role == Role.COORDINATOR,
            "may_pledge": membership.role == Role.PARTNER_ADMIN
            and membership.organisation_id is not None,
        }
    )
    return render(request, "covenant/covenant.html", context)


@requires(Permission.VIEW_COVENANT)
def covenant_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    version = get_object_or_404(
        for_coalition(CovenantVersion.objects.all(), coalition).public_history(), number=number
    )
    return render(request, "covenant/version.html", _document_context(coalition, version))


@requires(Permission.VIEW_COVENANT)
def covenant_print(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    context = _document_context(coalition, _current_version(coalition))
    return render(request, "covenant/print.html", context)


def is_pdf_available() -> bool:
    """WeasyPrint is an optional extra (``[pdf]``): it needs Pango, which not every host has."""
    return importlib.util.find_spec("weasyprint") is not None


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint fetches nothing: the PDF's styles are inline, and a request from the server
    to an address in the text would be a way to make it call out."""
    raise ValueError(f"The covenant PDF loads no resources ({url[:80]}).")


@requires(Permission.VIEW_COVENANT)
def covenant_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    version = _current_version(coalition)
    if version is None or not is_pdf_available():
        messages.info(
            request,
            _("A PDF cannot be made here; print this page or save it as PDF from your browser."),
        )
        return redirect("covenant:print", slug=slug)
    import weasyprint

    context = _document_context(coalition, version)
    context["coalition"] = coalition
    html = render_to_string("covenant/pdf.html", context, request=request)
    pdf = weasyprint.HTML(string=html, url_fetcher=refuse_fetch).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="convenant-{coalition.slug}-{version.number}.pdf"'
    )
    return response


@requires(Permission.SIGN_COVENANT)
def sign(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    partner = access_own_partner(request, "sign_covenant")
    version = _current_version(coalition)
    if version is None:
        messages.info(request, _("There is no published covenant to sign yet."))
        return redirect("covenant:covenant", slug=slug)
    if request.method != "POST" and version.signatures.filter(partner=partner).exists():
        messages.info(
            request,
            _("%(name)s has already signed this version of the covenant.") % {"name": partner.name},
        )
        return redirect("covenant:covenant", slug=slug)
    user = cast(User, request.user)
    form = SignForm(request.POST or None, initial={"signer_name": user.full_name})
    if request.method == "POST" and form.is_valid():
        # The version the signer read; if it changed in the meantime, signing must fail.
        read_number = request.POST.get("version", "")
        read = (
            for_coalition(CovenantVersion.objects.all(), coalition)
            # A short number only: a huge one would overflow PostgreSQL's integer.
            .filter(
                number=int(read_number) if read_number.isdigit() and len(read_number) < 9 else 0
            )
            .first()
        )
        try:
            if read is None:
                raise CovenantError(
                    _(
                        "This version of the covenant is no longer the current one. Read the "
                        "current version and sign that one."
                    )
                )
            do_sign_covenant(user, read, partner, request=request, **form.cleaned_data)
        except CovenantError as error:
            messages.error(request, str(error))
            return redirect("covenant:covenant", slug=slug)
        messages.success(
            request,
            _("%(name)s has signed the covenant. Thank you!") % {"name": partner.name},
        )
        return redirect("covenant:covenant", slug=slug)
    return render(
        request,
        "covenant/sign.html",
        {"version": version, "partner": partner, "form": form},
    )


@requires(Permission.MANAGE_COVENANT)
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    versions = for_coalition(CovenantVersion.objects.all(), coalition)
    return render(request, "covenant/manage.html", {"versions": versions})


@requires(Permission.MANAGE_COVENANT)
def new_draft(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    current = _current_version(coalition)
    initial = {"title": current.title, "body": current.body} if current else {}
    form = CovenantDraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = do_create_covenant_draft(
            cast(User, request.user), coalition, request=request, **form.cleaned_data
        )
        messages.success(request, _("The draft has been saved."))
        return redirect("covenant:edit_draft", slug=slug, number=version.number)
    return render(request, "covenant/edit_draft.html", {"form": form, "version": None})


@requires(Permission.MANAGE_COVENANT)
def edit_draft(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    version = get_object_or_404(
        for_coalition(CovenantVersion.objects.all(), coalition), number=number
    )
    if not version.is_draft():
        return redirect("covenant:version", slug=slug, number=number)
    form = CovenantDraftForm(
        request.POST or None, initial={"title": version.title, "body": version.body}
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_update_covenant_draft(
                cast(User, request.user), version, request=request, **form.cleaned_data
            )
            messages.success(request, _("The draft has been saved."))
        except CovenantError as error:
            messages.error(request, str(error))
        return redirect("covenant:edit_draft", slug=slug, number=number)
    return render(request, "covenant/edit_draft.html", {"form": form, "version": version})


@requires(Permission.MANAGE_COVENANT)
@require_POST
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    version = get_object_or_404(
        for_coalition(CovenantVersion.objects.all(), coalition), number=number
    )
    try:
        do_publish_covenant_version(cast(User, request.user), version, request=request)
    except CovenantError as error:
        messages.error(request, str(error))
        return redirect("covenant:manage", slug=slug)
    messages.success(
        request,
        _("Version %(number)s is published; every partner admin has been asked to sign it.")
        % {"number": version.number},
    )
    return redirect("covenant:covenant", slug=slug)


# Commitments


def _with_deliveries(queryset: Any) -> Any:
    return queryset.select_related("partner").prefetch_related(
        Prefetch("deliveries", queryset=Delivery.objects.order_by("date", "pk"))
    )


def _selected_year(request: HttpRequest) -> int:
    year = request.GET.get("jaar", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year


@requires(Permission.MANAGE_COMMITMENTS)
def partner_commitments(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    partner = access_partner_for_edit(request, partner_id, "manage_commitments")
    form = CommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            commitment = do_pledge_commitment(
                cast(User, request.user), partner, request=request, **form.cleaned_data
            )
        except CovenantError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The commitment has been saved."))
            url = request.path + f"?jaar={commitment.year}"
            return redirect(url)
    year = _selected_year(request)
    commitments = list(
        _with_deliveries(for_coalition(Commitment.objects.all(), coalition).for_year(year)).filter(
            partner=partner
        )
    )
    return render(
        request,
        "covenant/partner_commitments.html",
        {
            "partner": partner,
            "year": year,
            "commitments": [(c, is_open(c)) for c in commitments],
            "balances": get_balances(commitments),
            "form": form,
        },
    )


@requires(Permission.MANAGE_COMMITMENTS)
def record_delivery(
    request: HttpRequest, slug: str, partner_id: int, commitment_id: int
) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    partner = access_partner_for_edit(request, partner_id, "manage_commitments")
    commitment = get_object_or_404(
        for_coalition(Commitment.objects.all(), coalition).filter(partner=partner),
        pk=commitment_id,
    )
    form = DeliveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_record_delivery(
            cast(User, request.user), commitment, request=request, **form.cleaned_data
        )
        messages.success(request, _("The delivery has been saved."))
        url = reverse(
            "covenant:partner_commitments", kwargs={"slug": slug, "partner_id": partner.pk}
        )
        return redirect(f"{url}?jaar={commitment.year}")
    return render(
        request,
        "covenant/record_delivery.html",
        {"partner": partner, "commitment": commitment, "form": form},
    )


@requires(Permission.VIEW_COMMITMENT_OVERVIEW)
def commitments_overview(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    year = _selected_year(request)
    commitments = list(
        _with_deliveries(for_coalition(Commitment.objects.all(), coalition).for_year(year))
    )
    partners = get_partner_balances(for_coalition(Partner.objects.all(), coalition), commitments)
    return render(
        request,
        "covenant/commitments_overview.html",
        {"year": year, "balances": get_balances(commitments), "partners": partners},
    )
