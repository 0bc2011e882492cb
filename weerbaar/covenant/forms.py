from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.components.forms import DateInput, Form
from weerbaar.covenant.choices import CommitmentKind

NOT_NEGATIVE = {"min_value": _("Enter zero or more; negative amounts are not possible.")}


class CovenantDraftForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_(
            "Markdown: a blank line starts a new paragraph, ## a heading, - a list item, "
            "**bold**. Write the ambition, the principles and what partners commit to."
        ),
    )


class SignForm(Form):
    signer_name = forms.CharField(label=_("Your name"), max_length=150)
    signer_function = forms.CharField(
        label=_("Your function"),
        max_length=150,
        help_text=_("For example: director, team manager."),
    )
    confirmed = forms.BooleanField(
        label=_("I sign this covenant on behalf of my organisation, with its backing."),
        error_messages={"required": _("Confirm that you sign on behalf of your organisation.")},
    )


def _amount(label: Any, help_text: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
        error_messages=NOT_NEGATIVE,
    )


class CommitmentForm(Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CommitmentKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: two workshops on media literacy for parents."),
    )
    hours = _amount(_("Hours"), _("For a pledge of time."))
    euros = _amount(_("Euros"), _("For a pledge of money."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        kind = cleaned.get("kind")
        if kind == CommitmentKind.TIME and not cleaned.get("hours"):
            self.add_error("hours", _("Say how many hours your organisation pledges."))
        if kind == CommitmentKind.MONEY and not cleaned.get("euros"):
            self.add_error("euros", _("Say how many euros your organisation pledges."))
        if kind != CommitmentKind.TIME and cleaned.get("hours"):
            self.add_error("hours", _("Hours belong to a pledge of time."))
        if kind != CommitmentKind.MONEY and cleaned.get("euros"):
            self.add_error("euros", _("Euros belong to a pledge of money."))
        return cleaned


class DeliveryForm(Form):
    date = forms.DateField(
        label=_("Date"),
        # The browser's date picker only reads ISO dates, whatever the language.
        widget=DateInput(),
        error_messages={"invalid": _("Enter a date, such as 2026-03-14.")},
    )
    description = forms.CharField(
        label=_("What was done"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    hours = _amount(_("Hours"), _("Hours spent, if any."))
    euros = _amount(_("Euros"), _("Euros spent, if any."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
