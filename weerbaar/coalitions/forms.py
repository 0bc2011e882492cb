from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import FocusArea, Theme
from weerbaar.coalitions.models import Coalition
from weerbaar.components.forms import ModelForm


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class CoalitionForm(ModelForm):
    """The coalition's profile; principles and areas are edited as one line each."""

    focus_areas = forms.MultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    principles = forms.CharField(
        label=_("Principles"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One principle per line, in the order partners should read them."),
    )
    areas = forms.CharField(
        label=_("Areas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One district (or municipality, for a regional coalition) per line."),
    )

    class Meta:
        model = Coalition
        fields = ["name", "region", "ambition", "focus_areas", "themes", "look", "is_public"]
        widgets = {"ambition": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["principles"] = "\n".join(p.text for p in self.instance.principles.all())
            self.initial["areas"] = "\n".join(a.name for a in self.instance.areas.all())

    def clean_principles(self) -> list[str]:
        principles = _lines(self.cleaned_data["principles"])
        if any(len(p) > 300 for p in principles):
            raise forms.ValidationError(_("Keep each principle under 300 characters."))
        return principles

    def clean_areas(self) -> list[str]:
        areas = _lines(self.cleaned_data["areas"])
        if any(len(a) > 100 for a in areas):
            raise forms.ValidationError(_("Keep each area name under 100 characters."))
        if len({a.lower() for a in areas}) != len(areas):
            raise forms.ValidationError(_("Each area may appear only once."))
        return areas


class NewCoalitionForm(CoalitionForm):
    coordinator_email = forms.EmailField(
        label=_("E-mail address of the first coordinator"),
        help_text=_("This person receives an invitation to run the coalition."),
    )

    class Meta(CoalitionForm.Meta):
        fields = ["slug", *CoalitionForm.Meta.fields]
