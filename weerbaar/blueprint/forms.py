from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.blueprint.choices import (
    BudgetRange,
    Dimension,
    Level,
    Phase,
    PopulationBracket,
    ProgrammeSize,
    Provision,
    TaskStatus,
    Urbanity,
)
from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Coalition, validate_slug_not_reserved
from weerbaar.components.forms import DateInput, Form
from weerbaar.partners.choices import Domain

MAX_ORGANISATIONS = 30
MAX_PRIORITIES = 3


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class StepForm(Form):
    """One step of the wizard: says why it asks, and reads and writes its JSON answers."""

    title: ClassVar[str | Promise]
    why: ClassVar[str | Promise]

    def to_json(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    @classmethod
    def initial_from_json(cls, data: dict[str, Any]) -> dict[str, Any]:
        return dict(data)


class RegionForm(StepForm):
    title = _("Your region")
    why = _(
        "A coalition belongs to a place. The number of inhabitants and whether the region is "
        "urban or rural decide how you organise meetings, and a region of several "
        "municipalities needs agreements on who carries what."
    )
    coalition_name = forms.CharField(
        label=_("Name of the coalition"),
        max_length=150,
        required=False,
        help_text=_("For example: Online Coalitie Walcheren. You can change it later."),
    )
    municipalities = forms.CharField(
        label=_("Municipality or municipalities"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One municipality per line."),
    )
    population = forms.ChoiceField(
        label=_("Number of inhabitants"),
        choices=PopulationBracket.choices,
        widget=forms.RadioSelect,
    )
    urbanity = forms.ChoiceField(
        label=_("What is the region like?"), choices=Urbanity.choices, widget=forms.RadioSelect
    )

    def clean_municipalities(self) -> list[str]:
        names = _lines(self.cleaned_data["municipalities"])
        if not names:
            raise ValidationError(_("Name at least one municipality."))
        if len(names) > 20 or any(len(n) > 100 for n in names):
            raise ValidationError(_("Name at most 20 municipalities, each under 100 characters."))
        if len({n.lower() for n in names}) != len(names):
            raise ValidationError(_("Each municipality may appear only once."))
        return names

    @classmethod
    def initial_from_json(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "municipalities": "\n".join(data.get("municipalities", []))}


class ExistingForm(StepForm):
    title = _("What exists already")
    why = _(
        "A coalition builds on what is there. Utrecht started from an existing programme; "
        "where there is none, the plan starts with making the case. A safety network or case "
        "meeting decides how the coalition refers worrying signals."
    )
    provisions = forms.MultipleChoiceField(
        label=_("What does your region have already?"),
        choices=Provision.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick nothing if you start from scratch; that is fine too."),
    )


class DomainsForm(StepForm):
    title = _("Partners on board")
    why = _(
        "Utrecht's lesson: the coalition works when safety and social development are linked, "
        "and public health and education take part. Knowing who is on board and who you can "
        "reach tells the plan whom to invite first."
    )
    on_board = forms.MultipleChoiceField(
        label=_("Which domains are on board already?"),
        choices=Domain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reachable = forms.MultipleChoiceField(
        label=_("Which other domains can you reach easily?"),
        choices=Domain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For example because you already work with them on something else."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        both = set(data.get("on_board", [])) & set(data.get("reachable", []))
        if both:
            labels = ", ".join(str(Domain(d).label) for d in sorted(both))
            self.add_error(
                "reachable",
                _(
                    "%(labels)s: already on board, so not needed here. Tick each domain in one "
                    "of the two lists."
                )
                % {"labels": labels},
            )
        return data


class PrioritiesForm(StepForm):
    title = _("Priorities")
    why = _(
        "No coalition can do everything at once. Up to three themes to start with decide which "
        "partners the plan suggests, which activities fill the first year and which "
        "interventions from other coalitions fit."
    )
    themes = forms.MultipleChoiceField(
        label=_("Which themes come first?"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one to three."),
    )

    def clean_themes(self) -> list[str]:
        themes: list[str] = self.cleaned_data["themes"]
        if len(themes) > MAX_PRIORITIES:
            raise ValidationError(_("Choose at most three themes; the others can follow later."))
        return themes


class CapacityForm(StepForm):
    title = _("Capacity")
    why = _(
        "Utrecht started with a quartermaster: someone with time to bring partners together. "
        "The hours and budget decide how fast the plan goes and how large the first year's "
        "programme can be."
    )
    coordinator_hours = forms.IntegerField(
        label=_("Hours a week for a quartermaster or coordinator"),
        min_value=0,
        max_value=40,
        help_text=_("Enter 0 if nobody has time for it yet."),
    )
    budget = forms.ChoiceField(
        label=_("Budget for activities"), choices=BudgetRange.choices, widget=forms.RadioSelect
    )
    programme_size = forms.ChoiceField(
        label=_("How large would you like the first year to be?"),
        choices=ProgrammeSize.choices,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("coordinator_hours") == 0
            and data.get("budget") == BudgetRange.NONE
            and data.get("programme_size") == ProgrammeSize.LARGE
        ):
            self.add_error(
                "programme_size",
                _(
                    "A large programme without hours or budget will not happen. Choose a small "
                    "start, or name the hours or budget you expect."
                ),
            )
        return data


class OrganisationsForm(StepForm):
    title = _("Interested organisations")
    why = _(
        "Organisations that already said they want to take part get an invitation to join "
        "once the coalition exists and its coordinator confirms. We use the e-mail addresses "
        "for nothing else."
    )
    organisations = forms.CharField(
        label=_("Organisations and contact e-mail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One per line: name, a comma, e-mail address. For example: "
            "Bibliotheek Walcheren, info@bibliotheek.example"
        ),
    )

    def clean_organisations(self) -> list[dict[str, str]]:
        rows = []
        problems = []
        for number, line in enumerate(_lines(self.cleaned_data["organisations"]), start=1):
            name, _comma, email = line.rpartition(",")
            name, email = name.strip(), email.strip().lower()
            try:
                validate_email(email)
            except ValidationError:
                problems.append(number)
                continue
            if not name or len(name) > 150:
                problems.append(number)
                continue
            rows.append({"name": name, "email": email})
        if problems:
            raise ValidationError(
                _("Line %(lines)s: write a name, a comma and a valid e-mail address.")
                % {"lines": ", ".join(str(n) for n in problems)}
            )
        if len(rows) > MAX_ORGANISATIONS:
            raise ValidationError(_("Name at most 30 organisations here."))
        return rows

    @classmethod
    def initial_from_json(cls, data: dict[str, Any]) -> dict[str, Any]:
        lines = [f"{o['name']}, {o['email']}" for o in data.get("organisations", [])]
        return {"organisations": "\n".join(lines)}


class StartForm(StepForm):
    title = _("Desired start")
    why = _(
        "The plan gives every task a suggested date counted from the start, so you can see "
        "when the founding meeting and the first year's activities fall."
    )
    start = forms.DateField(
        label=_("When would you like to start?"),
        widget=DateInput(),
        help_text=_("Within the next two years."),
    )

    def clean_start(self) -> datetime.date:
        start: datetime.date = self.cleaned_data["start"]
        today = timezone.localdate()
        if start < today - datetime.timedelta(days=31):
            raise ValidationError(_("Choose a date from this month on."))
        if start > today + datetime.timedelta(days=730):
            raise ValidationError(_("Choose a date within the next two years."))
        return start

    def to_json(self) -> dict[str, Any]:
        return {"start": self.cleaned_data["start"].isoformat()}


STEP_FORMS: dict[str, type[StepForm]] = {
    "region": RegionForm,
    "existing": ExistingForm,
    "domains": DomainsForm,
    "priorities": PrioritiesForm,
    "capacity": CapacityForm,
    "organisations": OrganisationsForm,
    "start": StartForm,
}


class SubmitForm(Form):
    contact_name = forms.CharField(label=_("Your name"), max_length=150)
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("If the coalition is approved, you are invited here as its coordinator."),
    )
    contact_organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=150,
        help_text=_("For example: Gemeente Middelburg."),
    )


class ApproveForm(Form):
    name = forms.CharField(label=_("Name of the coalition"), max_length=150)
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=50,
        help_text=_("Lowercase letters, digits and hyphens; the coalition lives at /<address>/."),
    )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"].lower()
        validate_slug_not_reserved(slug)
        if Coalition.objects.filter(slug=slug).exists():
            raise ValidationError(_("Another coalition already has this web address."))
        return slug


class AttachForm(Form):
    coalition = forms.ModelChoiceField(
        label=_("Existing coalition"),
        queryset=Coalition.objects.filter(blueprint_request__isnull=True),
        help_text=_("Only coalitions that have no plan from a blueprint yet."),
    )


class RejectForm(Form):
    note = forms.CharField(
        label=_("Why not"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The requester reads this behind their private link."),
    )


class TaskForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    owner = forms.CharField(label=_("Who does it"), max_length=150, required=False)
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DateInput(),
    )


class NewTaskForm(Form):
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)
    title = forms.CharField(label=_("Task"), max_length=200)
    owner = forms.CharField(label=_("Who does it"), max_length=150, required=False)
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DateInput(),
    )
    description = forms.CharField(
        label=_("Explanation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MaturityScanForm(Form):
    """One level per dimension; see ``get_maturity_scan_form`` for the help texts."""

    def levels(self) -> dict[str, int]:
        return {d.value: int(self.cleaned_data[d.value]) for d in Dimension}


def get_maturity_scan_form(facts: dict[str, list[str]]) -> type[MaturityScanForm]:
    """The scan's form, each dimension's help text saying what the coalition's data shows."""
    fields = {
        d.value: forms.TypedChoiceField(
            label=d.label,
            choices=Level.choices,
            coerce=int,
            widget=forms.RadioSelect,
            help_text=" ".join(facts.get(d.value, [])),
        )
        for d in Dimension
    }
    return type("MaturityScanForm", (MaturityScanForm,), fields)
