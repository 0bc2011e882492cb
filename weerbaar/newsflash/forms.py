from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.coalitions.models import Coalition
from weerbaar.components.forms import Form
from weerbaar.newsflash.sources import SOURCES, Candidate
from weerbaar.partners.choices import Domain


def source_field_name(key: str) -> str:
    return f"source_{key}"


class NewsflashForm(Form):
    """Title, intro and audience, plus one multiple choice per content source."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("Shown after the number, for example: Inspiration meeting."),
    )
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown: a blank line starts a new paragraph, ## a heading, - a list item, **bold**."
        ),
    )
    roles = forms.MultipleChoiceField(
        label=_("Only to these roles"),
        required=False,
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to send to every role."),
    )
    domains = forms.MultipleChoiceField(
        label=_("Only to people of partners in these domains"),
        required=False,
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to send to everyone, also people without a partner organisation."),
    )

    def __init__(
        self, *args: Any, coalition: Coalition, today: datetime.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.candidates: dict[str, Candidate] = {}
        self.source_fields: list[str] = []
        for source in SOURCES:
            found = source.get_candidates(coalition, today)
            self.candidates.update((c.key, c) for c in found)
            name = source_field_name(source.key)
            self.fields[name] = forms.MultipleChoiceField(
                label=source.label,
                required=False,
                choices=[(c.key, f"{c.title} ({c.date:%d-%m-%Y})") for c in found],
                widget=forms.CheckboxSelectMultiple,
            )
            self.source_fields.append(name)

    def get_source_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.source_fields]

    def get_entries(self) -> list[Candidate]:
        """The chosen candidates, source by source in the order of ``SOURCES``."""
        return [
            self.candidates[key]
            for name in self.source_fields
            for key in self.cleaned_data.get(name, [])
            if key in self.candidates
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = any(data.get(name) for name in self.source_fields)
        if not (data.get("intro") or "").strip() and not chosen:
            raise forms.ValidationError(
                _("Write an introduction or choose at least one item: the newsflash is empty.")
            )
        return data


class RetryForm(Form):
    """A button: send the failed mails again."""
