from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.interventions.access import (
    access_experiment_for_edit,
    access_intervention_for_edit,
    access_intervention_for_reading,
    may_add_experiment,
    may_edit,
)
from weerbaar.interventions.actions import (
    EXPERIMENT_FIELDS,
    INTERVENTION_FIELDS,
    do_create_experiment,
    do_create_intervention,
    do_finish_experiment,
    do_update_experiment,
    do_update_intervention,
)
from weerbaar.interventions.forms import (
    ExperimentForm,
    FinishExperimentForm,
    InterventionFilterForm,
    InterventionForm,
)
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.querysets import json_list_contains
from weerbaar.partners.models import Partner


def _partners(coalition: Coalition) -> QuerySet[Partner]:
    return for_coalition(Partner.objects.all(), coalition)


def _readable(request: HttpRequest) -> QuerySet[Intervention]:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    if request.membership is not None:  # type: ignore[attr-defined]
        return Intervention.objects.visible_in(coalition)
    return for_coalition(Intervention.objects.all(), coalition).public()


@requires(Permission.VIEW_PUBLIC_PAGES)
def interventions(request: HttpRequest, slug: str) -> HttpResponse:
    """The catalogue: members see their coalition's and shared interventions, visitors the
    public ones; each with how many experiments ran where, and with what result."""
    form = InterventionFilterForm(request.GET or None)
    rows = _readable(request).prefetch_related(
        Prefetch("experiments", queryset=Experiment.objects.order_by("-starts_on", "-pk"))
    )
    data: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("q"):
        rows = rows.filter(name__icontains=data["q"])
    for name in ("kind", "evidence_level", "status"):
        if data.get(name):
            rows = rows.filter(**{name: data[name]})
    if data.get("theme"):
        rows = rows.filter(json_list_contains("themes", data["theme"]))
    if data.get("target_group"):
        rows = rows.filter(json_list_contains("target_groups", data["target_group"]))
    found = list(rows)
    template = (
        "interventions/_results.html" if request.htmx else "interventions/interventions.html"  # type: ignore[attr-defined]
    )
    return render(
        request,
        template,
        {
            "form": form,
            "interventions": found,
            "is_member": request.membership is not None,  # type: ignore[attr-defined]
        },
    )


@requires(Permission.VIEW_PUBLIC_PAGES)
def intervention(request: HttpRequest, slug: str, intervention_id: int) -> HttpResponse:
    found = access_intervention_for_reading(request, intervention_id)
    experiments = found.experiments.select_related("lesson_item").prefetch_related("partners")
    return render(
        request,
        "interventions/intervention.html",
        {
            "intervention": found,
            "experiments": experiments,
            "may_edit": may_edit(request, found),
            "may_add_experiment": may_add_experiment(request, found),
        },
    )


def _fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names}


