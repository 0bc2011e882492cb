from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.components.forms import DateInput, Form
from weerbaar.partners.models import Partner
from weerbaar.referrals.choices import (
    AgeGroup,
    Audience,
    ConsentGivenBy,
    ContactPreference,
    Cost,
    DeclineReason,
    FinderUrgency,
    Language,
    OfferUrgency,
    ReferralUrgency,
    SharingBasis,
    Situation,
    Visitor,
)
from weerbaar.referrals.finder import MAX_QUERY_LENGTH
from weerbaar.referrals.models import HelpOffer


class FinderForm(Form):
    visitor = forms.ChoiceField(
        label=_("Who are you?"), required=False, choices=Visitor.choices, widget=forms.RadioSelect
    )
    situations = forms.MultipleChoiceField(
        label=_("What is going on?"),
        required=False,
        choices=Situation.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that fits."),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        required=False,
        choices=FinderUrgency.choices,
        widget=forms.RadioSelect,
    )
    q = forms.CharField(
        label=_("Or describe it in your own words"),
        required=False,
        # Longer text is cut, not refused (finder.get_stems).
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
        help_text=_("For example: nude photo shared, scammed on Marktplaats, son only gaming."),
    )


class HelpOfferForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What you can expect"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In plain words: what happens when someone gets in touch?"),
    )
    partner = forms.ModelChoiceField(label=_("Organisation"), queryset=Partner.objects.none())
    themes = forms.MultipleChoiceField(
        label=_("Helps with"), choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    minimum_age = forms.IntegerField(
        label=_("Youngest age"), required=False, min_value=0, max_value=120
    )
    maximum_age = forms.IntegerField(
        label=_("Oldest age"), required=False, min_value=0, max_value=120
    )
    area_served = forms.CharField(
        label=_("Area served"),
        required=False,
        max_length=200,
        help_text=_("For example: Voorbeeldstad and surrounding villages, or the whole country."),
    )
    urgency = forms.ChoiceField(
        label=_("Kind of help"),
        choices=OfferUrgency.choices,
        widget=forms.RadioSelect,
        initial=OfferUrgency.REGULAR,
    )
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_(
            "Referrals go to your partner admins; without them, a link is mailed to this address."
        ),
    )
    chat_url = forms.URLField(label=_("Chat (web address)"), required=False, assume_scheme="https")
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    hours = forms.CharField(
        label=_("When"),
        required=False,
        max_length=300,
        help_text=_("For example: Monday to Friday 9:00 to 17:00, chat until 22:00."),
    )
    location_name = forms.CharField(
        label=_("Walk-in: name of the place"), required=False, max_length=200
    )
    address = forms.CharField(label=_("Walk-in: street and number"), required=False, max_length=200)
    postal_code = forms.CharField(label=_("Walk-in: postcode"), required=False, max_length=10)
    city = forms.CharField(label=_("Walk-in: town"), required=False, max_length=100)
    cost = forms.ChoiceField(
        label=_("Cost"), choices=Cost.choices, widget=forms.RadioSelect, initial=Cost.FREE
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    anonymous_possible = forms.BooleanField(label=_("Anonymous help is possible"), required=False)
    is_active = forms.BooleanField(
        label=_("Active: show it in the help finder and accept referrals"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = partners

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("The oldest age cannot be below the youngest age."))
        if not any(data.get(name) for name in ("phone", "email", "chat_url", "website", "address")):
            raise ValidationError(
                _("Give at least one way to reach you: phone, e-mail, chat, website or address.")
            )
        if data.get("address") and not data.get("city"):
            self.add_error("city", _("Give the town of the walk-in address."))
        return data


class CrisisLineForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    when_to_call = forms.CharField(label=_("When to get in touch"), max_length=300)
    hours = forms.CharField(label=_("When"), required=False, max_length=100)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)
    is_active = forms.BooleanField(label=_("Show in the finder"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("phone") and not data.get("website"):
            raise ValidationError(_("Give a phone number or a website."))
        return data


class ReferralForm(Form):
    age_group = forms.ChoiceField(
        label=_("Age group"), choices=AgeGroup.choices, widget=forms.RadioSelect
    )
    theme = forms.ChoiceField(label=_("What is it about?"), choices=Theme.choices)
    description = forms.CharField(
        label=_("Short description"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only what the partner needs to pick it up. No names, addresses or phone numbers: "
            "Weerbaar removes them before saving."
        ),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent?"), choices=ReferralUrgency.choices, widget=forms.RadioSelect
    )
    contact_preference = forms.ChoiceField(
        label=_("How does the person want to be contacted?"),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
    )
    sharing_basis = forms.ChoiceField(
        label=_("On what basis do you share this?"),
        choices=SharingBasis.choices,
        widget=forms.RadioSelect,
    )
    consent_given_by = forms.ChoiceField(
        label=_("Consent given by"),
        required=False,
        choices=[("", _("Choose")), *ConsentGivenBy.choices],
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"), required=False, widget=DateInput()
    )
    consent_purpose = forms.CharField(
        label=_("Consent given for"),
        required=False,
        max_length=300,
        help_text=_("For example: a referral to this offer for help with sextortion."),
    )
    legal_basis = forms.CharField(
        label=_("Other legal basis"),
        required=False,
        max_length=300,
        help_text=_("Only without consent: which legal basis, and why consent was not possible."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sharing_basis") == SharingBasis.CONSENT:
            if not data.get("consent_given_by"):
                self.add_error("consent_given_by", _("Say who gave consent."))
            given_on = data.get("consent_given_on")
            if given_on is None:
                self.add_error("consent_given_on", _("Say when consent was given."))
            elif given_on > timezone.localdate():
                self.add_error("consent_given_on", _("Consent cannot be given in the future."))
            if not data.get("consent_purpose", "").strip():
                self.add_error("consent_purpose", _("Say what the consent was given for."))
        elif (
            data.get("sharing_basis") == SharingBasis.OTHER_BASIS
            and not data.get("legal_basis", "").strip()
        ):
            self.add_error("legal_basis", _("Name the legal basis for sharing without consent."))
        return data


class ReferralStepForm(Form):
    """One step on a referral: the button pressed says which (``step``), the message why."""

    decline_reason = forms.ChoiceField(
        label=_("Reason for declining"),
        required=False,
        choices=[("", _("Only when you decline")), *DeclineReason.choices],
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you ask or answer a question. No names or phone numbers."),
    )
    new_offer = forms.ModelChoiceField(
        label=_("Another offer"),
        required=False,
        queryset=HelpOffer.objects.none(),
    )

    def __init__(self, *args: Any, offers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["new_offer"]
        assert isinstance(field, forms.ModelChoiceField)
        if offers is None:
            del self.fields["new_offer"]
        else:
            field.queryset = offers


class HsdsImportForm(Form):
    file = forms.FileField(label=_("Open Referral file (JSON)"))
