from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.components.forms import Form
from weerbaar.trends.choices import AlertMethod, AlertStatus, LegalBasis, Period, SourceKind
from weerbaar.trends.models import WatchList
from weerbaar.trends.stats import Method, check_rule

MAX_UPLOAD_BYTES = 5_000_000


class SourceForm(Form):
    """The register entry of a source; everything but the name may stay empty in a draft."""

    name = forms.CharField(label=_("Name"), max_length=150)
    url = forms.URLField(
        label=_("Feed address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Only for RSS or Atom feeds of public sources: news, fact-checkers, public bodies."
        ),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the coalition uses this source, in one or two sentences."),
    )
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"), required=False, choices=[("", "—"), *LegalBasis.choices]
    )
    dpia_reference = forms.CharField(
        label=_("DPIA reference"),
        required=False,
        max_length=200,
        help_text=_("The number or title of the data protection impact assessment."),
    )
    retention_days = forms.IntegerField(
        label=_("Retention in days"), required=False, min_value=1, max_value=3660
    )
    owner = forms.CharField(
        label=_("Owner"),
        required=False,
        max_length=200,
        help_text=_("The organisation and role responsible, for example: gemeente, analist."),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != SourceKind.FEED:
            del self.fields["url"]


class NewSourceForm(SourceForm):
    kind = forms.ChoiceField(  # type: ignore[assignment]  # the field, beside SourceForm.kind the value
        label=_("Kind"),
        choices=[c for c in SourceKind.choices if c[0] != SourceKind.SIGNALS],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, kind=SourceKind.FEED, **kwargs)
        self.order_fields(["kind", "name", "url"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != SourceKind.FEED:
            data["url"] = ""
        return data


class ImportForm(Form):
    file = forms.FileField(
        label=_("File with aggregated figures"),
        help_text=_(
            "CSV or JSON with the columns week, theme, count and optionally platform, area, "
            "age_group. Counts only: never rows about people."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".json")):
            raise ValidationError(_("Upload a .csv or .json file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload


class TrendSettingsForm(Form):
    k_threshold = forms.IntegerField(
        label=_("Smallest number shown"),
        min_value=2,
        max_value=100,
        help_text=_(
            "Counts below this number are hidden for everyone except analysts (at least 10 "
            "is advised)."
        ),
    )


class FilterForm(Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    platform = forms.CharField(label=_("Platform"), required=False, max_length=30)
    area = forms.ChoiceField(label=_("Area"), required=False)
    age_group = forms.CharField(label=_("Age group"), required=False, max_length=30)
    source = forms.ChoiceField(label=_("Source"), required=False)
    period = forms.ChoiceField(
        label=_("Per"), required=False, choices=Period.choices, initial=Period.WEEK
    )

    def __init__(
        self,
        *args: Any,
        areas: list[str],
        sources: list[tuple[str, str]],
        platforms: list[tuple[str, str]],
        age_groups: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["theme"].choices = [everything, *Theme.choices]  # type: ignore[attr-defined]
        self.fields["area"].choices = [everything, *((a, a) for a in areas)]  # type: ignore[attr-defined]
        self.fields["source"].choices = [everything, *sources]  # type: ignore[attr-defined]
        self.fields["platform"] = forms.ChoiceField(
            label=_("Platform"), required=False, choices=[everything, *platforms]
        )
        self.fields["age_group"] = forms.ChoiceField(
            label=_("Age group"), required=False, choices=[everything, *age_groups]
        )
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"


class WatchListForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    terms = forms.CharField(
        label=_("Terms"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One word or short phrase per line, about a phenomenon, for example: nepwinkel. "
            "Never the name of a person, account or group."
        ),
    )

    def clean_terms(self) -> str:
        terms = [line.strip() for line in self.cleaned_data["terms"].splitlines() if line.strip()]
        if not terms:
            raise ValidationError(_("Write at least one term."))
        if len(terms) > 100:
            raise ValidationError(_("At most 100 terms per list."))
        if any(t.startswith("@") or len(t) > 80 for t in terms):
            raise ValidationError(
                _("Terms are words or short phrases; account names (@…) are not allowed.")
            )
        return "\n".join(terms)


class AlertRuleForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    watch_list = forms.ModelChoiceField(
        label=_("Watch list"),
        required=False,
        queryset=WatchList.objects.none(),
        help_text=_("Count matches of a watch list instead of a theme."),
    )
    method = forms.ChoiceField(label=_("Method"), choices=AlertMethod.choices)
    threshold = forms.FloatField(
        label=_("Threshold"),
        help_text=_(
            "Fixed threshold: a count, for example 30. Z-score: for example 3. "
            "Poisson: a probability, for example 0.001."
        ),
    )
    min_count = forms.IntegerField(
        label=_("Minimum count"),
        min_value=1,
        max_value=100000,
        initial=5,
        help_text=_("Never warn below this weekly count, however unusual."),
    )
    baseline_weeks = forms.IntegerField(
        label=_("Baseline weeks"), min_value=2, max_value=52, initial=8
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, areas: list[str], watch_lists: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Every theme")), *Theme.choices]  # type: ignore[attr-defined]
        self.fields["area"].choices = [("", _("Every area")), *((a, a) for a in areas)]  # type: ignore[attr-defined]
        field = self.fields["watch_list"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = watch_lists

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method, threshold, min_count = (
            data.get("method"),
            data.get("threshold"),
            data.get("min_count"),
        )
        if method and threshold is not None and min_count is not None:
            try:
                check_rule(Method(method), threshold, min_count)
            except ValueError as error:
                self.add_error("threshold", _translate_rule_error(str(error)))
        if data.get("watch_list") and (data.get("theme") or data.get("area")):
            self.add_error("watch_list", _("Choose a watch list, or a theme and area, not both."))
        return data


_RULE_ERRORS = {
    "The threshold must be a number.": _("The threshold must be a number."),
    "A fixed threshold must be at least 1.": _("A fixed threshold must be at least 1."),
    "A z-score threshold must be between 0.5 and 20.": _(
        "A z-score threshold must be between 0.5 and 20."
    ),
    "A tail probability must be above 0 and below 0.5.": _(
        "A tail probability must be above 0 and below 0.5, for example 0.001."
    ),
    "The minimum count must be at least 1.": _("The minimum count must be at least 1."),
}


def _translate_rule_error(message: str) -> str:
    return str(_RULE_ERRORS.get(message, message))


class HandleAlertForm(Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in AlertStatus.choices if c[0] != AlertStatus.OPEN],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you checked or did; other analysts read this."),
    )


class NewReportForm(Form):
    period_start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and (end < start or (end - start).days > 366):
            self.add_error("period_end", _("The end must be after the start, within a year."))
        if end and end > timezone.localdate():
            self.add_error("period_end", _("The end cannot be in the future."))
        return data


class ReportForm(Form):
    commentary = forms.CharField(
        label=_("Commentary"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What stands out and what the coalition does about it. Markdown: a blank line "
            "starts a new paragraph, - a list item."
        ),
    )
    publish = forms.BooleanField(label=_("Publish to the members"), required=False)
