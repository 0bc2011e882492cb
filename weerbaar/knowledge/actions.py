"""Every change to knowledge items goes through these functions."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.files import CleanFile
from weerbaar.knowledge.models import Attachment, KnowledgeItem
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
    name = default_storage.save(
        f"knowledge/{uuid.uuid4().hex}.{upload.extension}", ContentFile(upload.content)
    )
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
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
