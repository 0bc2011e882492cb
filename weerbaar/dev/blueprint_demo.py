"""Demo blueprint data: Zeeuwse Kust started through the blueprint and half-way its plan, with
two years of maturity scans, and a region waiting for approval."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.blueprint.actions import (
    do_approve_blueprint,
    do_invite_interested_organisations,
    do_save_blueprint_step,
    do_save_maturity_scan,
    do_start_blueprint,
    do_submit_blueprint,
    do_update_plan_task,
)
from weerbaar.blueprint.choices import TaskStatus
from weerbaar.blueprint.maturity import get_facts
from weerbaar.blueprint.models import BlueprintRequest, PlanTask
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.actions import do_publish_covenant_version, do_sign_covenant
from weerbaar.covenant.models import CovenantVersion
from weerbaar.partners.models import Partner

ZEEUWSE_KUST_SLUG = "zeeuwse-kust"

# A region that went through the wizard and asks for its own coalition.
RIVIERENLAND: dict[str, dict[str, Any]] = {
    "region": {
        "coalition_name": "Online Coalitie Rivierenland",
        "municipalities": ["Tiel", "Culemborg", "West Betuwe"],
        "population": "100k_250k",
        "urbanity": "mixed",
    },
    "existing": {"provisions": ["safety_network", "youth_work"]},
    "domains": {
        "on_board": ["public_order_safety", "youth_work"],
        "reachable": ["education", "library"],
    },
    "priorities": {"themes": ["polarisation", "disinformation", "gaming"]},
    "capacity": {"coordinator_hours": 12, "budget": "small", "programme_size": "medium"},
    "organisations": {
        "organisations": [
            {"name": "Bibliotheek Rivierenland", "email": "info@bibliotheek-rivierenland.example"},
            {"name": "Jongerenwerk Tiel", "email": "team@jongerenwerk-tiel.example"},
        ]
    },
    "start": {"start": ""},
}

ZEEUWSE_KUST_NAME = "Online Coalitie Zeeuwse Kust"

# How Zeeuwse Kust answered the wizard nine months ago: three municipalities on Walcheren.
ZEEUWSE_KUST_ANSWERS: dict[str, dict[str, Any]] = {
    "region": {
        "coalition_name": ZEEUWSE_KUST_NAME,
        "municipalities": ["Vlissingen", "Middelburg", "Veere"],
        "population": "100k_250k",
        "urbanity": "mixed",
    },
    "existing": {"provisions": ["programme", "media_literacy"]},
    "domains": {
        "on_board": ["public_order_safety", "social_development"],
        "reachable": ["library", "youth_work"],
    },
    "priorities": {"themes": ["disinformation", "online_unsafety", "polarisation"]},
    "capacity": {"coordinator_hours": 8, "budget": "small", "programme_size": "medium"},
    "organisations": {
        "organisations": [
            {"name": "Bibliotheek Zeeuwse Kust", "email": "info@bibliotheek-zeeuwsekust.example"},
            {"name": "Jongerenwerk Zeeuwse Kust", "email": "team@jongerenwerk-zeeuwsekust.example"},
            {"name": "GGD Zeeuwse Kust", "email": "jeugd@ggd-zeeuwsekust.example"},
        ]
    },
}

# Signed on paper at the founding meeting, for the first partners by name (the third has not).
ZEEUWSE_KUST_SIGNERS = [
    ("Marloes Kodde", "Directeur Bibliotheek Zeeuwse Kust"),
    ("Yusuf Demir", "Manager GGD Jeugd"),
]

# The weeks since Zeeuwse Kust's start: its plan, at the pace its capacity allows, is about
# half-way (founding done, the execution programme started).
ZEEUWSE_KUST_WEEKS = 30


def load_blueprint_request() -> BlueprintRequest:
    """Rivierenland's request, waiting for the platform admin."""
    blueprint, _token = do_start_blueprint()
    start = timezone.localdate().replace(day=1) + datetime.timedelta(days=62)
    answers = dict(RIVIERENLAND)
    answers["start"] = {"start": start.replace(day=1).isoformat()}
    for step, data in answers.items():
        do_save_blueprint_step(blueprint, step, data)
    return do_submit_blueprint(
        blueprint,
        contact_name="Sanne Hendriks",
        contact_email="s.hendriks@tiel.example",
        contact_organisation="Gemeente Tiel",
    )


