"""Every change to blueprint requests and plan tasks goes through these functions."""

from __future__ import annotations

import datetime
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import User
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.blueprint.choices import Phase, RequestStatus, TaskStatus
from weerbaar.blueprint.models import (
    BlueprintRequest,
    MaturityScan,
    PlanTask,
    hash_blueprint_token,
)
from weerbaar.blueprint.notifications import (
    notify_platform_admins_of_request,
    notify_requester_of_rejection,
)
from weerbaar.blueprint.rules import STEPS, Plan, make_plan
from weerbaar.coalitions.actions import do_create_coalition
from weerbaar.coalitions.choices import AreaKind
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.actions import do_create_covenant_draft
from weerbaar.partners.actions import do_create_partner

# Steps without which no coalition can be asked for: where, and who asks (the contact fields).
REQUIRED_STEPS = ("region",)


class BlueprintError(Exception):
    """The request cannot change this way (any more); the message is shown to the visitor."""


def get_blueprint_by_token(token: str) -> BlueprintRequest | None:
    return BlueprintRequest.objects.filter(token_hash=hash_blueprint_token(token)).first()


def do_start_blueprint() -> tuple[BlueprintRequest, str]:
    """Start an empty set of answers; returns it and the token of its private link.

    Only the token's hash is stored, so the link shown to the visitor is the only key.
    """
    token = secrets.token_urlsafe(32)
    blueprint = BlueprintRequest.objects.create(
        token_hash=hash_blueprint_token(token),
        expires_at=timezone.now() + timedelta(days=settings.BLUEPRINT_VALID_DAYS),
    )
    return blueprint, token


@transaction.atomic
def do_delete_expired_blueprints() -> int:
    """Delete unfinished wizards whose link expired: they hold names and e-mail addresses of
    organisations nobody will act on. Returns how many; idempotent."""
    count, _deleted = BlueprintRequest.objects.expired_drafts(timezone.now()).delete()
    if count:
        do_record_audit_entry(
            AuditAction.BLUEPRINT_DRAFTS_DELETED,
            actor=None,
            actor_label="system",
            detail={"count": count},
        )
    return count


def _lock(blueprint: BlueprintRequest) -> BlueprintRequest:
    return BlueprintRequest.objects.select_for_update().get(pk=blueprint.pk)


def _check_editable(blueprint: BlueprintRequest) -> None:
    if blueprint.is_expired():
        raise BlueprintError(
            _("This link has expired. Start again; your earlier answers were not kept.")
        )
    if blueprint.status != RequestStatus.DRAFT:
        raise BlueprintError(
            _("These answers have been sent to the platform and can no longer be changed.")
        )


@transaction.atomic
def do_save_blueprint_step(
    blueprint: BlueprintRequest, step: str, data: dict[str, Any]
) -> BlueprintRequest:
    """Store one step's answers (JSON-ready) and keep the link alive for another period."""
    if step not in STEPS:
        raise ValueError(f"Unknown step {step!r}.")
    locked = _lock(blueprint)
    _check_editable(locked)
    locked.answers = {**locked.answers, step: data}
    locked.expires_at = timezone.now() + timedelta(days=settings.BLUEPRINT_VALID_DAYS)
    locked.save(update_fields=["answers", "expires_at", "updated_at"])
    return locked


def get_missing_steps(blueprint: BlueprintRequest) -> list[str]:
    return [step for step in REQUIRED_STEPS if step not in blueprint.answers]


@transaction.atomic
def do_submit_blueprint(
    blueprint: BlueprintRequest,
    *,
    contact_name: str,
    contact_email: str,
    contact_organisation: str,
    request: HttpRequest | None = None,
) -> BlueprintRequest:
    """Ask the platform for a coalition made from these answers."""
    locked = _lock(blueprint)
    _check_editable(locked)
    if get_missing_steps(locked):
        raise BlueprintError(_("Fill in the region first: the platform needs to know where."))
    locked.contact_name = contact_name.strip()
    locked.contact_email = contact_email.strip().lower()
    locked.contact_organisation = contact_organisation.strip()
    locked.status = RequestStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.BLUEPRINT_SUBMITTED,
        actor=None,
        actor_label=locked.contact_email,
        request=request,
        target=locked,
    )
    transaction.on_commit(lambda: notify_platform_admins_of_request(locked))
    return locked


