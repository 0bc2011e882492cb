from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.components.forms import Form
from weerbaar.partners.access import access_partner_for_edit, may_edit_partner
from weerbaar.partners.actions import (
    PartnerPeopleError,
    TooManyJoinRequests,
    do_ask_join_request_question,
    do_change_colleague_role,
    do_decide_join_request,
    do_invite_colleague,
    do_remove_colleague,
    do_submit_join_request,
    do_update_embedding,
    do_update_partner,
)
from weerbaar.partners.choices import JoinRequestStatus
from weerbaar.partners.embedding import get_embedding_coverage, get_ticked_items
from weerbaar.partners.forms import (
    HONEYPOT_FIELD,
    ApproveForm,
    ColleagueInviteForm,
    ColleagueRoleForm,
    EmbeddingForm,
    JoinRequestForm,
    PartnerForm,
    QuestionForm,
    RejectForm,
)
from weerbaar.partners.models import Embedding, JoinRequest, Partner
from weerbaar.partners.workflow import TransitionError


@requires(Permission.VIEW_PUBLIC_PAGES)
def join(request: HttpRequest, slug: str) -> HttpResponse:
    """The public "Sluit aan" form. Not cached: it carries a CSRF token."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = JoinRequestForm(request.POST or None, coalition=coalition)
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            return redirect("partners:join_thanks", slug=coalition.slug)
        data = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT_FIELD}
        data["endorsed_principles"] = list(data["endorsed_principles"])
        try:
            do_submit_join_request(coalition, request=request, **data)
        except TooManyJoinRequests:
            form.add_error(
                None,
                _(
                    "Many applications came from your address in the last hour. Try again "
                    "later, or mail the coordinator."
                ),
            )
        else:
            return redirect("partners:join_thanks", slug=coalition.slug)
    return render(request, "partners/join.html", {"coalition": coalition, "form": form})


@requires(Permission.VIEW_PUBLIC_PAGES)
def join_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "partners/join_thanks.html", {"coalition": request.coalition})  # type: ignore[attr-defined]


@requires(Permission.MANAGE_JOIN_REQUESTS)
def join_requests(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    requests = for_coalition(JoinRequest.objects.all(), coalition).pending_first()
    return render(request, "partners/join_requests.html", {"join_requests": requests})


@requires(Permission.MANAGE_JOIN_REQUESTS)
def join_request(request: HttpRequest, slug: str, join_request_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    item = get_object_or_404(
        for_coalition(JoinRequest.objects.all(), coalition).select_related("coalition"),
        pk=join_request_id,
    )
    user = cast(User, request.user)
    forms: dict[str, Form] = {
        "approve": ApproveForm(),
        "reject": RejectForm(),
        "ask": QuestionForm(),
    }
    decision = request.POST.get("decision", "")
    if request.method == "POST" and decision in forms:
        form = type(forms[decision])(request.POST)
        forms[decision] = form
        if form.is_valid():
            try:
                if isinstance(form, ApproveForm):
                    do_decide_join_request(
                        user,
                        item,
                        JoinRequestStatus.APPROVED,
                        message=form.cleaned_data["approval_message"],
                        request=request,
                    )
                    messages.success(
                        request,
                        _("%(name)s is now a partner, with %(email)s as its contact person.")
                        % {"name": item.organisation_name, "email": item.contact_email},
                    )
                elif isinstance(form, RejectForm):
                    do_decide_join_request(
                        user,
                        item,
                        JoinRequestStatus.REJECTED,
                        message=form.cleaned_data["rejection_message"],
                        request=request,
                    )
                    messages.success(
                        request,
                        _(
                            "The join request of %(name)s was rejected; "
                            "the contact person has been told."
                        )
                        % {"name": item.organisation_name},
                    )
                else:
                    do_ask_join_request_question(
                        user, item, form.cleaned_data["question"], request=request
                    )
                    messages.success(
                        request,
                        _("Your question was sent to %(email)s.") % {"email": item.contact_email},
                    )
            except TransitionError as error:
                messages.error(request, str(error))
            return redirect("partners:join_request", slug=slug, join_request_id=item.pk)
    duplicate_partners, duplicate_requests = item.get_possible_duplicates()
    return render(
        request,
        "partners/join_request.html",
        {
            "join_request": item,
            "principles": list(item.endorsed_principles.all()),
            "events": list(for_coalition(item.events.all(), coalition).select_related("actor")),
            "duplicate_partners": duplicate_partners,
            "duplicate_requests": duplicate_requests,
            "approve_form": forms["approve"],
            "reject_form": forms["reject"],
            "question_form": forms["ask"],
        },
    )


@requires(Permission.VIEW_PARTNERS)
def partners(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    items = list(for_coalition(Partner.objects.all(), coalition))
    return render(
        request,
        "partners/partners.html",
        {"partners": items, "own_partner_id": membership.organisation_id},
    )


@requires(Permission.VIEW_PARTNERS)
def partner(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    item = get_object_or_404(for_coalition(Partner.objects.all(), coalition), pk=partner_id)
    people = (
        for_coalition(Membership.objects.all(), coalition)
        .filter(organisation=item)
        .select_related("user")
        .order_by("user__full_name")
    )
    return render(
        request,
        "partners/partner.html",
        {"partner": item, "people": people, "can_edit": may_edit_partner(membership, item)},
    )


@requires(Permission.EDIT_PARTNER)
def edit_partner(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    item = access_partner_for_edit(request, partner_id)
    form = PartnerForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        do_update_partner(cast(User, request.user), item, request=request, **form.cleaned_data)
        messages.success(
            request, _("The profile of %(name)s has been saved.") % {"name": item.name}
        )
        return redirect("partners:partner", slug=slug, partner_id=item.pk)
    return render(request, "partners/edit_partner.html", {"partner": item, "form": form})


@requires(Permission.VIEW_PUBLIC_PAGES)
def logo(request: HttpRequest, slug: str, partner_id: int) -> HttpResponseBase:
    """A partner's logo: for everyone when the partner is public, else for members only.

    Served by us rather than as a static file so that the visibility check applies; 404 (not
    403) for a hidden partner, so its existence is not revealed.
    """
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    item = get_object_or_404(
        for_coalition(Partner.objects.exclude(logo=""), coalition), pk=partner_id
    )
    if not item.is_public and request.membership is None:  # type: ignore[attr-defined]
        raise Http404
    name = item.get_logo_name()
    content_type = {"png": "image/png", "jpg": "image/jpeg"}.get(name.rsplit(".", 1)[-1])
    if content_type is None or not default_storage.exists(name):
        raise Http404
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = "inline"
    patch_cache_control(response, max_age=3600, **({"public": True} if item.is_public else {}))
    return response


@requires(Permission.MANAGE_PARTNER_PEOPLE)
def invite_colleague(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    item = access_partner_for_edit(request, partner_id)
    form = ColleagueInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        do_invite_colleague(
            cast(User, request.user), item, email, Role(form.cleaned_data["role"]), request
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": email})
        return redirect("partners:partner", slug=slug, partner_id=item.pk)
    return render(request, "partners/invite_colleague.html", {"partner": item, "form": form})


@requires(Permission.MANAGE_PARTNER_PEOPLE)
def manage_colleague(
    request: HttpRequest, slug: str, partner_id: int, membership_id: int
) -> HttpResponse:
    item = access_partner_for_edit(request, partner_id)
    colleague = get_object_or_404(
        Membership.objects.filter(organisation=item).select_related("user"), pk=membership_id
    )
    form = ColleagueRoleForm(request.POST or None, initial={"role": colleague.role})
    error = ""
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                do_remove_colleague(cast(User, request.user), colleague, request)
                messages.success(
                    request, _("%(name)s is no longer a member.") % {"name": colleague.user}
                )
                return redirect("partners:partner", slug=slug, partner_id=item.pk)
            if form.is_valid():
                do_change_colleague_role(
                    cast(User, request.user), colleague, Role(form.cleaned_data["role"]), request
                )
                messages.success(
                    request,
                    _("The role of %(name)s is now %(role)s.")
                    % {"name": colleague.user, "role": colleague.get_role_display()},
                )
                return redirect("partners:partner", slug=slug, partner_id=item.pk)
        except PartnerPeopleError as problem:
            error = str(problem)
    return render(
        request,
        "partners/manage_colleague.html",
        {"partner": item, "colleague": colleague, "form": form, "error": error},
    )


@requires(Permission.EDIT_PARTNER)
def embedding(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    """A partner's embedding (borging) checklist, kept by its partner admins."""
    item = access_partner_for_edit(request, partner_id)
    stored = Embedding.objects.filter(partner=item).first()
    form = EmbeddingForm(request.POST or None, instance=stored)
    if request.method == "POST" and form.is_valid():
        do_update_embedding(cast(User, request.user), item, request=request, **form.cleaned_data)
        messages.success(
            request, _("The embedding checklist of %(name)s has been saved.") % {"name": item.name}
        )
        return redirect("partners:partner", slug=slug, partner_id=item.pk)
    return render(request, "partners/embedding.html", {"partner": item, "form": form})


@requires(Permission.VIEW_DASHBOARD)
def embedding_overview(request: HttpRequest, slug: str) -> HttpResponse:
    """Coverage of the embedding checklist across the coalition's partners."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    items = list(for_coalition(Partner.objects.all(), coalition).select_related("embedding"))
    embeddings = [p.embedding for p in items if hasattr(p, "embedding")]
    return render(
        request,
        "partners/embedding_overview.html",
        {
            "coverage": get_embedding_coverage(items, embeddings),
            "partners": [(p, get_ticked_items(getattr(p, "embedding", None))) for p in items],
        },
    )
