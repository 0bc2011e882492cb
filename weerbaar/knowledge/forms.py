from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.components.forms import DateInput, Form
from weerbaar.knowledge.choices import KnowledgeKind, TargetGroup, Visibility
from weerbaar.knowledge.files import CleanFile, clean_attachment
from weerbaar.knowledge.search import MAX_QUERY_LENGTH
from weerbaar.partners.models import Partner

MAX_LINKS = 20


class KnowledgeItemForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=KnowledgeKind.choices)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what is it, and for whom is it useful?"),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Markdown: a blank line starts a new paragraph, ## a heading, - a list item, **bold**."
        ),
    )
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
    links = forms.CharField(
        label=_("External links"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address per line, starting with https:// or http://."),
    )
    author_organisation = forms.ModelChoiceField(
        label=_("Author organisation"), required=False, queryset=Partner.objects.none()
    )
    published_on = forms.DateField(label=_("Publication date"), widget=DateInput())
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, for example: school, social media."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=Visibility.choices,
        initial=Visibility.COALITION,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["author_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = partners

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("Enter at most %(count)d links.") % {"count": MAX_LINKS})
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(line)s” is not a web address; start it with https://.")
                    % {"line": line[:100]}
                ) from None
        return "\n".join(lines)


class SearchForm(Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        # Longer queries are cut, not refused (search.get_query_terms).
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *KnowledgeKind.choices]
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        choices=[("", _("All target groups")), *TargetGroup.choices],
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Partner.objects.none(),
        empty_label=_("All organisations"),
    )
    published_from = forms.DateField(
        label=_("Published from"),
        required=False,
        widget=DateInput(),
    )
    published_until = forms.DateField(
        label=_("Published until"),
        required=False,
        widget=DateInput(),
    )

    FILTERS = (
        "kind",
        "theme",
        "target_group",
        "organisation",
        "published_from",
        "published_until",
    )

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = partners

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("published_from"), data.get("published_until")
        if start and end and end < start:
            message = _("The end date is before the start date; swap them or change one.")
            self.add_error("published_until", message)
        return data

    def has_filters(self) -> bool:
        """Whether any filter besides the search words is set (after validation)."""
        return any(self.cleaned_data.get(name) for name in self.FILTERS)


class AttachmentForm(Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, ODT, PPTX, PNG or JPEG. Photos are stored without their metadata."),
    )

    def clean_file(self) -> CleanFile:
        return clean_attachment(
            self.cleaned_data["file"],
            max_bytes=settings.KNOWLEDGE_ATTACHMENT_MAX_MB * 1_000_000,
        )


class CommentForm(Form):
    body = forms.CharField(
        label=_("Your reaction"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown: **bold**, *italic*, - a list item. Be kind; coordinators moderate."),
        error_messages={"required": _("Write something before you send your reaction.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Write something before you send your reaction."))
        return body
