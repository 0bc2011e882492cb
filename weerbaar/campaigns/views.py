from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.campaigns.actions import (
    CAMPAIGN_FIELDS,
    CAMPAIGN_ROW_FIELDS,
    LOBBY_FIELDS,
    do_add_campaign_file,
    do_create_campaign,
    do_create_lobby_item,
    do_record_reach,
    do_remove_campaign_file,
    do_remove_reach,
    do_update_campaign,
    do_update_lobby_item,
)
from weerbaar.campaigns.forms import CampaignFileForm, CampaignForm, LobbyItemForm, ReachForm
from weerbaar.campaigns.models import Campaign, LobbyItem
from weerbaar.campaigns.querysets import CampaignQuerySet
from weerbaar.campaigns.reach import get_reach_series
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.dashboard.actions import do_record_export
from weerbaar.knowledge.files import download_stored_file
from weerbaar.lib.csv_export import csv_response


def _may(request: HttpRequest, permission: Permission) -> bool:
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    return membership is not None and role_may(Role(membership.role), permission)


def _visible_campaigns(request: HttpRequest) -> CampaignQuerySet:
    """Members see every campaign of their coalition, everyone else the public ones."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    rows = for_coalition(Campaign.objects.all(), coalition)
    return rows if request.membership is not None else rows.public()  # type: ignore[attr-defined]


def _campaign(request: HttpRequest, campaign_id: int) -> Campaign:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    return get_object_or_404(for_coalition(Campaign.objects.all(), coalition), pk=campaign_id)


def _lobby_item(request: HttpRequest, item_id: int) -> LobbyItem:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    return get_object_or_404(for_coalition(LobbyItem.objects.all(), coalition), pk=item_id)


def _fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names}


@requires(Permission.VIEW_PUBLIC_PAGES)
def campaigns(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request,
        "campaigns/campaigns.html",
        {
            "campaigns": _visible_campaigns(request),
            "is_member": request.membership is not None,  # type: ignore[attr-defined]
            "may_manage": _may(request, Permission.MANAGE_CAMPAIGNS),
        },
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def campaign(request: HttpRequest, slug: str, campaign_id: int) -> HttpResponse:
    """The campaign; its reach figures only for members, and for visitors only the knowledge
    items they may read."""
    found = get_object_or_404(_visible_campaigns(request), pk=campaign_id)
    is_member = request.membership is not None  # type: ignore[attr-defined]
    items = found.knowledge_items.all() if is_member else found.knowledge_items.public()
    return render(
        request,
        "campaigns/campaign.html",
        {
            "campaign": found,
            "knowledge_items": items,
            "is_member": is_member,
            "series": get_reach_series(found) if is_member else [],
            "figures": found.reach_figures.order_by("-measured_on", "-pk") if is_member else [],
            "may_manage": _may(request, Permission.MANAGE_CAMPAIGNS),
        },
    )


def _save_campaign(request: HttpRequest, form: CampaignForm, found: Campaign | None) -> Campaign:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    fields = _fields(form.cleaned_data, CAMPAIGN_FIELDS)
    user = cast(User, request.user)
    if found is None:
        return do_create_campaign(user, coalition, request=request, **fields)
    return do_update_campaign(user, found, request=request, **fields)


@requires(Permission.MANAGE_CAMPAIGNS)
def edit_campaign(request: HttpRequest, slug: str, campaign_id: int | None = None) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = _campaign(request, campaign_id) if campaign_id is not None else None
    initial: dict[str, Any] = {"starts_on": timezone.localdate()}
    if found is not None:
        initial = {name: getattr(found, name) for name in CAMPAIGN_ROW_FIELDS}
        initial["partners"] = list(found.partners.all())
        initial["knowledge_items"] = list(found.knowledge_items.all())
    form = CampaignForm(request.POST or None, coalition=coalition, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_campaign(request, form, found)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The campaign has been saved."))
            return redirect("campaigns:campaign", slug=slug, campaign_id=saved.pk)
    return render(request, "campaigns/edit_campaign.html", {"form": form, "campaign": found})


@requires(Permission.MANAGE_CAMPAIGNS)
def add_reach(request: HttpRequest, slug: str, campaign_id: int) -> HttpResponse:
    found = _campaign(request, campaign_id)
    form = ReachForm(
        request.POST or None, campaign=found, initial={"measured_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        do_record_reach(cast(User, request.user), found, request=request, **form.cleaned_data)
        messages.success(request, _("The reach figure has been added."))
        return redirect("campaigns:campaign", slug=slug, campaign_id=found.pk)
    return render(request, "campaigns/add_reach.html", {"form": form, "campaign": found})


@requires(Permission.MANAGE_CAMPAIGNS)
def remove_reach(request: HttpRequest, slug: str, campaign_id: int, figure_id: int) -> HttpResponse:
    found = _campaign(request, campaign_id)
    figure = get_object_or_404(found.reach_figures.all(), pk=figure_id)
    if request.method == "POST":
        do_remove_reach(cast(User, request.user), figure, request=request)
        messages.success(request, _("The reach figure has been removed."))
        return redirect("campaigns:campaign", slug=slug, campaign_id=found.pk)
    return render(request, "campaigns/remove_reach.html", {"campaign": found, "figure": figure})


@requires(Permission.VIEW_CAMPAIGNS)
def export_reach(request: HttpRequest, slug: str, campaign_id: int) -> HttpResponse:
    """The reach figures as CSV; the campaign's title and notes are text people typed."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = _campaign(request, campaign_id)
    rows: list[list[str | int]] = [
        [found.title, f.measured_on.isoformat(), str(f.get_measure_display()), f.value, f.note]
        for f in found.reach_figures.order_by("measured_on", "measure", "pk")
    ]
    header = [_("Campaign"), _("Date"), _("Measure"), _("Number"), _("Note")]
    do_record_export(cast(User, request.user), coalition, "campaign_reach", len(rows), request)
    return csv_response(f"{coalition.slug}-campaign-{found.pk}-reach.csv", header, rows)


