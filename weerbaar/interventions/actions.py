"""Every change to interventions and experiments goes through these functions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.interventions.choices import ExperimentStatus
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.actions import do_create_knowledge_item, do_update_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

INTERVENTION_FIELDS = (
    "name",
    "summary",
    "kind",
    "themes",
    "target_groups",
    "age_from",
    "age_until",
    "provider",
    "external_provider",
    "how_to_use",
    "cost",
    "link",
    "evidence_level",
    "evidence_link",
    "status",
    "visibility",
)

EXPERIMENT_FIELDS = (
    "question",
    "location",
    "participants",
    "starts_on",
    "ends_on",
    "measure_before",
    "measure_after",
    "results",
    "lessons",
    "outcome",
    "status",
)


def _apply_intervention(intervention: Intervention, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(INTERVENTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    provider = fields.get("provider")
    if provider is not None and provider.coalition_id != intervention.coalition_id:
        raise ValueError("The provider must be a partner of the intervention's coalition.")
    for name, value in fields.items():
        setattr(intervention, name, value.strip() if isinstance(value, str) else value)
    if intervention.provider is not None:
        intervention.external_provider = ""
    intervention.themes = list(intervention.themes)
    intervention.target_groups = list(intervention.target_groups)


@transaction.atomic
def do_create_intervention(
    actor: User | None,
    coalition: Coalition,
    *,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Intervention:
    """Add an intervention to ``coalition``'s catalogue."""
    intervention = Intervention(coalition=coalition, created_by=actor)
    _apply_intervention(intervention, fields)
    intervention.full_clean()
    intervention.save()
    do_record_audit_entry(
        AuditAction.INTERVENTION_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=intervention,
    )
    return intervention


@transaction.atomic
def do_update_intervention(
    actor: User, intervention: Intervention, *, request: HttpRequest | None = None, **fields: Any
) -> Intervention:
    """Change an intervention; the caller checked that ``actor`` may."""
    locked = Intervention.objects.select_for_update().get(pk=intervention.pk)
    _apply_intervention(locked, fields)
    locked.full_clean()
    locked.save()
    do_record_audit_entry(
        AuditAction.INTERVENTION_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    return locked


def _apply_experiment(experiment: Experiment, fields: dict[str, Any]) -> list[Any]:
    partners = list(fields.pop("partners", []))
    unknown = set(fields) - set(EXPERIMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    if any(p.coalition_id != experiment.coalition_id for p in partners):
        raise ValueError("Partners involved must be partners of the experiment's coalition.")
    for name, value in fields.items():
        setattr(experiment, name, value.strip() if isinstance(value, str) else value)
    return partners


@transaction.atomic
def do_create_experiment(
    actor: User | None,
    intervention: Intervention,
    *,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Experiment:
    """Record an experiment with an intervention of the actor's own coalition. An experiment
    recorded as finished publishes its lessons at once (see ``do_finish_experiment``)."""
    experiment = Experiment(
        coalition=intervention.coalition, intervention=intervention, created_by=actor
    )
    partners = _apply_experiment(experiment, dict(fields))
    experiment.full_clean()
    experiment.save()
    experiment.partners.set(partners)
    do_record_audit_entry(
        AuditAction.EXPERIMENT_CREATED,
        actor=actor,
        request=request,
        coalition=experiment.coalition,
        target=experiment,
    )
    if experiment.is_finished():
        _publish_lessons(actor, experiment, request=request)
    return experiment


@transaction.atomic
def do_update_experiment(
    actor: User, experiment: Experiment, *, request: HttpRequest | None = None, **fields: Any
) -> Experiment:
    """Change an experiment; when it is (still) finished, its lesson item follows."""
    locked = Experiment.objects.select_for_update().get(pk=experiment.pk)
    was_finished = locked.is_finished()
    partners = _apply_experiment(locked, dict(fields))
    locked.full_clean()
    locked.save()
    locked.partners.set(partners)
    do_record_audit_entry(
        AuditAction.EXPERIMENT_FINISHED
        if locked.is_finished() and not was_finished
        else AuditAction.EXPERIMENT_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    if locked.is_finished():
        _publish_lessons(actor, locked, request=request)
    return locked


@transaction.atomic
def do_finish_experiment(
    actor: User,
    experiment: Experiment,
    *,
    results: str,
    lessons: str,
    outcome: str,
    ends_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Experiment:
    """Close an experiment with its results and lessons, and publish the lessons as a
    "lesson learned" knowledge item that links back to it."""
    fields = {name: getattr(experiment, name) for name in EXPERIMENT_FIELDS}
    fields.update(
        results=results,
        lessons=lessons,
        outcome=outcome,
        status=ExperimentStatus.FINISHED,
        ends_on=ends_on or experiment.ends_on or timezone.localdate(),
        partners=list(experiment.partners.all()),
    )
    return do_update_experiment(actor, experiment, request=request, **fields)


def get_lesson_body(experiment: Experiment) -> str:
    """The Markdown of the lesson item: lessons first, then what was tried and found."""
    intervention = experiment.intervention
    url = str(settings.SITE_URL) + reverse(
        "interventions:experiment",
        args=[intervention.coalition.slug, intervention.pk, experiment.pk],
    )
    # The headings are translated outside the f-strings: xgettext does not look inside them.
    lessons, question, where = _("Lessons"), _("Question or hypothesis"), _("Where and with whom")
    parts = [
        f"## {lessons}\n\n{experiment.lessons}",
        f"## {question}\n\n{experiment.question}",
        f"## {where}\n\n{experiment.location}: {experiment.participants}",
    ]
    if experiment.results:
        results = _("Results")
        parts.append(f"## {results}\n\n{experiment.results}")
    link_text = _("The experiment with %(name)s") % {"name": intervention.name}
    parts.append(f"[{link_text}]({url})")
    return "\n\n".join(parts)


def _publish_lessons(
    actor: User | None, experiment: Experiment, *, request: HttpRequest | None
) -> None:
    intervention = experiment.intervention
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Lessons from %(name)s in %(place)s") % {
            "name": intervention.name,
            "place": experiment.location,
        }
        summary = experiment.lessons.strip().split("\n\n")[0][:900] or title
        body = get_lesson_body(experiment)
    fields: dict[str, Any] = {
        "kind": KnowledgeKind.LESSON_LEARNED,
        "themes": list(intervention.themes),
        "target_groups": list(intervention.target_groups),
        "title": title[:200],
        "summary": summary,
        "body": body,
        "links": intervention.link,
        "author_organisation": intervention.provider,
        "published_on": experiment.ends_on or timezone.localdate(),
        "tags": f"experiment, {intervention.name[:35]}",
        "visibility": intervention.visibility,
    }
    if experiment.lesson_item is not None:
        do_update_knowledge_item(
            actor,  # type: ignore[arg-type]  # an update always has an actor
            experiment.lesson_item,
            request=request,
            **fields,
        )
        return
    item = do_create_knowledge_item(actor, experiment.coalition, request=request, **fields)
    Experiment.objects.filter(pk=experiment.pk).update(lesson_item=item)
    experiment.lesson_item = item
