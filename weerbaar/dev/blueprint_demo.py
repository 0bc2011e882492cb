"""Demo blueprint data: a region waiting for approval, and Zeeuwse Kust half-way its plan
with two years of maturity scans."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import User
from weerbaar.blueprint.actions import (
    do_attach_blueprint,
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

# How Zeeuwse Kust answered when it started; its plan is the coalition's checklist.
ZEEUWSE_KUST_ANSWERS: dict[str, dict[str, Any]] = {
    "region": {
        "municipalities": ["Vlissingen", "Middelburg", "Veere"],
        "population": "100k_250k",
        "urbanity": "rural",
    },
    "existing": {"provisions": ["programme", "media_literacy"]},
    "domains": {"on_board": ["public_order_safety", "social_development"], "reachable": []},
    "priorities": {"themes": ["disinformation", "cyberbullying"]},
    "capacity": {"coordinator_hours": 8, "budget": "small", "programme_size": "medium"},
}


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


def load_plan_half_way(coalition: Coalition, coordinator: User, admin: User) -> None:
    """Zeeuwse Kust started nine months ago from the blueprint; the platform admin gave its
    plan to the coalition. Tasks due before today are done, but one."""
    today = timezone.localdate()
    start = today - datetime.timedelta(weeks=39)
    blueprint, _token = do_start_blueprint()
    for step, data in {**ZEEUWSE_KUST_ANSWERS, "start": {"start": start.isoformat()}}.items():
        do_save_blueprint_step(blueprint, step, data)
    do_submit_blueprint(
        blueprint,
        contact_name=coordinator.full_name,
        contact_email=coordinator.email,
        contact_organisation="Gemeente Vlissingen",
    )
    do_attach_blueprint(admin, blueprint, coalition, today=start)
    tasks = for_coalition(PlanTask.objects.all(), coalition).filter(due_date__lt=today)
    for index, task in enumerate(tasks):
        # One past task is left in progress, so the checklist shows what "overdue" looks like.
        status = TaskStatus.IN_PROGRESS if index == 5 else TaskStatus.DONE
        do_update_plan_task(
            coordinator, task, status=status, owner=task.owner, due_date=task.due_date
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


def load_blueprint(zeeuwse_kust: Coalition, coordinator: User, admin: User) -> None:
    load_plan_half_way(zeeuwse_kust, coordinator, admin)
    load_maturity_scans(zeeuwse_kust, coordinator)
    load_blueprint_request()