def start_zeeuwse_kust(admin: User, coordinator_email: str, coordinator_name: str) -> Coalition:
    """Zeeuwse Kust as it started: the wizard's answers, the request from the municipality of
    Vlissingen and the platform admin's approval, which creates the coalition, its draft
    covenant, themes, areas and checklist, and invites the requester as coordinator."""
    start = timezone.localdate() - datetime.timedelta(weeks=ZEEUWSE_KUST_WEEKS)
    blueprint, _token = do_start_blueprint()
    for step, data in {**ZEEUWSE_KUST_ANSWERS, "start": {"start": start.isoformat()}}.items():
        do_save_blueprint_step(blueprint, step, data)
    do_submit_blueprint(
        blueprint,
        contact_name=coordinator_name,
        contact_email=coordinator_email,
        contact_organisation="Gemeente Vlissingen",
    )
    coalition = do_approve_blueprint(
        admin, blueprint, slug=ZEEUWSE_KUST_SLUG, name=ZEEUWSE_KUST_NAME, today=start
    )
    # The request was filled in and approved some weeks before the start, not today.
    before = timezone.now() - datetime.timedelta(weeks=ZEEUWSE_KUST_WEEKS)
    BlueprintRequest.objects.filter(pk=blueprint.pk).update(
        created_at=before - datetime.timedelta(weeks=6),
        submitted_at=before - datetime.timedelta(weeks=5),
        decided_at=before - datetime.timedelta(weeks=4),
    )
    return coalition


def load_plan_half_way(coalition: Coalition, coordinator: User) -> None:
    """Seven months on: most tasks due before today are done, two are overdue and the next
    one is under way. The coordinator confirmed the interested organisations (invited as
    partners) and published the covenant the plan drafted; two partners signed it."""
    today = timezone.localdate()
    tasks = for_coalition(PlanTask.objects.all(), coalition).order_by("due_date", "position")
    past = [task for task in tasks if task.due_date is not None and task.due_date < today]
    for index, task in enumerate(past):
        # Two past tasks are not finished, so the checklist shows what "overdue" looks like.
        if index == len(past) - 3:
            continue
        status = TaskStatus.IN_PROGRESS if index == 5 else TaskStatus.DONE
        do_update_plan_task(
            coordinator, task, status=status, owner=task.owner, due_date=task.due_date
        )
    upcoming = [task for task in tasks if task not in past]
    if upcoming:
        do_update_plan_task(
            coordinator,
            upcoming[0],
            status=TaskStatus.IN_PROGRESS,
            owner=upcoming[0].owner,
            due_date=upcoming[0].due_date,
        )
    do_invite_interested_organisations(coordinator, coalition)
    draft = for_coalition(CovenantVersion.objects.all(), coalition).get(number=1)
    version = do_publish_covenant_version(coordinator, draft)
    partners = for_coalition(Partner.objects.all(), coalition).order_by("name")
    for partner, (signer_name, function) in zip(partners, ZEEUWSE_KUST_SIGNERS, strict=False):
        do_sign_covenant(
            None,
            version,
            partner,
            signer_name=signer_name,
            signer_function=function,
            confirmed=True,
        )


def load_maturity_scans(coalition: Coalition, coordinator: User) -> None:
    """Last year's scan and this year's, which shows growth on most dimensions."""
    year = timezone.localdate().year
    last_year = {
        "partners": 2, "covenant": 1, "knowledge": 1, "interventions": 0,
        "signalling": 0, "referral": 1, "embedding": 0,
    }  # fmt: skip
    this_year = {
        "partners": 3, "covenant": 2, "knowledge": 3, "interventions": 1,
        "signalling": 1, "referral": 2, "embedding": 2,
    }  # fmt: skip
    for scan_year, levels in ((year - 1, last_year), (year, this_year)):
        do_save_maturity_scan(
            coordinator,
            coalition,
            year=scan_year,
            levels=levels,
            facts=get_facts(coalition, scan_year).as_json(),
        )


def load_blueprint(zeeuwse_kust: Coalition, coordinator: User) -> None:
    load_plan_half_way(zeeuwse_kust, coordinator)
    load_maturity_scans(zeeuwse_kust, coordinator)
    load_blueprint_request()
