from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from weerbaar.campaigns.choices import (
    Addressee,
    CampaignStatus,
    Channel,
    LobbyStatus,
    ReachMeasure,
)
from weerbaar.components.forms import DateInput, Form
from weerbaar.knowledge.choices import TargetGroup
from weerbaar.knowledge.forms import AttachmentForm
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.partners.models import Partner

MAX_LINKS = 20
# A bigint holds more, but no campaign reaches more people than this; a typo should not chart.
MAX_REACH = 1_000_000_000


LINKS_HELP = _("One web address per line, starting with https:// or http://.")


def clean_link_lines(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise ValidationError(_("Enter at most %(count)d links.") % {"count": MAX_LINKS})
    validate = URLValidator(schemes=["http", "https"])
    for line in lines:
        try:
            validate(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not a web address; start it with https://.") % {"line": line[:100]}
            ) from None
    return "\n".join(lines)


class _LinkedForm(Form):
    """A form that links partners and knowledge items of the coalition only."""

    def __init__(self, *args: Any, coalition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (
            ("partners", Partner.objects.filter(coalition=coalition)),
            ("knowledge_items", KnowledgeItem.objects.filter(coalition=coalition)),
        ):
            field = self.fields.get(name)
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.queryset = queryset

    def clean_links(self) -> str:
        return clean_link_lines(self.cleaned_data["links"])


class CampaignForm(_LinkedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    goal = forms.CharField(
        label=_("Goal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What should be different after the campaign?"),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        required=False,
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    target_group_note = forms.CharField(
        label=_("Target group in your words"),
        required=False,
        max_length=300,
        help_text=_("For example: parents of pupils in the first years of secondary school."),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The core message the target group should remember."),
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        required=False,
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(label=_("Start date"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput(),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=CampaignStatus.choices, initial=CampaignStatus.PREPARING
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners involved"),
        required=False,
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    links = forms.CharField(
        label=_("Links to materials"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=LINKS_HELP,
    )
    is_public = forms.BooleanField(
        label=_("Show this campaign to visitors"),
        required=False,
        help_text=_(
            "Visitors then see the campaign, its links and files, and its public knowledge "
            "items; reach figures stay for members."
        ),
    )
    knowledge_items = forms.ModelMultipleChoiceField(
        label=_("Knowledge items used as material"),
        required=False,
        queryset=KnowledgeItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on: datetime.date | None = data.get("starts_on")
        ends_on: datetime.date | None = data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date is before the start date."))
        return data


class ReachForm(Form):
    measured_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        help_text=_("The day you counted; the number covers the time since the previous count."),
    )
    measure = forms.ChoiceField(label=_("Measure"), choices=ReachMeasure.choices)
    value = forms.IntegerField(label=_("Number"), min_value=0, max_value=MAX_REACH)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_("For example where the number comes from."),
    )

    def __init__(self, *args: Any, campaign: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_measured_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["measured_on"]
        if self.campaign is not None and value < self.campaign.starts_on:
            raise ValidationError(_("This date is before the campaign started."))
        return value


# The same files and checks as a knowledge item's attachments.
CampaignFileForm = AttachmentForm


class LobbyItemForm(_LinkedForm):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    ask = forms.CharField(
        label=_("The ask"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What exactly do you ask, and why?"),
    )
    addressee = forms.ChoiceField(label=_("Addressee"), choices=Addressee.choices)
    addressee_name = forms.CharField(
        label=_("Addressed to"),
        required=False,
        max_length=200,
        help_text=_("For example: the Ministry of the Interior, or a committee of parliament."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=LobbyStatus.choices, initial=LobbyStatus.DRAFTING
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label=_("Links to documents"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=LINKS_HELP,
    )
    knowledge_items = forms.ModelMultipleChoiceField(
        label=_("Linked knowledge items"),
        required=False,
        queryset=KnowledgeItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        closed = data.get("status") in (LobbyStatus.ACHIEVED, LobbyStatus.NOT_ACHIEVED)
        if closed and not (data.get("outcome") or "").strip():
            self.add_error("outcome", _("Describe the outcome before you close this item."))
        return data
