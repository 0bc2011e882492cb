from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.coalitions.models import Coalition, Principle
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.components.forms import DateInput, Form, ModelForm
from weerbaar.lib.images import CleanImage, clean_image
from weerbaar.partners.choices import Domain
from weerbaar.partners.models import Embedding, Partner

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

# The name of the honeypot field: people never see it, form-filling robots fill it in.
HONEYPOT_FIELD = "leave_empty"


def _domains_field(help_text: str | _StrPromise = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Domains"),
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
        error_messages={"required": _("Choose at least one domain.")},
    )


def _website_field() -> forms.URLField:
    return forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("For example https://www.example.nl"),
        error_messages={"invalid": _("Enter a web address, such as https://www.example.nl.")},
    )


class JoinRequestForm(Form):
    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    domains = _domains_field(_("In which fields does your organisation work?"))
    website = _website_field()
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_email = forms.EmailField(label=_("E-mail address of the contact person"))
    motivation = forms.CharField(
        label=_("Motivation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why does your organisation want to join, and what can it contribute?"),
    )
    endorsed_principles = forms.ModelMultipleChoiceField(
        label=_("Principles your organisation endorses"),
        queryset=Principle.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        principles = self.fields["endorsed_principles"]
        assert isinstance(principles, forms.ModelMultipleChoiceField)
        principles.queryset = for_coalition(Principle.objects.all(), coalition)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self) -> bool:
        """Whether the hidden field was filled in: then the request is dropped without a word."""
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


def _message_field(
    label: str | _StrPromise, help_text: str | _StrPromise, *, required: bool
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ApproveForm(Form):
    approval_message = _message_field(
        _("Note"),
        _("Kept with the request; the contact person receives an invitation."),
        required=False,
    )


class RejectForm(Form):
    rejection_message = _message_field(
        _("Message to the applicant"), _("Sent to the contact person by e-mail."), required=True
    )


class QuestionForm(Form):
    question = _message_field(
        _("Question"),
        _("Sent to the contact person by e-mail; replies come to your address."),
        required=True,
    )


LOGO_MAX_BYTES = 2_000_000


class PartnerForm(ModelForm):
    domains = _domains_field()
    website = _website_field()
    new_logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG or JPEG image of at most 2 MB. Shown on the partner pages."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    def clean_new_logo(self) -> CleanImage | None:
        upload = self.cleaned_data.get("new_logo")
        if not upload:
            return None
        return clean_image(upload, max_bytes=LOGO_MAX_BYTES)

    class Meta:
        model = Partner
        fields = ["description", "domains", "expertise", "website", "is_public"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "expertise": forms.Textarea(attrs={"rows": 4}),
        }


# Within an organisation a partner admin hands out these roles; analysts and coordinators are
# appointed by the coordinator on the members page.
PARTNER_ROLES = [
    (Role.MEMBER.value, Role.MEMBER.label),
    (Role.PARTNER_ADMIN.value, Role.PARTNER_ADMIN.label),
]


class ColleagueInviteForm(Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=PARTNER_ROLES,
        initial=Role.MEMBER.value,
        help_text=_("A partner admin keeps the organisation's profile and people up to date."),
    )


class ColleagueRoleForm(Form):
    role = forms.ChoiceField(label=_("Role"), choices=PARTNER_ROLES)


def _not_in_future(value: datetime.date | None) -> datetime.date | None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("Enter today or a date in the past."))
    return value


class EmbeddingForm(ModelForm):
    """The embedding (borging) checklist of one partner."""

    budget_euros = forms.DecimalField(
        label=_("Budget per year in euros"),
        required=False,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
        help_text=_("Optional; the amount your organisation sets aside for this work."),
        error_messages={"min_value": _("Enter zero or more; negative amounts are not possible.")},
    )

    class Meta:
        model = Embedding
        fields = [
            "endorsed_by_management",
            "endorsed_on",
            "contact_person",
            "has_budget",
            "budget_euros",
            "internal_embedding",
            "embedded_since",
        ]
        labels = {
            "endorsed_by_management": _("Our own management endorses the coalition's work"),
            "has_budget": _("We have a budget line for the coalition's work"),
        }
        help_texts = {
            "endorsed_on": _("When did the management decide?"),
            "contact_person": _("Who is the coalition's fixed contact in your organisation?"),
            "embedded_since": _("Since when is the work part of your organisation's plans?"),
        }
        widgets = {
            "endorsed_on": DateInput(),
            "embedded_since": DateInput(),
            "internal_embedding": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_endorsed_on(self) -> datetime.date | None:
        return _not_in_future(self.cleaned_data.get("endorsed_on"))

    def clean_embedded_since(self) -> datetime.date | None:
        return _not_in_future(self.cleaned_data.get("embedded_since"))

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        if cleaned.get("budget_euros") and not cleaned.get("has_budget"):
            self.add_error(
                "has_budget", _("Tick this when you give a budget amount, or clear the amount.")
            )
        return cleaned
