from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.components.forms import DateInput, Form


class AuditFilterForm(Form):
    action = forms.ChoiceField(
        label=_("What"), required=False, choices=[("", _("All actions")), *AuditAction.choices]
    )
    result = forms.ChoiceField(
        label=_("Result"), required=False, choices=[("", _("All results")), *AuditResult.choices]
    )
    who = forms.CharField(label=_("Who (e-mail contains)"), required=False, max_length=254)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=DateInput(),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("This date lies before the start date."))
        return cleaned