def _check_submitted(blueprint: BlueprintRequest) -> None:
    if blueprint.status != RequestStatus.SUBMITTED:
        raise BlueprintError(
            _("This request has already been handled (%(status)s).")
            % {"status": blueprint.get_status_display()}
        )


def _create_plan_tasks(coalition: Coalition, plan: Plan) -> None:
    """The plan's tasks as the coalition's checklist, after any tasks it has already."""
    first = _next_position(coalition)
    PlanTask.objects.bulk_create(
        PlanTask(
            coalition=coalition,
            phase=task.phase,
            title=str(task.title)[:200],
            description=str(task.description),
            owner=str(task.who)[:150],
            due_date=task.due(plan.start),
            rule=task.rule,
            position=first + position,
        )
        for position, task in enumerate(plan.all_tasks())
    )


@transaction.atomic
def do_approve_blueprint(
    actor: User,
    blueprint: BlueprintRequest,
    *,
    slug: str,
    name: str,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Coalition:
    """Create the coalition the plan describes: public page, themes, areas, the draft
    covenant and the plan as a checklist, with the requester invited as coordinator."""
    locked = _lock(blueprint)
    _check_submitted(locked)
    answers = locked.get_answers()
    # Stored texts are written in the platform's language, Dutch, whoever approves.
    with translation.override(settings.LANGUAGE_CODE):
        plan = make_plan(answers, today or timezone.localdate())
        coalition = do_create_coalition(
            actor,
            slug=slug,
            name=name.strip(),
            region=", ".join(answers.municipalities)[:150],
            ambition=plan.ambition,
            themes=plan.themes,
            focus_areas=plan.focus_areas,
            is_public=True,
            principles=[str(p) for p in plan.principles],
            areas=list(answers.municipalities) if answers.is_regional() else [],
            coordinator_email=locked.contact_email,
            request=request,
        )
        if answers.is_regional():
            coalition.areas.update(kind=AreaKind.MUNICIPALITY)
        do_create_covenant_draft(
            actor,
            coalition,
            title=_("Covenant %(name)s") % {"name": coalition.name},
            body=plan.covenant_markdown(),
            request=request,
        )
        _create_plan_tasks(coalition, plan)
    locked.status = RequestStatus.APPROVED
    locked.coalition = coalition
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.BLUEPRINT_APPROVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=locked,
    )
    return coalition


@transaction.atomic
def do_attach_blueprint(
    actor: User,
    blueprint: BlueprintRequest,
    coalition: Coalition,
    *,
    today: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Coalition:
    """Give an existing coalition the plan instead of creating a new one: for a region that
    turns out to have a coalition here already. The plan's tasks join its checklist; nobody
    is invited, because the coalition already has its coordinators."""
    locked = _lock(blueprint)
    _check_submitted(locked)
    if BlueprintRequest.objects.filter(coalition=coalition).exists():
        raise BlueprintError(
            _("%(name)s already has a plan from a blueprint.") % {"name": coalition.name}
        )
    with translation.override(settings.LANGUAGE_CODE):
        _create_plan_tasks(
            coalition, make_plan(locked.get_answers(), today or timezone.localdate())
        )
    locked.status = RequestStatus.APPROVED
    locked.coalition = coalition
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.BLUEPRINT_APPROVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=locked,
        detail={"attached": True},
    )
    return coalition


@transaction.atomic
def do_reject_blueprint(
    actor: User, blueprint: BlueprintRequest, *, note: str, request: HttpRequest | None = None
) -> BlueprintRequest:
    """Turn a request down with a note the requester reads behind their private link."""
    locked = _lock(blueprint)
    _check_submitted(locked)
    locked.status = RequestStatus.REJECTED
    locked.decision_note = note.strip()
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.BLUEPRINT_REJECTED, actor=actor, request=request, target=locked
    )
    transaction.on_commit(lambda: notify_requester_of_rejection(locked))
    return locked


