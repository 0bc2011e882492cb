from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from weerbaar.accounts.access import deny_access, requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.knowledge.access import (
    access_comment,
    access_item_for_edit,
    access_item_for_reading,
    is_own_comment,
    may_edit,
    may_moderate_comment,
)
from weerbaar.knowledge.actions import (
    FIELDS as ITEM_FIELDS,
)
from weerbaar.knowledge.actions import (
    do_add_attachment,
    do_add_comment,
    do_create_knowledge_item,
    do_delete_knowledge_item,
    do_edit_comment,
    do_remove_attachment,
    do_remove_comment,
    do_update_knowledge_item,
)
from weerbaar.knowledge.files import download_stored_file
from weerbaar.knowledge.forms import AttachmentForm, CommentForm, KnowledgeItemForm, SearchForm
from weerbaar.knowledge.models import Comment, KnowledgeItem
from weerbaar.knowledge.querysets import json_list_contains
from weerbaar.knowledge.search import (
    MAX_RESULTS,
    MIN_QUERY_LENGTH,
    SearchResult,
    SearchResults,
    get_query_terms,
    search_items,
)
from weerbaar.partners.models import Partner


def _partners(coalition: Coalition) -> QuerySet[Partner]:
    return for_coalition(Partner.objects.all(), coalition)


@requires(Permission.VIEW_PUBLIC_PAGES)
def items(request: HttpRequest, slug: str) -> HttpResponse:
    """Members see their coalition's items and shared ones; visitors the public ones."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    if membership is not None:
        rows = KnowledgeItem.objects.visible_in(coalition, cast(User, request.user))
    else:
        rows = for_coalition(KnowledgeItem.objects.all(), coalition).public()
    return render(
        request,
        "knowledge/items.html",
        {"items": rows.select_related("coalition"), "is_member": membership is not None},
    )


def _threads(request: HttpRequest, found: KnowledgeItem) -> list[dict[str, Any]]:
    """Top-level reactions with their replies, each with what the visitor may do with it."""
    rows = list(found.comments.select_related("author", "coalition", "item"))

    def entry(comment: Comment) -> dict[str, Any]:
        own = is_own_comment(request, comment) and not comment.is_removed()
        return {
            "comment": comment,
            "may_edit": own,
            "may_remove": not comment.is_removed()
            and (own or may_moderate_comment(request, comment)),
        }

    return [
        {**entry(top), "replies": [entry(r) for r in rows if r.parent_id == top.pk]}
        for top in rows
        if top.parent_id is None
    ]


@requires(Permission.VIEW_PUBLIC_PAGES)
def item(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    found = access_item_for_reading(request, item_id)
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "item": found,
        "may_edit": may_edit(request, found),
        "may_delete": membership is not None
        and membership.role == Role.COORDINATOR
        and found.coalition_id == request.coalition.pk,  # type: ignore[attr-defined]
    }
    # Reactions are for members only: a visitor of a public item sees none of them.
    if membership is not None:
        context["threads"] = _threads(request, found)
        context["comment_form"] = CommentForm()
    return render(request, "knowledge/item.html", context)


@requires(Permission.DISCUSS_KNOWLEDGE)
def add_comment(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    """React (or reply, with ``parent``); without JavaScript too: errors show on a page of
    their own that keeps the text."""
    found = access_item_for_reading(request, item_id)
    if request.method != "POST":
        return redirect("knowledge:item", slug=slug, item_id=found.pk)
    form = CommentForm(request.POST)
    parent: Comment | None = None
    if form.is_valid():
        parent_id = form.cleaned_data["parent"]
        if parent_id is not None:
            parent = Comment.objects.filter(item=found, pk=parent_id).first()
            if parent is None:
                form.add_error(None, _("The reaction you answered no longer exists."))
    if form.is_valid():
        created = do_add_comment(
            cast(User, request.user),
            request.coalition,  # type: ignore[attr-defined]
            found,
            form.cleaned_data["body"],
            parent=parent,
            request=request,
        )
        messages.success(request, _("Your reaction has been placed."))
        return redirect(_comment_url(slug, found.pk, created.pk))
    return render(request, "knowledge/comment_form.html", {"form": form, "item": found})


def _comment_url(slug: str, item_id: int, comment_id: int) -> str:
    return reverse("knowledge:item", args=[slug, item_id]) + f"#reactie-{comment_id}"


@requires(Permission.DISCUSS_KNOWLEDGE)
def edit_comment(request: HttpRequest, slug: str, item_id: int, comment_id: int) -> HttpResponse:
    comment = access_comment(request, item_id, comment_id)
    if not is_own_comment(request, comment):
        deny_access(request, str(Permission.DISCUSS_KNOWLEDGE), target=comment)
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        do_edit_comment(
            cast(User, request.user), comment, form.cleaned_data["body"], request=request
        )
        messages.success(request, _("Your reaction has been saved."))
        return redirect(_comment_url(slug, item_id, comment.pk))
    return render(
        request,
        "knowledge/comment_form.html",
        {"form": form, "item": comment.item, "comment": comment},
    )


@requires(Permission.DISCUSS_KNOWLEDGE)
def remove_comment(request: HttpRequest, slug: str, item_id: int, comment_id: int) -> HttpResponse:
    comment = access_comment(request, item_id, comment_id)
    own = is_own_comment(request, comment)
    if not own and not may_moderate_comment(request, comment):
        deny_access(request, str(Permission.DISCUSS_KNOWLEDGE), target=comment)
    if request.method == "POST":
        do_remove_comment(cast(User, request.user), comment, by_moderator=not own, request=request)
        messages.success(request, _("The reaction has been removed."))
        return redirect(_comment_url(slug, item_id, comment.pk))
    return render(
        request, "knowledge/remove_comment.html", {"item": comment.item, "comment": comment}
    )


@requires(Permission.VIEW_KNOWLEDGE)
def search(request: HttpRequest, slug: str) -> HttpResponse:
    """Search words, filters, or both; filters alone list the matching items newest first."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = SearchForm(request.GET or None, partners=_partners(coalition))
    context: dict[str, Any] = {"form": form, "results": None, "notice": ""}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = data["q"] or ""
        rows = KnowledgeItem.objects.visible_in(coalition, cast(User, request.user))
        if data["kind"]:
            rows = rows.filter(kind=data["kind"])
        if data["organisation"]:
            rows = rows.filter(author_organisation=data["organisation"])
        if data["published_from"]:
            rows = rows.filter(published_on__gte=data["published_from"])
        if data["published_until"]:
            rows = rows.filter(published_on__lte=data["published_until"])
        if data["theme"]:
            rows = rows.filter(json_list_contains("themes", data["theme"]))
        if data["target_group"]:
            rows = rows.filter(json_list_contains("target_groups", data["target_group"]))
        if query.strip() and not get_query_terms(query):
            context["notice"] = _("Type at least %(count)d letters or digits to search.") % {
                "count": MIN_QUERY_LENGTH
            }
        elif query.strip():
            context["results"] = search_items(rows, query, limit=MAX_RESULTS)
            context["query"] = query
        elif form.has_filters():
            ordered = list(rows.order_by("-published_on", "-pk")[: MAX_RESULTS + 1])
            context["results"] = SearchResults(
                [SearchResult(row, SafeString()) for row in ordered[:MAX_RESULTS]],
                len(ordered) if len(ordered) <= MAX_RESULTS else rows.count(),
            )
    template = "knowledge/_results.html" if request.htmx else "knowledge/search.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _item_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in ITEM_FIELDS}


