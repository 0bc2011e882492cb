"""The catalogue's news for the member home and the weekly digest (``weerbaar.updates``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from weerbaar.interventions.choices import ExperimentStatus
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.updates.registry import Update, UpdateSource, register

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


def collect_new(
    coalition: Coalition, user: User, since: datetime.datetime, limit: int
) -> list[Update]:
    """New interventions, and experiments finished since, readable by members of
    ``coalition``; leaves out what ``user`` recorded."""
    visible = Intervention.objects.visible_in(coalition)
    found: list[Update] = []
    for row in visible.filter(created_at__gt=since).exclude(created_by=user)[:limit]:
        found.append(
            Update(
                title=row.name,
                path=reverse("interventions:intervention", args=[coalition.slug, row.pk]),
                at=row.created_at,
                kind=_("New intervention"),
                from_coalition=row.coalition.name if row.coalition_id != coalition.pk else "",
            )
        )
    finished = (
        Experiment.objects.filter(
            intervention__in=visible,
            status=ExperimentStatus.FINISHED,
            updated_at__gt=since,
        )
        .exclude(created_by=user)
        .select_related("intervention", "coalition")
        .order_by("-updated_at")[:limit]
    )
    for experiment in finished:
        found.append(
            Update(
                title=_("%(name)s in %(place)s")
                % {"name": experiment.intervention.name, "place": experiment.location},
                path=reverse(
                    "interventions:experiment",
                    args=[coalition.slug, experiment.intervention_id, experiment.pk],
                ),
                at=experiment.updated_at,
                kind=_("Finished experiment: %(result)s")
                % {"result": experiment.get_outcome_display().lower()},
                from_coalition=(
                    experiment.coalition.name if experiment.coalition_id != coalition.pk else ""
                ),
            )
        )
    return found


def register_updates() -> None:
    register(UpdateSource("interventions", gettext_lazy("Interventions"), collect_new))