def _next_position(coalition: Coalition) -> int:
    last = for_coalition(PlanTask.objects.all(), coalition).order_by("-position").first()
    return (last.position + 1) if last is not None else 0


@transaction.atomic
def do_add_plan_task(
    actor: User,
    coalition: Coalition,
    *,
    phase: Phase,
    title: str,
    owner: str = "",
    due_date: datetime.date | None = None,
    description: str = "",
    request: HttpRequest | None = None,
) -> PlanTask:
    """The coordinator's own task, added to the checklist after the plan's own ones."""
    task = PlanTask.objects.create(
        coalition=coalition,
        phase=Phase(phase),
        title=title.strip(),
        owner=owner.strip(),
        due_date=due_date,
        description=description.strip(),
        position=_next_position(coalition),
    )
    do_record_audit_entry(
        AuditAction.PLAN_TASK_ADDED, actor=actor, request=request, coalition=coalition, target=task
    )
    return task


@transaction.atomic
def do_update_plan_task(
    actor: User,
    task: PlanTask,
    *,
    status: TaskStatus,
    owner: str,
    due_date: datetime.date | None,
    request: HttpRequest | None = None,
) -> PlanTask:
    """Change a task's status, owner or due date; done tasks remember when."""
    locked = PlanTask.objects.select_for_update().select_related("coalition").get(pk=task.pk)
    status = TaskStatus(status)
    changed = {
        "status": locked.status != status,
        "owner": locked.owner != owner.strip(),
        "due_date": locked.due_date != due_date,
    }
    if status == TaskStatus.DONE and locked.status != TaskStatus.DONE:
        locked.completed_at = timezone.now()
    elif status != TaskStatus.DONE:
        locked.completed_at = None
    locked.status = status
    locked.owner = owner.strip()
    locked.due_date = due_date
    locked.save()
    do_record_audit_entry(
        AuditAction.PLAN_TASK_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"fields": [k for k, v in changed.items() if v], "status": str(status)},
    )
    return locked


@transaction.atomic
def do_invite_interested_organisations(
    actor: User, coalition: Coalition, *, request: HttpRequest | None = None
) -> int:
    """Once the coordinator confirms: each organisation named in the wizard becomes a partner
    (not yet shown publicly) and its contact is invited as its partner admin. Runs once."""
    blueprint = BlueprintRequest.objects.select_for_update().filter(coalition=coalition).first()
    if blueprint is None:
        raise BlueprintError(_("This coalition was not started from a blueprint."))
    if blueprint.organisations_invited_at is not None:
        raise BlueprintError(_("The interested organisations have already been invited."))
    organisations = blueprint.get_answers().organisations
    for name, email in organisations:
        partner = do_create_partner(actor, coalition, name=name, domains=[], request=request)
        do_invite_member(actor, coalition, email, Role.PARTNER_ADMIN, request, partner=partner)
    blueprint.organisations_invited_at = timezone.now()
    blueprint.save(update_fields=["organisations_invited_at"])
    do_record_audit_entry(
        AuditAction.PLAN_ORGANISATIONS_INVITED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=blueprint,
        detail={"count": len(organisations)},
    )
    return len(organisations)


@transaction.atomic
def do_save_maturity_scan(
    actor: User,
    coalition: Coalition,
    *,
    year: int,
    levels: dict[str, int],
    facts: dict[str, Any],
    request: HttpRequest | None = None,
) -> MaturityScan:
    """Store a year's levels (one scan per coalition and year; saving again replaces it)."""
    scan, created = MaturityScan.objects.select_for_update().get_or_create(
        coalition=coalition, year=year
    )
    scan.levels = dict(levels)
    scan.facts = dict(facts)
    scan.updated_by = actor
    scan.save()
    do_record_audit_entry(
        AuditAction.MATURITY_SCAN_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=scan,
        detail={"year": year, "new": created},
    )
    return scan
