"""Every change to knowledge items goes through these functions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.files import CleanFile, delete_stored_file_on_commit, store_checked_file
from weerbaar.knowledge.models import Attachment, Comment, KnowledgeItem
from weerbaar.knowledge.notifications import notify_of_comment
from weerbaar.knowledge.search import do_index_item, do_unindex_item
from weerbaar.knowledge.tags import normalise_tags
from weerbaar.partners.models import Partner

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

FIELDS = (
    "kind",
    "themes",
    "target_groups",
    "title",
    "summary",
    "body",
    "links",
    "author_organisation",
    "published_on",
    "tags",
    "visibility",
)


def _apply(
    item: KnowledgeItem,
    *,
    kind: str,
    themes: list[str],
    target_groups: list[str],
    title: str,
    summary: str,
    body: str,
    links: str,
    author_organisation: Partner | None,
    published_on: datetime.date,
    tags: str,
    visibility: str,
) -> None:
    if author_organisation is not None and author_organisation.coalition_id != item.coalition_id:
        raise ValueError("The author organisation must be a partner of the item's coalition.")
    item.kind = kind
    item.themes = list(themes)
    item.target_groups = list(target_groups)
    item.title = title.strip()
    item.summary = summary.strip()
    item.body = body
    item.links = "\n".join(line.strip() for line in links.splitlines() if line.strip())
    item.author_organisation = author_organisation
    item.published_on = published_on
    item.tags = normalise_tags(tags)
    item.visibility = visibility


@transaction.atomic
def do_create_knowledge_item(
    actor: User | None,
    coalition: Coalition,
    *,
    request: HttpRequest | None = None,
    **fields: object,
) -> KnowledgeItem:
    """Add an item to ``coalition``'s knowledge base and to the search index."""
    item = KnowledgeItem(coalition=coalition, created_by=actor)
    _apply(item, **fields)  # type: ignore[arg-type]  # the fields are those of _apply
    item.full_clean(exclude=["search_vector"])
    item.save()
    do_index_item(item)
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_ITEM_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=item,
    )
    return item


@transaction.atomic
def do_update_knowledge_item(
    actor: User, item: KnowledgeItem, *, request: HttpRequest | None = None, **fields: object
) -> KnowledgeItem:
    """Change an item and its search index; the caller checked that ``actor`` may."""
    locked = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
    _apply(locked, **fields)  # type: ignore[arg-type]  # the fields are those of _apply
    locked.full_clean(exclude=["search_vector"])
    locked.save()
    do_index_item(locked)
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_ITEM_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    return locked


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


@transaction.atomic
def do_delete_knowledge_item(
    actor: User, item: KnowledgeItem, *, request: HttpRequest | None = None
) -> None:
    """Remove an item and its search entry; the audit entry keeps its title."""
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_ITEM_DELETED,
        actor=actor,
        request=request,
        coalition=item.coalition,
        target=item,
        detail={"title": item.title[:200]},
    )
    item_id = item.pk
    names = [a.file.name for a in item.attachments.all() if a.file.name]
    item.delete()
    do_unindex_item(item_id)
    transaction.on_commit(lambda: _delete_files(names))


@transaction.atomic
def do_add_attachment(
    actor: User, item: KnowledgeItem, upload: CleanFile, *, request: HttpRequest | None = None
) -> Attachment:
    """Store a checked file under a generated name and attach it to ``item``."""
    name = store_checked_file("knowledge", upload)
    attachment = Attachment.objects.create(
        coalition=item.coalition,
        item=item,
        file=name,
        original_name=upload.original_name,
        content_type=upload.content_type,
        size=len(upload.content),
        created_by=actor,
    )
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_ATTACHMENT_ADDED,
        actor=actor,
        request=request,
        coalition=item.coalition,
        target=item,
        detail={"file": upload.original_name[:200]},
    )
    return attachment


@transaction.atomic
def do_remove_attachment(
    actor: User, attachment: Attachment, *, request: HttpRequest | None = None
) -> None:
    """Remove an attachment; its file goes once the removal is committed."""
    name = attachment.file.name or ""
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_ATTACHMENT_REMOVED,
        actor=actor,
        request=request,
        coalition=attachment.coalition,
        target=attachment.item,
        detail={"file": attachment.original_name[:200]},
    )
    attachment.delete()
    delete_stored_file_on_commit(name)


@transaction.atomic
def do_add_comment(
    actor: User,
    coalition: Coalition,
    item: KnowledgeItem,
    body: str,
    *,
    parent: Comment | None = None,
    request: HttpRequest | None = None,
) -> Comment:
    """React to ``item`` from ``coalition`` (the actor's); a reply to a reply goes under the
    top-level reaction, so threads stay one level deep. The item's author (and, for a reply,
    the author of the reaction) hears of it by mail."""
    if parent is not None:
        if parent.item_id != item.pk:
            raise ValueError("A reply must belong to the same item.")
        if parent.parent_id is not None:
            parent = parent.parent
    comment = Comment(
        coalition=coalition, item=item, parent=parent, author=actor, body=body.strip()
    )
    comment.full_clean()
    comment.save()
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_COMMENT_ADDED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=comment,
        detail={"item": item.pk},
    )
    transaction.on_commit(lambda: notify_of_comment(comment))
    return comment


@transaction.atomic
def do_edit_comment(
    actor: User, comment: Comment, body: str, *, request: HttpRequest | None = None
) -> Comment:
    """Change the text of one's own reaction; the caller checked that it is ``actor``'s."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    locked.body = body.strip()
    locked.edited_at = timezone.now()
    locked.full_clean()
    locked.save()
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_COMMENT_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"item": locked.item_id},
    )
    return locked


@transaction.atomic
def do_remove_comment(
    actor: User,
    comment: Comment,
    *,
    by_moderator: bool = False,
    request: HttpRequest | None = None,
) -> Comment:
    """Take a reaction's text away (its author, or a coordinator moderating); its replies
    stay. The audit entry keeps the start of the text, for a moderation question later."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    do_record_audit_entry(
        AuditAction.KNOWLEDGE_COMMENT_REMOVED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={
            "item": locked.item_id,
            "moderated": by_moderator,
            "text": locked.body[:200],
        },
    )
    locked.body = ""
    locked.removed_at = timezone.now()
    locked.removed_by_moderator = by_moderator
    locked.save()
    return locked
