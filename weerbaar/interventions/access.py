"""Object-level access to interventions and their experiments."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from weerbaar.accounts.access import deny_access
from weerbaar.accounts.choices import Role
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.interventions.models import Experiment, Intervention


def access_intervention_for_reading(request: HttpRequest, intervention_id: int) -> Intervention:
    """Members see their coalition's interventions and shared ones; visitors only this
    coalition's public ones; 404 otherwise."""
    coalition = request.coalition  # type: ignore[attr-defined]
    if getattr(request, "membership", None) is not None:
        rows = Intervention.objects.visible_in(coalition)
    else:
        rows = for_coalition(Intervention.objects.all(), coalition).public()
    return get_object_or_404(rows.select_related("coalition", "provider"), pk=intervention_id)


def may_edit(request: HttpRequest, obj: Intervention | Experiment) -> bool:
    """Who recorded it, or a coordinator of its own coalition; shared ones are read-only."""
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = getattr(request, "membership", None)
    if membership is None or obj.coalition_id != coalition.pk:
        return False
    return membership.role == Role.COORDINATOR or obj.created_by_id == request.user.pk


def may_add_experiment(request: HttpRequest, intervention: Intervention) -> bool:
    """Any member records experiments with an intervention of their own coalition."""
    coalition = request.coalition  # type: ignore[attr-defined]
    return (
        getattr(request, "membership", None) is not None
        and intervention.coalition_id == coalition.pk
    )


def access_intervention_for_edit(
    request: HttpRequest, intervention_id: int, permission: str
) -> Intervention:
    coalition = request.coalition  # type: ignore[attr-defined]
    found = get_object_or_404(
        for_coalition(Intervention.objects.all(), coalition), pk=intervention_id
    )
    if may_edit(request, found):
        return found
    deny_access(request, permission)


def access_experiment_for_edit(
    request: HttpRequest, intervention_id: int, experiment_id: int, permission: str
) -> Experiment:
    coalition = request.coalition  # type: ignore[attr-defined]
    found = get_object_or_404(
        for_coalition(Experiment.objects.select_related("intervention"), coalition),
        intervention_id=intervention_id,
        pk=experiment_id,
    )
    if may_edit(request, found):
        return found
    deny_access(request, permission)
