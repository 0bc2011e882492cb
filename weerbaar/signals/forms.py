from __future__ import annotations

import logging
import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from weerbaar.accounts.models import User
from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Area
from weerbaar.components.forms import Form
from weerbaar.signals.choices import AgeGroup, Platform, SignalStatus, Space, Urgency
from weerbaar.signals.redaction import redact_text

logger = logging.getLogger(__name__)

# What is left of a text once placeholders and links are taken out must hold some words.
_PLACEHOLDER_OR_LINK = re.compile(r"\[[a-z-]+\]|https?://\S+|www\.\S+", re.IGNORECASE)
MIN_LETTERS = 10


class RedactedTextField(forms.CharField):
    """A text field whose value is redacted before anything else looks at it.

    ``to_python`` is the first step of cleaning, so validators, ``clean_*`` methods, error
    messages and ``cleaned_data`` only ever see the redacted text.
    """

    # Names redaction keeps (the coalition's areas); the form sets them.
    keep: tuple[str, ...] = ()

    @method_decorator(sensitive_variables())
    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value) or "")
        if self.max_length is not None and len(text) > 2 * self.max_length:
            # Far too long to be a signal: refused before spending time on it.
            raise ValidationError(
                _("This text is too long: at most %(limit)d characters.")
                % {"limit": self.max_length}
            )
        if not text:
            return text
        try:
            return redact_text(text, self.keep)
        except Exception:
            # Never a 500 whose report could carry the text: refuse, log only that it happened.
            logger.warning("Redaction failed on a text of %d characters.", len(text))
            raise ValidationError(
                _("This text could not be checked for personal data. Shorten or rephrase it.")
            ) from None


def check_describes_something(text: str) -> None:
    letters = sum(ch.isalpha() for ch in _PLACEHOLDER_OR_LINK.sub(" ", text))
    if letters < MIN_LETTERS:
        raise ValidationError(
            _("Describe in a few words what happened; a link or a name alone is not enough.")
        )


def keep_area_names(form: forms.Form, areas: QuerySet[Area]) -> None:
    """Let every redacted field of ``form`` keep the coalition's area names."""
    names = tuple(areas.values_list("name", flat=True))
    for field in form.fields.values():
        if isinstance(field, RedactedTextField):
            field.keep = names


class SignalForm(Form):
    text = RedactedTextField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe the phenomenon: what is going on, where online, since when. Leave out "
            "names, phone numbers, accounts and addresses — we remove what we recognise, and "
            "you check the result before anything is saved."
        ),
    )
    platforms = forms.MultipleChoiceField(
        label=_("Where online?"), choices=Platform.choices, widget=forms.CheckboxSelectMultiple
    )
    space = forms.ChoiceField(
        label=_("Open or closed space?"), choices=Space.choices, widget=forms.RadioSelect
    )
    age_group = forms.ChoiceField(label=_("Age group"), choices=AgeGroup.choices)
    area = forms.ModelChoiceField(
        label=_("Area"),
        required=False,
        queryset=Area.objects.none(),
        empty_label=_("Not known or the whole region"),
    )
    first_seen = forms.DateField(
        label=_("First seen on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        help_text=_("Acute danger: call 112 first. You can still report the phenomenon here."),
    )
    actions_taken = RedactedTextField(
        label=_("What did you already do?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        text = self.fields["text"]
        assert isinstance(text, forms.CharField)
        text.max_length = settings.SIGNAL_TEXT_MAX_LENGTH
        text.validators.append(MaxLengthValidator(settings.SIGNAL_TEXT_MAX_LENGTH))
        text.widget.attrs["maxlength"] = str(settings.SIGNAL_TEXT_MAX_LENGTH)
        area = self.fields["area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = areas
        keep_area_names(self, areas)

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        check_describes_something(text)
        return text

    def clean_first_seen(self) -> Any:
        first_seen = self.cleaned_data["first_seen"]
        if first_seen is not None and first_seen > timezone.localdate():
            raise ValidationError(_("This date is in the future."))
        return first_seen


class PreviewForm(Form):
    """Only the text, for the live preview of what will be stored."""

    # Longer texts are refused by the intake anyway; the preview just stays empty.
    text = RedactedTextField(required=False, max_length=20_000)


class StatusForm(Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    expected = forms.ChoiceField(choices=SignalStatus.choices, widget=forms.HiddenInput)
    note = RedactedTextField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_feedback = forms.BooleanField(
        label=_("Show this note to the reporter as feedback"), required=False
    )

    def __init__(self, *args: Any, statuses: list[SignalStatus], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.value, s.label) for s in statuses]


class NoteForm(Form):
    note = RedactedTextField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_feedback = forms.BooleanField(
        label=_("Show this note to the reporter as feedback"), required=False
    )


def _person_label(user: User) -> str:
    return user.full_name or user.email


class AssignForm(Form):
    assigned_to = forms.ModelChoiceField(
        label=_("Analyst"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("Nobody"),
    )

    def __init__(self, *args: Any, analysts: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assigned_to"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = analysts
        field.label_from_instance = _person_label  # type: ignore[method-assign,assignment]  # Django's documented hook


class ThemesForm(Form):
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class FollowUpForm(Form):
    follow_up = RedactedTextField(
        label=_("Follow-up"),
        required=False,
        max_length=300,
        help_text=_("The intervention, campaign or referral this signal led to."),
    )


class QueueFilterForm(Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All open signals")), ("all", _("All signals")), *SignalStatus.choices],
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), required=False, choices=[("", _("All")), *Urgency.choices]
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )
    area = forms.ModelChoiceField(
        label=_("Area"), required=False, queryset=Area.objects.none(), empty_label=_("All areas")
    )
    assigned = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Me")), ("nobody", _("Nobody"))],
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["area"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = areas


class ImportForm(Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One signal per row, with a header row. Comma, semicolon or tab; UTF-8 or Windows "
            "encoding. Required columns: text, platforms, space, age_group, urgency."
        ),
    )
    check_only = forms.BooleanField(
        label=_("Only check the file, import nothing yet"), required=False, initial=True
    )
