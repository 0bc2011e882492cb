"""Object-level access to knowledge items, on top of the permission a view declares."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from weerbaar.accounts.access import deny_access
from weerbaar.accounts.choices import Role
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.knowledge.models import Comment, KnowledgeItem


def access_item_for_reading(request: HttpRequest, item_id: int) -> KnowledgeItem:
    """An item the visitor may read here: members see their coalition's items and shared
    ones, everyone else only this coalition's public items; 404 otherwise."""
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = getattr(request, "membership", None)
    if membership is not None:
        items = KnowledgeItem.objects.visible_in(coalition, membership.user)
    else:
        items = for_coalition(KnowledgeItem.objects.all(), coalition).public()
    return get_object_or_404(items.select_related("coalition"), pk=item_id)


def may_edit(request: HttpRequest, item: KnowledgeItem) -> bool:
    """The author or a coordinator of the item's own coalition (shared items are read-only)."""
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = getattr(request, "membership", None)
    if membership is None or item.coalition_id != coalition.pk:
        return False
    return membership.role == Role.COORDINATOR or item.created_by_id == request.user.pk


def access_item_for_edit(request: HttpRequest, item_id: int, permission: str) -> KnowledgeItem:
    """An item of this coalition the visitor may change, 404 for other coalitions' items, or
    403 (with an audit entry)."""
    coalition = request.coalition  # type: ignore[attr-defined]
    item = get_object_or_404(for_coalition(KnowledgeItem.objects.all(), coalition), pk=item_id)
    if may_edit(request, item):
        return item
    deny_access(request, permission)


def access_comment(request: HttpRequest, item_id: int, comment_id: int) -> Comment:
    """A reaction under an item the member may read here; 404 otherwise."""
    item = access_item_for_reading(request, item_id)
    return get_object_or_404(
        Comment.objects.select_related("item", "coalition", "author"),
        item=item,
        pk=comment_id,
        removed_at__isnull=True,
    )


def is_own_comment(request: HttpRequest, comment: Comment) -> bool:
    return comment.author_id is not None and comment.author_id == request.user.pk


def may_moderate_comment(request: HttpRequest, comment: Comment) -> bool:
    """A coordinator moderates reactions written in their coalition and every reaction under
    their coalition's own items (also those from members of other coalitions)."""
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = getattr(request, "membership", None)
    if membership is None or membership.role != Role.COORDINATOR:
        return False
    return coalition.pk in (comment.coalition_id, comment.item.coalition_id)