@requires(Permission.MANAGE_CAMPAIGNS)
def add_file(request: HttpRequest, slug: str, campaign_id: int) -> HttpResponse:
    found = _campaign(request, campaign_id)
    form = CampaignFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        do_add_campaign_file(
            cast(User, request.user), found, form.cleaned_data["file"], request=request
        )
        messages.success(request, _("The file has been added."))
        return redirect("campaigns:campaign", slug=slug, campaign_id=found.pk)
    return render(request, "campaigns/add_file.html", {"form": form, "campaign": found})


@requires(Permission.VIEW_PUBLIC_PAGES)
def campaign_file(
    request: HttpRequest, slug: str, campaign_id: int, file_id: int
) -> HttpResponseBase:
    """A material file, after the same check as its campaign; always a download."""
    found = get_object_or_404(_visible_campaigns(request), pk=campaign_id)
    stored = get_object_or_404(found.files.all(), pk=file_id)
    return download_stored_file(stored.file.name or "", stored.original_name, stored.content_type)


@requires(Permission.MANAGE_CAMPAIGNS)
def remove_file(request: HttpRequest, slug: str, campaign_id: int, file_id: int) -> HttpResponse:
    found = _campaign(request, campaign_id)
    stored = get_object_or_404(found.files.all(), pk=file_id)
    if request.method == "POST":
        do_remove_campaign_file(cast(User, request.user), stored, request=request)
        messages.success(request, _("The file has been removed."))
        return redirect("campaigns:campaign", slug=slug, campaign_id=found.pk)
    return render(request, "campaigns/remove_file.html", {"campaign": found, "file": stored})


@requires(Permission.VIEW_LOBBY_AGENDA)
def lobby(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    rows = for_coalition(LobbyItem.objects.all(), coalition)
    return render(
        request,
        "campaigns/lobby.html",
        {
            "open_items": rows.open(),
            "closed_items": rows.exclude(pk__in=rows.open().values("pk")),
            "may_manage": _may(request, Permission.MANAGE_LOBBY_AGENDA),
        },
    )


@requires(Permission.VIEW_LOBBY_AGENDA)
def lobby_item(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    found = _lobby_item(request, item_id)
    return render(
        request,
        "campaigns/lobby_item.html",
        {"item": found, "may_manage": _may(request, Permission.MANAGE_LOBBY_AGENDA)},
    )


@requires(Permission.MANAGE_LOBBY_AGENDA)
def edit_lobby_item(request: HttpRequest, slug: str, item_id: int | None = None) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = _lobby_item(request, item_id) if item_id is not None else None
    initial: dict[str, Any] = {}
    if found is not None:
        initial = {name: getattr(found, name) for name in LOBBY_FIELDS[:-1]}
        initial["knowledge_items"] = list(found.knowledge_items.all())
    form = LobbyItemForm(request.POST or None, coalition=coalition, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = _fields(form.cleaned_data, LOBBY_FIELDS)
        user = cast(User, request.user)
        if found is None:
            saved = do_create_lobby_item(user, coalition, request=request, **fields)
        else:
            saved = do_update_lobby_item(user, found, request=request, **fields)
        messages.success(request, _("The lobby item has been saved."))
        return redirect("campaigns:lobby_item", slug=slug, item_id=saved.pk)
    return render(request, "campaigns/edit_lobby_item.html", {"form": form, "item": found})
