from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.access import access_partner_for_edit
from weerbaar.partners.models import Partner
from weerbaar.referrals.access import access_offer_for_edit, access_referral
from weerbaar.referrals.actions import (
    CRISIS_LINE_FIELDS,
    LOCATION_FIELDS,
    NATIONAL_CRISIS_LINES,
    OFFER_FIELDS,
    CaseDetails,
    ReferralError,
    check_offer_takes_referrals,
    do_add_national_crisis_lines,
    do_answer_by_link,
    do_change_referral_status,
    do_confirm_help_offer,
    do_record_referral_read,
    do_refer_case,
    do_save_crisis_line,
    do_save_help_offer,
    do_send_referral_link,
    get_link,
)
from weerbaar.referrals.choices import ReferralStatus
from weerbaar.referrals.finder import FinderAnswers, find_offers, shows_crisis_lines_first
from weerbaar.referrals.forms import (
    CrisisLineForm,
    FinderForm,
    HelpOfferForm,
    HsdsImportForm,
    ReferralForm,
    ReferralStepForm,
)
from weerbaar.referrals.models import CrisisLine, HelpOffer, Referral
from weerbaar.referrals.open_referral import (
    MAX_IMPORT_BYTES,
    HsdsError,
    build_export,
    do_import_hsds,
)
from weerbaar.referrals.overview import get_decline_reasons, get_referral_figures
from weerbaar.referrals.workflow import Side, TransitionError, allowed_targets


def _coalition(request: HttpRequest) -> Coalition:
    return cast(Coalition, request.coalition)  # type: ignore[attr-defined]


def _membership(request: HttpRequest) -> Membership | None:
    return cast(Membership | None, request.membership)  # type: ignore[attr-defined]


def _crisis_lines(coalition: Coalition) -> list[Any]:
    """The coalition's active lines; the national ones when the coordinator kept none."""
    lines = list(for_coalition(CrisisLine.objects.filter(is_active=True), coalition))
    return lines or [CrisisLine(coalition=coalition, **data) for data in NATIONAL_CRISIS_LINES]


# Public: the help finder, an offer, the Open Referral export


@requires(Permission.VIEW_PUBLIC_PAGES)
def finder(request: HttpRequest, slug: str) -> HttpResponse:
    """“Where can I go?”: a GET form, so it works without script and can be bookmarked."""
    coalition = _coalition(request)
    form = FinderForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "results": None, "crisis_first": False}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        answers = FinderAnswers(
            visitor=data["visitor"] or "",
            situations=tuple(data["situations"]),
            urgency=data["urgency"] or "",
            query=data["q"] or "",
        )
        offers = for_coalition(HelpOffer.objects.active(), coalition).select_related("partner")
        context["results"] = find_offers(
            offers.prefetch_related("service_at_locations__location"), answers
        )
        context["crisis_first"] = shows_crisis_lines_first(answers)
        context["crisis_lines"] = _crisis_lines(coalition)
        context["extremism"] = "extremism" in answers.situations
    else:
        context["crisis_lines"] = _crisis_lines(coalition)
    context["may_refer"] = role_may(
        Role(m.role) if (m := _membership(request)) is not None else None, Permission.REFER_CASES
    )
    template = "referrals/_finder_results.html" if request.htmx else "referrals/finder.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@requires(Permission.VIEW_PUBLIC_PAGES)
