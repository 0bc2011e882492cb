"""Every change to campaigns and the lobby agenda goes through these functions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.campaigns.models import Campaign, CampaignFile, LobbyItem, ReachFigure, split_links
from weerbaar.coalitions.models import Coalition
from weerbaar.knowledge.files import CleanFile, delete_stored_file_on_commit, store_checked_file
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.partners.models import Partner

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

CAMPAIGN_FIELDS = (
    "title",
    "goal",
    "target_groups",
    "target_group_note",
    "message",
    "channels",
    "starts_on",
    "ends_on",
    "status",
    "partners",
    "links",
    "is_public",
    "knowledge_items",
)
# The fields stored on the row itself (the others are many-to-many links).
CAMPAIGN_ROW_FIELDS = tuple(f for f in CAMPAIGN_FIELDS if f not in ("partners", "knowledge_items"))
LOBBY_FIELDS = (
    "topic",
    "ask",
    "addressee",
    "addressee_name",
    "status",
    "outcome",
    "links",
    "knowledge_items",
)


def _check_own(coalition: Coalition, rows: Iterable[Partner | KnowledgeItem]) -> list[Any]:
    """Partners and knowledge items linked to a coalition's row must be that coalition's."""
    rows = list(rows)
    if any(row.coalition_id != coalition.pk for row in rows):
        raise ValueError("Only partners and knowledge items of the same coalition can be linked.")
    return rows


def _apply_campaign(campaign: Campaign, fields: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    for name in CAMPAIGN_ROW_FIELDS:
        setattr(campaign, name, fields[name])
    campaign.title = campaign.title.strip()
    campaign.links = "\n".join(split_links(campaign.links))
    if campaign.ends_on is not None and campaign.ends_on < campaign.starts_on:
        raise ValidationError({"ends_on": _("The end date is before the start date.")})
    partners = _check_own(campaign.coalition, fields["partners"])
    items = _check_own(campaign.coalition, fields["knowledge_items"])
    return partners, items


@transaction.atomic
def do_create_campaign(
    actor: User | None, coalition: Coalition, *, request: HttpRequest | None = None, **fields: Any
) -> Campaign:
    """Add a campaign to ``coalition``; its partners and knowledge items must be its own."""
    campaign = Campaign(coalition=coalition, created_by=actor)
    partners, items = _apply_campaign(campaign, fields)
    campaign.full_clean()
    campaign.save()
    campaign.partners.set(partners)
    campaign.knowledge_items.set(items)
    do_record_audit_entry(
        AuditAction.CAMPAIGN_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=campaign,
    )
    return campaign


@transaction.atomic
def do_update_campaign(
    actor: User, campaign: Campaign, *, request: HttpRequest | None = None, **fields: Any
) -> Campaign:
    """Change a campaign; the audit entry names the fields that changed."""
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    before = {name: getattr(locked, name) for name in CAMPAIGN_ROW_FIELDS}
    partners, items = _apply_campaign(locked, fields)
    locked.full_clean()
    locked.save()
    changed = [name for name, value in before.items() if getattr(locked, name) != value]
    if set(locked.partners.all()) != set(partners):
        changed.append("partners")
    if set(locked.knowledge_items.all()) != set(items):
        changed.append("knowledge_items")
    locked.partners.set(partners)
    locked.knowledge_items.set(items)
    do_record_audit_entry(
        AuditAction.CAMPAIGN_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"changed": changed, "status": locked.status},
    )
    return locked


@transaction.atomic
def do_record_reach(
    actor: User | None,
    campaign: Campaign,
    *,
    measured_on: datetime.date,
    measure: str,
    value: int,
    note: str = "",
    request: HttpRequest | None = None,
) -> ReachFigure:
    """Add one reach figure to a campaign."""
    figure = ReachFigure(
        coalition=campaign.coalition,
        campaign=campaign,
        measured_on=measured_on,
        measure=measure,
        value=value,
        note=note.strip(),
        created_by=actor,
    )
    figure.full_clean()
    figure.save()
    do_record_audit_entry(
        AuditAction.CAMPAIGN_REACH_RECORDED,
        actor=actor,
        request=request,
        coalition=campaign.coalition,
        target=campaign,
        detail={"measure": measure, "value": value, "date": measured_on.isoformat()},
    )
    return figure


@transaction.atomic
def do_remove_reach(
    actor: User, figure: ReachFigure, *, request: HttpRequest | None = None
) -> None:
    """Remove a reach figure entered by mistake; the audit entry keeps what it said."""
    do_record_audit_entry(
        AuditAction.CAMPAIGN_REACH_REMOVED,
        actor=actor,
        request=request,
        coalition=figure.coalition,
        target=figure.campaign,
        detail={
            "measure": figure.measure,
            "value": figure.value,
            "date": figure.measured_on.isoformat(),
        },
    )
    figure.delete()


@transaction.atomic
def do_add_campaign_file(
    actor: User | None, campaign: Campaign, upload: CleanFile, *, request: HttpRequest | None = None
) -> CampaignFile:
    """Store a file checked by content under a generated name, as material of ``campaign``."""
    name = store_checked_file("campaigns", upload)
    stored = CampaignFile.objects.create(
        coalition=campaign.coalition,
        campaign=campaign,
        file=name,
        original_name=upload.original_name,
        content_type=upload.content_type,
        size=len(upload.content),
        created_by=actor,
    )
    do_record_audit_entry(
        AuditAction.CAMPAIGN_FILE_ADDED,
        actor=actor,
        request=request,
        coalition=campaign.coalition,
        target=campaign,
        detail={"file": upload.original_name[:200]},
    )
    return stored


@transaction.atomic
def do_remove_campaign_file(
    actor: User, stored: CampaignFile, *, request: HttpRequest | None = None
) -> None:
    """Remove a campaign file; the file itself goes once the removal is committed."""
    name = stored.file.name or ""
    do_record_audit_entry(
        AuditAction.CAMPAIGN_FILE_REMOVED,
        actor=actor,
        request=request,
        coalition=stored.coalition,
        target=stored.campaign,
        detail={"file": stored.original_name[:200]},
    )
    stored.delete()
    delete_stored_file_on_commit(name)


def _apply_lobby(item: LobbyItem, fields: dict[str, Any]) -> list[Any]:
    for name in LOBBY_FIELDS:
        if name != "knowledge_items":
            setattr(item, name, fields[name])
    item.topic = item.topic.strip()
    item.links = "\n".join(split_links(item.links))
    return _check_own(item.coalition, fields["knowledge_items"])


@transaction.atomic
def do_create_lobby_item(
    actor: User | None, coalition: Coalition, *, request: HttpRequest | None = None, **fields: Any
) -> LobbyItem:
    """Put a point on ``coalition``'s lobby agenda."""
    item = LobbyItem(coalition=coalition, created_by=actor)
    items = _apply_lobby(item, fields)
    item.full_clean()
    item.save()
    item.knowledge_items.set(items)
    do_record_audit_entry(
        AuditAction.LOBBY_ITEM_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=item,
        detail={"status": item.status},
    )
    return item


@transaction.atomic
def do_update_lobby_item(
    actor: User, item: LobbyItem, *, request: HttpRequest | None = None, **fields: Any
) -> LobbyItem:
    """Change a lobby item; a status change is recorded with where it came from."""
    locked = LobbyItem.objects.select_for_update().get(pk=item.pk)
    old_status = locked.status
    items = _apply_lobby(locked, fields)
    locked.full_clean()
    locked.save()
    locked.knowledge_items.set(items)
    do_record_audit_entry(
        AuditAction.LOBBY_ITEM_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"status_from": old_status, "status": locked.status},
    )
    return locked