@requires(Permission.CONTRIBUTE_INTERVENTIONS)
def create_intervention(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    form = InterventionForm(
        request.POST or None,
        partners=_partners(coalition),
        initial={"provider": membership.organisation_id},
    )
    if request.method == "POST" and form.is_valid():
        created = do_create_intervention(
            cast(User, request.user),
            coalition,
            request=request,
            **_fields(form.cleaned_data, INTERVENTION_FIELDS),
        )
        messages.success(request, _("The intervention has been added."))
        return redirect("interventions:intervention", slug=slug, intervention_id=created.pk)
    return render(
        request, "interventions/edit_intervention.html", {"form": form, "intervention": None}
    )


@requires(Permission.CONTRIBUTE_INTERVENTIONS)
def edit_intervention(request: HttpRequest, slug: str, intervention_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = access_intervention_for_edit(
        request, intervention_id, str(Permission.CONTRIBUTE_INTERVENTIONS)
    )
    initial = {name: getattr(found, name) for name in INTERVENTION_FIELDS}
    initial["provider"] = found.provider_id
    form = InterventionForm(request.POST or None, partners=_partners(coalition), initial=initial)
    if request.method == "POST" and form.is_valid():
        do_update_intervention(
            cast(User, request.user),
            found,
            request=request,
            **_fields(form.cleaned_data, INTERVENTION_FIELDS),
        )
        messages.success(request, _("The intervention has been saved."))
        return redirect("interventions:intervention", slug=slug, intervention_id=found.pk)
    return render(
        request, "interventions/edit_intervention.html", {"form": form, "intervention": found}
    )


@requires(Permission.VIEW_INTERVENTIONS)
def experiment(
    request: HttpRequest, slug: str, intervention_id: int, experiment_id: int
) -> HttpResponse:
    """An experiment, readable by members wherever its intervention is."""
    found_intervention = access_intervention_for_reading(request, intervention_id)
    found = get_object_or_404(
        found_intervention.experiments.select_related("lesson_item").prefetch_related("partners"),
        pk=experiment_id,
    )
    return render(
        request,
        "interventions/experiment.html",
        {
            "intervention": found_intervention,
            "experiment": found,
            "may_edit": may_edit(request, found),
        },
    )


@requires(Permission.CONTRIBUTE_INTERVENTIONS)
def add_experiment(request: HttpRequest, slug: str, intervention_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = get_object_or_404(
        for_coalition(Intervention.objects.all(), coalition), pk=intervention_id
    )
    form = ExperimentForm(request.POST or None, partners=_partners(coalition))
    if request.method == "POST" and form.is_valid():
        created = do_create_experiment(
            cast(User, request.user),
            found,
            request=request,
            partners=form.cleaned_data["partners"],
            **_fields(form.cleaned_data, EXPERIMENT_FIELDS),
        )
        messages.success(request, _("The experiment has been recorded."))
        return redirect(
            "interventions:experiment",
            slug=slug,
            intervention_id=found.pk,
            experiment_id=created.pk,
        )
    return render(
        request,
        "interventions/edit_experiment.html",
        {"form": form, "intervention": found, "experiment": None},
    )


@requires(Permission.CONTRIBUTE_INTERVENTIONS)
def edit_experiment(
    request: HttpRequest, slug: str, intervention_id: int, experiment_id: int
) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = access_experiment_for_edit(
        request, intervention_id, experiment_id, str(Permission.CONTRIBUTE_INTERVENTIONS)
    )
    initial: dict[str, Any] = {name: getattr(found, name) for name in EXPERIMENT_FIELDS}
    initial["partners"] = list(found.partners.all())
    form = ExperimentForm(request.POST or None, partners=_partners(coalition), initial=initial)
    if request.method == "POST" and form.is_valid():
        do_update_experiment(
            cast(User, request.user),
            found,
            request=request,
            partners=form.cleaned_data["partners"],
            **_fields(form.cleaned_data, EXPERIMENT_FIELDS),
        )
        messages.success(request, _("The experiment has been saved."))
        return redirect(
            "interventions:experiment",
            slug=slug,
            intervention_id=intervention_id,
            experiment_id=found.pk,
        )
    return render(
        request,
        "interventions/edit_experiment.html",
        {"form": form, "intervention": found.intervention, "experiment": found},
    )


@requires(Permission.CONTRIBUTE_INTERVENTIONS)
def finish_experiment(
    request: HttpRequest, slug: str, intervention_id: int, experiment_id: int
) -> HttpResponse:
    found = access_experiment_for_edit(
        request, intervention_id, experiment_id, str(Permission.CONTRIBUTE_INTERVENTIONS)
    )
    form = FinishExperimentForm(
        request.POST or None,
        initial={
            "results": found.results,
            "lessons": found.lessons,
            "outcome": found.outcome,
            "ends_on": found.ends_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        finished = do_finish_experiment(
            cast(User, request.user), found, request=request, **form.cleaned_data
        )
        messages.success(
            request,
            _("The experiment is finished; its lessons are now in the knowledge base."),
        )
        assert finished.lesson_item is not None
        return redirect(
            "interventions:experiment",
            slug=slug,
            intervention_id=intervention_id,
            experiment_id=found.pk,
        )
    return render(
        request,
        "interventions/finish_experiment.html",
        {"form": form, "intervention": found.intervention, "experiment": found},
    )
