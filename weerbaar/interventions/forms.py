from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.components.forms import DateInput, Form
from weerbaar.interventions.choices import (
    EvidenceLevel,
    ExperimentOutcome,
    ExperimentStatus,
    InterventionKind,
    InterventionStatus,
)
from weerbaar.knowledge.choices import TargetGroup, Visibility
from weerbaar.partners.models import Partner

MARKDOWN_HELP = _(
    "Markdown: a blank line starts a new paragraph, ## a heading, - a list item, **bold**."
)


def _set_partners(form: forms.Form, name: str, partners: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = partners


class InterventionForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what is it, and what does it aim for?"),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=InterventionKind.choices)
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        required=False,
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    age_from = forms.IntegerField(label=_("Age from"), required=False, min_value=0, max_value=120)
    age_until = forms.IntegerField(label=_("Age until"), required=False, min_value=0, max_value=120)
    provider = forms.ModelChoiceField(
        label=_("Provider (partner)"),
        required=False,
        queryset=Partner.objects.none(),
        empty_label=_("Not a partner of the coalition"),
    )
    external_provider = forms.CharField(
        label=_("Provider (outside the coalition)"),
        required=False,
        max_length=200,
        help_text=_("Only when the provider is not a partner."),
    )
    how_to_use = forms.CharField(
        label=_("How to use it"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
    )
    cost = forms.CharField(
        label=_("Cost"),
        required=False,
        max_length=200,
        help_text=_("For example: free, or €250 per school year."),
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    evidence_level = forms.ChoiceField(
        label=_("Evidence level"),
        choices=EvidenceLevel.choices,
        initial=EvidenceLevel.NOT_ASSESSED,
        help_text=_("As assessed in the Databank Effectieve Interventies (Movisie, NJi, RIVM)."),
    )
    evidence_link = forms.URLField(
        label=_("Entry in the Databank Effectieve Interventies"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=InterventionStatus.choices, initial=InterventionStatus.IDEA
    )
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.COALITION,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_partners(self, "provider", partners)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("age_from"), data.get("age_until")
        if start is not None and end is not None and end < start:
            self.add_error("age_until", _("The upper age is below the lower age."))
        if data.get("evidence_link") and data.get("evidence_level") == EvidenceLevel.NOT_ASSESSED:
            self.add_error(
                "evidence_level",
                _("With a databank entry, choose the level the databank gives."),
            )
        return data


class ExperimentForm(Form):
    question = forms.CharField(
        label=_("Question or hypothesis"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What do you want to find out? For example: after two sessions, pupils "
            "more often check where a video comes from."
        ),
    )
    location = forms.CharField(
        label=_("Where"), max_length=200, help_text=_("For example: Stedelijk College, Noordwijk.")
    )
    participants = forms.CharField(
        label=_("With whom"),
        max_length=300,
        help_text=_("For example: three second-year classes, 70 pupils."),
    )
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    ends_on = forms.DateField(label=_("End"), required=False, widget=DateInput())
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners involved"),
        required=False,
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    measure_before = forms.CharField(
        label=_("Measured before"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    measure_after = forms.CharField(
        label=_("Measured after"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    results = forms.CharField(
        label=_("Results"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
    )
    lessons = forms.CharField(
        label=_("Lessons"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "When the experiment is finished, these are published as a lesson learned "
            "in the knowledge base."
        ),
    )
    outcome = forms.ChoiceField(
        label=_("Result"), choices=ExperimentOutcome.choices, initial=ExperimentOutcome.UNKNOWN
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ExperimentStatus.choices, initial=ExperimentStatus.PLANNED
    )

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_partners(self, "partners", partners)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error(
                "ends_on", _("The end date is before the start date; swap them or change one.")
            )
        if (
            data.get("status") == ExperimentStatus.FINISHED
            and not (data.get("lessons") or "").strip()
        ):
            self.add_error("lessons", _("Write down the lessons before finishing the experiment."))
        return data


class FinishExperimentForm(Form):
    results = forms.CharField(
        label=_("Results"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HELP,
    )
    lessons = forms.CharField(
        label=_("Lessons"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Published as a lesson learned in the knowledge base, readable by the same "
            "people as the intervention."
        ),
    )
    outcome = forms.ChoiceField(label=_("Result"), choices=ExperimentOutcome.choices)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DateInput())

    def clean_outcome(self) -> str:
        value: str = self.cleaned_data["outcome"]
        if value == ExperimentOutcome.UNKNOWN:
            raise ValidationError(_("Choose what the experiment showed."))
        return value


class InterventionFilterForm(Form):
    q = forms.CharField(
        label=_("Name contains"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *InterventionKind.choices]
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        choices=[("", _("All target groups")), *TargetGroup.choices],
    )
    evidence_level = forms.ChoiceField(
        label=_("Evidence level"),
        required=False,
        choices=[("", _("All levels")), *EvidenceLevel.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *InterventionStatus.choices],
    )