def offer(request: HttpRequest, slug: str, offer_id: int) -> HttpResponse:
    found = get_object_or_404(
        for_coalition(HelpOffer.objects.active(), _coalition(request)).select_related("partner"),
        pk=offer_id,
    )
    membership = _membership(request)
    role = Role(membership.role) if membership is not None else None
    return render(
        request,
        "referrals/offer.html",
        {"offer": found, "may_refer": role_may(role, Permission.REFER_CASES)},
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def hsds_export(request: HttpRequest, slug: str) -> JsonResponse:
    """The coalition's active offers as Open Referral HSDS 3 JSON, read-only and public."""
    response = JsonResponse(
        build_export(_coalition(request)), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    return response


# Start page


@requires(Permission.VIEW_REFERRALS)
def referrals(request: HttpRequest, slug: str) -> HttpResponse:
    """What the visitor's role may do: their organisation's cases, queue, offers or figures."""
    coalition = _coalition(request)
    membership = cast(Membership, _membership(request))
    role = Role(membership.role)
    rows = for_coalition(Referral.objects.all(), coalition).select_related(
        "offer__partner", "referring_partner"
    )
    sent: QuerySet[Referral] = rows.none()
    received: QuerySet[Referral] = rows.none()
    if role == Role.PARTNER_ADMIN and membership.organisation_id:
        sent = rows.filter(referring_partner_id=membership.organisation_id)
        received = rows.filter(offer__partner_id=membership.organisation_id)
    elif role == Role.MEMBER:
        sent = rows.filter(referred_by=cast(User, request.user))
    return render(
        request,
        "referrals/referrals.html",
        {
            "sent": sent,
            "received": received,
            "open_statuses": (ReferralStatus.SENT, ReferralStatus.INFO_REQUESTED),
            "may_refer": role_may(role, Permission.REFER_CASES),
            "may_manage_offers": role_may(role, Permission.MANAGE_HELP_OFFERS),
            "is_coordinator": role == Role.COORDINATOR,
            "has_organisation": membership.organisation_id is not None,
        },
    )


# Managing offers and crisis lines


def _managed_partners(request: HttpRequest) -> QuerySet[Partner]:
    coalition = _coalition(request)
    membership = cast(Membership, _membership(request))
    partners = for_coalition(Partner.objects.all(), coalition)
    if membership.role == Role.COORDINATOR:
        return partners
    return partners.filter(pk=membership.organisation_id or 0)


@requires(Permission.MANAGE_HELP_OFFERS)
def manage_offers(request: HttpRequest, slug: str) -> HttpResponse:
    offers = (
        for_coalition(HelpOffer.objects.all(), _coalition(request))
        .filter(partner__in=_managed_partners(request))
        .select_related("partner")
    )
    return render(request, "referrals/manage_offers.html", {"offers": offers})


def _offer_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in (*OFFER_FIELDS, *LOCATION_FIELDS)}


@requires(Permission.MANAGE_HELP_OFFERS)
def create_offer(request: HttpRequest, slug: str) -> HttpResponse:
    partners = _managed_partners(request)
    membership = cast(Membership, _membership(request))
    form = HelpOfferForm(
        request.POST or None, partners=partners, initial={"partner": membership.organisation_id}
    )
    if request.method == "POST" and form.is_valid():
        partner = access_partner_for_edit(
            request, form.cleaned_data["partner"].pk, str(Permission.MANAGE_HELP_OFFERS)
        )
        created = do_save_help_offer(
            cast(User, request.user),
            _coalition(request),
            partner,
            request=request,
            **_offer_fields(form.cleaned_data),
        )
        messages.success(request, _("The help offer has been saved."))
        return redirect("referrals:edit_offer", slug=slug, offer_id=created.pk)
    return render(request, "referrals/edit_offer.html", {"form": form, "offer": None})


@requires(Permission.MANAGE_HELP_OFFERS)
def edit_offer(request: HttpRequest, slug: str, offer_id: int) -> HttpResponse:
    found = access_offer_for_edit(request, offer_id, str(Permission.MANAGE_HELP_OFFERS))
    location = found.get_location()
    initial: dict[str, Any] = {name: getattr(found, name) for name in OFFER_FIELDS}
    initial["partner"] = found.partner_id
    if location is not None:
        initial.update(
            location_name=location.name,
            address=location.address,
            postal_code=location.postal_code,
            city=location.city,
        )
    form = HelpOfferForm(request.POST or None, partners=_managed_partners(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        partner = access_partner_for_edit(
            request, form.cleaned_data["partner"].pk, str(Permission.MANAGE_HELP_OFFERS)
        )
        do_save_help_offer(
            cast(User, request.user),
            _coalition(request),
            partner,
            found,
            request=request,
            **_offer_fields(form.cleaned_data),
        )
        messages.success(request, _("The help offer has been saved."))
        return redirect("referrals:edit_offer", slug=slug, offer_id=found.pk)
    return render(request, "referrals/edit_offer.html", {"form": form, "offer": found})


@requires(Permission.MANAGE_HELP_OFFERS)
def confirm_offer(request: HttpRequest, slug: str, offer_id: int) -> HttpResponse:
    found = access_offer_for_edit(request, offer_id, str(Permission.MANAGE_HELP_OFFERS))
    if request.method == "POST":
        do_confirm_help_offer(cast(User, request.user), found, request=request)
        messages.success(request, _("Thank you: the offer is confirmed as up to date."))
    return redirect("referrals:manage_offers", slug=slug)


@requires(Permission.IMPORT_HELP_OFFERS)
def import_offers(request: HttpRequest, slug: str) -> HttpResponse:
    form = HsdsImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "result": None, "error": ""}
    if request.method == "POST" and form.is_valid():
        try:
            context["result"] = do_import_hsds(
                cast(User, request.user),
                _coalition(request),
                form.cleaned_data["file"].read(MAX_IMPORT_BYTES + 1),
            )
        except HsdsError as error:
            context["error"] = str(error)
    return render(request, "referrals/import.html", context)


@requires(Permission.MANAGE_CRISIS_LINES)
def crisis_lines(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition(request)
    if request.method == "POST" and request.POST.get("add_national"):
        added = do_add_national_crisis_lines(cast(User, request.user), coalition)
        messages.success(request, _("%(count)d national lines added.") % {"count": added})
        return redirect("referrals:crisis_lines", slug=slug)
    form = CrisisLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_save_crisis_line(
            cast(User, request.user), coalition, request=request, **form.cleaned_data
        )
        messages.success(request, _("The crisis line has been saved."))
        return redirect("referrals:crisis_lines", slug=slug)
    lines = for_coalition(CrisisLine.objects.all(), coalition)
    return render(request, "referrals/crisis_lines.html", {"form": form, "lines": lines})


@requires(Permission.MANAGE_CRISIS_LINES)
def edit_crisis_line(request: HttpRequest, slug: str, line_id: int) -> HttpResponse:
    coalition = _coalition(request)
    line = get_object_or_404(for_coalition(CrisisLine.objects.all(), coalition), pk=line_id)
    initial = {name: getattr(line, name) for name in CRISIS_LINE_FIELDS}
    form = CrisisLineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        do_save_crisis_line(
            cast(User, request.user), coalition, line, request=request, **form.cleaned_data
        )
        messages.success(request, _("The crisis line has been saved."))
        return redirect("referrals:crisis_lines", slug=slug)
    return render(request, "referrals/edit_crisis_line.html", {"form": form, "line": line})


# Referrals


@requires(Permission.REFER_CASES)
def refer(request: HttpRequest, slug: str, offer_id: int) -> HttpResponse:
    coalition = _coalition(request)
    membership = cast(Membership, _membership(request))
    found = get_object_or_404(
        for_coalition(HelpOffer.objects.all(), coalition).select_related("partner"), pk=offer_id
    )
    problem = ""
    try:
        check_offer_takes_referrals(found)
    except ReferralError as error:
        problem = str(error)
    if membership.organisation_id is None:
        problem = _("Your account is not linked to an organisation yet; ask your coordinator.")
    form = ReferralForm(request.POST or None, initial={"theme": (found.themes or [""])[0]})
    if request.method == "POST" and not problem and form.is_valid():
        data = form.cleaned_data
        try:
            created = do_refer_case(
                cast(User, request.user),
                membership,
                found,
                CaseDetails(**{k: data[k] for k in CaseDetails.__dataclass_fields__}),
                request=request,
            )
        except ReferralError as error:
            problem = str(error)
        else:
            messages.success(
                request, _("The case has been referred. You will hear when it is accepted.")
            )
            return redirect("referrals:referral", slug=slug, referral_id=created.pk)
    return render(
        request, "referrals/refer.html", {"form": form, "offer": found, "problem": problem}
    )


_STEP_MESSAGES = {
    ReferralStatus.ACCEPTED: gettext_lazy("You accepted the referral. The referrer has been told."),
    ReferralStatus.DECLINED: gettext_lazy(
        "You declined the referral. The referrer has been asked to choose another offer."
    ),
    ReferralStatus.INFO_REQUESTED: gettext_lazy("Your question has been sent to the referrer."),
    ReferralStatus.SENT: gettext_lazy("The referral has been sent again."),
    ReferralStatus.CLOSED: gettext_lazy("The referral has been closed."),
    ReferralStatus.WITHDRAWN: gettext_lazy("The referral has been withdrawn."),
}


def _other_offers(referral: Referral) -> QuerySet[HelpOffer]:
    return (
        for_coalition(HelpOffer.objects.active(), referral.coalition)
        .exclude(pk=referral.offer_id)
        .exclude(urgency="crisis")
        .select_related("partner")
    )


@requires(Permission.VIEW_REFERRALS)
def referral(request: HttpRequest, slug: str, referral_id: int) -> HttpResponse:
    """One case, for the two organisations only; every view is audited."""
    found, sides = access_referral(request, referral_id, str(Permission.VIEW_REFERRALS))
    user = cast(User, request.user)
    offers = _other_offers(found) if found.status == ReferralStatus.DECLINED else None
    form = ReferralStepForm(request.POST or None, offers=offers)
    error = ""
    if request.method == "POST":
        step = request.POST.get("step", "")
        if step == "send_link" and Side.REFERRER in sides:
            try:
                do_send_referral_link(user, found, request=request)
            except ReferralError as problem:
                error = str(problem)
            else:
                messages.success(request, _("A new answer link has been mailed to the offer."))
                return redirect("referrals:referral", slug=slug, referral_id=found.pk)
        elif form.is_valid():
            try:
                do_change_referral_status(
                    user,
                    found,
                    step,
                    sides,
                    message=form.cleaned_data["message"],
                    decline_reason=form.cleaned_data["decline_reason"],
                    new_offer=form.cleaned_data.get("new_offer"),
                    request=request,
                )
            except TransitionError as problem:
                error = str(problem)
            else:
                messages.success(request, str(_STEP_MESSAGES.get(ReferralStatus(step), "")))
                return redirect("referrals:referral", slug=slug, referral_id=found.pk)
    # Every page that shows the case is a read, also one re-shown with an error.
    do_record_referral_read(user, found, request=request)
    return render(
        request,
        "referrals/referral.html",
        {
            "referral": found,
            "events": found.events.all(),
            "form": form,
            "error": error,
            "steps": allowed_targets(found.status, sides),
            "is_referrer": Side.REFERRER in sides,
            "is_receiver": Side.RECEIVER in sides,
            "has_links": found.links.exists(),
        },
        status=400 if error else 200,
    )


@requires(Permission.ANSWER_REFERRAL_LINK)
def answer_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """A partner without accounts reads the case and answers once."""
    link = get_link(_coalition(request), token)
    if link is None or not link.is_usable():
        response = render(request, "referrals/link_gone.html", status=410 if link else 404)
        patch_cache_control(response, private=True, no_store=True)
        return response
    found = link.referral
    form = ReferralStepForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            do_answer_by_link(
                link,
                request.POST.get("step", ""),
                form.cleaned_data["message"],
                decline_reason=form.cleaned_data["decline_reason"],
                request=request,
            )
        except TransitionError as problem:
            error = str(problem)
        else:
            response = render(request, "referrals/link_done.html", {"referral": found})
            patch_cache_control(response, private=True, no_store=True)
            return response
    do_record_referral_read(None, found, request=request, via_link=True)
    response = render(
        request,
        "referrals/answer_link.html",
        {
            "referral": found,
            "form": form,
            "error": error,
            "steps": allowed_targets(found.status, {Side.RECEIVER}),
            "link": link,
        },
        status=400 if error else 200,
    )
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, no_store=True)
    return response


@requires(Permission.VIEW_REFERRAL_OVERVIEW)
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    rows = for_coalition(Referral.objects.all(), _coalition(request))
    figures = get_referral_figures(rows)
    reasons = get_decline_reasons(rows)
    return render(
        request,
        "referrals/overview.html",
        {
            "figures": figures,
            "reason_rows": [{"label": k, "value": v} for k, v in reasons],
            "theme_rows": [{"label": k, "value": v} for k, v in figures.by_theme],
            "partner_rows": [{"label": k, "value": v} for k, v in figures.by_partner],
        },
    )