@requires(Permission.CONTRIBUTE_KNOWLEDGE)
def create_item(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    form = KnowledgeItemForm(
        request.POST or None,
        partners=_partners(coalition),
        initial={"author_organisation": membership.organisation_id},
    )
    if request.method == "POST" and form.is_valid():
        created = do_create_knowledge_item(
            cast(User, request.user), coalition, request=request, **_item_fields(form.cleaned_data)
        )
        messages.success(request, _("The knowledge item has been added."))
        return redirect("knowledge:item", slug=slug, item_id=created.pk)
    return render(request, "knowledge/edit_item.html", {"form": form, "item": None})


@requires(Permission.CONTRIBUTE_KNOWLEDGE)
def edit_item(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = access_item_for_edit(request, item_id, str(Permission.CONTRIBUTE_KNOWLEDGE))
    initial = {
        **{name: getattr(found, name) for name in ("kind", "themes", "target_groups", "title")},
        "summary": found.summary,
        "body": found.body,
        "links": found.links,
        "author_organisation": found.author_organisation_id,
        "published_on": found.published_on,
        "tags": ", ".join(found.get_tags()),
        "visibility": found.visibility,
    }
    form = KnowledgeItemForm(request.POST or None, partners=_partners(coalition), initial=initial)
    if request.method == "POST" and form.is_valid():
        do_update_knowledge_item(
            cast(User, request.user), found, request=request, **_item_fields(form.cleaned_data)
        )
        messages.success(request, _("The knowledge item has been saved."))
        return redirect("knowledge:item", slug=slug, item_id=found.pk)
    return render(request, "knowledge/edit_item.html", {"form": form, "item": found})


@requires(Permission.MODERATE_KNOWLEDGE)
def delete_item(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    found = access_item_for_edit(request, item_id, str(Permission.MODERATE_KNOWLEDGE))
    if request.method == "POST":
        do_delete_knowledge_item(cast(User, request.user), found, request=request)
        messages.success(request, _("The knowledge item has been removed."))
        return redirect("knowledge:items", slug=slug)
    return render(request, "knowledge/delete_item.html", {"item": found})


@requires(Permission.CONTRIBUTE_KNOWLEDGE)
def add_attachment(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    found = access_item_for_edit(request, item_id, str(Permission.CONTRIBUTE_KNOWLEDGE))
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        do_add_attachment(
            cast(User, request.user), found, form.cleaned_data["file"], request=request
        )
        messages.success(request, _("The file has been attached."))
        return redirect("knowledge:item", slug=slug, item_id=found.pk)
    return render(request, "knowledge/add_attachment.html", {"form": form, "item": found})


@requires(Permission.VIEW_PUBLIC_PAGES)
def attachment(
    request: HttpRequest, slug: str, item_id: int, attachment_id: int
) -> HttpResponseBase:
    """A file, after the same check as its item; always a download, never shown inline."""
    found = access_item_for_reading(request, item_id)
    stored = get_object_or_404(found.attachments.all(), pk=attachment_id)
    return download_stored_file(stored.file.name or "", stored.original_name, stored.content_type)


@requires(Permission.CONTRIBUTE_KNOWLEDGE)
def remove_attachment(
    request: HttpRequest, slug: str, item_id: int, attachment_id: int
) -> HttpResponse:
    found = access_item_for_edit(request, item_id, str(Permission.CONTRIBUTE_KNOWLEDGE))
    stored = get_object_or_404(found.attachments.all(), pk=attachment_id)
    if request.method == "POST":
        do_remove_attachment(cast(User, request.user), stored, request=request)
        messages.success(request, _("The attachment has been removed."))
        return redirect("knowledge:item", slug=slug, item_id=found.pk)
    return render(
        request, "knowledge/remove_attachment.html", {"item": found, "attachment": stored}
    )
