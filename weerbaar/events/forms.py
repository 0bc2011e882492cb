from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from weerbaar.components.forms import Form
from weerbaar.events.actions import ProgrammeLine
from weerbaar.events.choices import EventAudience, EventKind
from weerbaar.knowledge.files import CleanFile, clean_attachment
from weerbaar.partners.forms import HONEYPOT_FIELD
from weerbaar.partners.models import Partner

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_PROGRAMME_LINES = 40


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the browser's date-time picker sends it, read in Europe/Amsterdam."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)
    input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]


def parse_programme(text: str) -> list[ProgrammeLine]:
    """One item a line: ``19:30 | Title | Speaker | Room`` (speaker and room optional)."""
    lines: list[ProgrammeLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [part.strip() for part in raw.split("|")]
        if len(parts) < 2 or len(parts) > 4 or not parts[1]:
            raise ValidationError(
                _("Line %(number)d: write the time and title, separated by |.") % {"number": number}
            )
        try:
            time = datetime.datetime.strptime(parts[0].replace(".", ":"), "%H:%M").time()
        except ValueError:
            raise ValidationError(
                _("Line %(number)d: “%(time)s” is not a time; write it as 19:30.")
                % {"number": number, "time": parts[0][:20]}
            ) from None
        title, speaker, room = [*parts[1:], "", ""][:3]
        if len(title) > 200 or len(speaker) > 200 or len(room) > 100:
            raise ValidationError(_("Line %(number)d is too long.") % {"number": number})
        lines.append(ProgrammeLine(time, title, speaker, room))
    if len(lines) > MAX_PROGRAMME_LINES:
        raise ValidationError(
            _("Enter at most %(count)d programme items.") % {"count": MAX_PROGRAMME_LINES}
        )
    return lines


def format_programme(items: Any) -> str:
    """The programme as ``parse_programme`` reads it, for editing."""
    lines = []
    for item in items:
        parts = [f"{item.starts_at:%H:%M}", item.title, item.speaker, item.room]
        while parts[-1] == "":
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


class EventForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: a blank line starts a new paragraph, - a list item, **bold**."),
    )
    starts_at = LocalDateTimeField(
        label=_("Starts at"), help_text=_("Date and time in Dutch time (Europe/Amsterdam).")
    )
    ends_at = LocalDateTimeField(label=_("Ends at"))
    location = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=300,
        help_text=_("Street, number and place; leave empty for an online event."),
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("The link to join a webinar or online meeting."),
    )
    programme = forms.CharField(
        label=_("Programme"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One item a line: time | title | speaker | room. "
            "For example: 19:30 | Welcome | Anna de Wit | Main hall"
        ),
    )
    organisers: forms.ModelMultipleChoiceField[Partner] = forms.ModelMultipleChoiceField(
        label=_("Organising partners"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.ChoiceField(
        label=_("Who can register"),
        choices=EventAudience.choices,
        initial=EventAudience.MEMBERS,
        widget=forms.RadioSelect,
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=_("Leave empty when there is no limit."),
    )
    registration_deadline = LocalDateTimeField(
        label=_("Registration deadline"),
        required=False,
        help_text=_("Leave empty to accept registrations until the event starts."),
    )

    def __init__(self, *args: Any, partners: Any, confirmed: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisers"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = partners
        self.confirmed = confirmed

    def clean_programme(self) -> list[ProgrammeLine]:
        return parse_programme(self.cleaned_data["programme"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        deadline = data.get("registration_deadline")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        if starts_at and deadline and deadline > starts_at:
            self.add_error(
                "registration_deadline",
                _("The registration deadline must be before the event starts."),
            )
        capacity = data.get("capacity")
        if capacity is not None and capacity < self.confirmed:
            self.add_error(
                "capacity",
                _(
                    "%(count)d people already have a place, so there must be at least "
                    "%(count)d places. Cancel registrations first if you need fewer."
                )
                % {"count": self.confirmed},
            )
        if not data.get("location") and not data.get("online_link"):
            self.add_error("location", _("Enter an address or an online link."))
        return data


class VisitorRegistrationForm(Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address to confirm your registration."),
        error_messages={
            "invalid": _("Enter an e-mail address like name@example.nl."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    # The join form's honeypot: people never see it, form-filling robots fill it in.
    leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class ReportForm(Form):
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what happened, and what did it bring?"),
    )
    body = forms.CharField(
        label=_("Report"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: a blank line starts a new paragraph, ## a heading, - a list item."),
    )
    photo_1 = forms.FileField(label=_("Photo"), required=False)
    photo_2 = forms.FileField(label=_("Another photo"), required=False)
    slides = forms.FileField(
        label=_("Slides"),
        required=False,
        help_text=_("PDF, PPTX, DOCX or ODT. Photos: PNG or JPEG, stored without their metadata."),
    )

    def _clean_file(self, name: str) -> CleanFile | None:
        upload = self.cleaned_data.get(name)
        if not upload:
            return None
        return clean_attachment(upload, max_bytes=settings.KNOWLEDGE_ATTACHMENT_MAX_MB * 1_000_000)

    def clean_photo_1(self) -> CleanFile | None:
        return self._clean_file("photo_1")

    def clean_photo_2(self) -> CleanFile | None:
        return self._clean_file("photo_2")

    def clean_slides(self) -> CleanFile | None:
        return self._clean_file("slides")

    def get_files(self) -> list[CleanFile]:
        names = ("photo_1", "photo_2", "slides")
        return [self.cleaned_data[n] for n in names if self.cleaned_data.get(n) is not None]
