from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.components.forms import Form


class DigestForm(Form):
    subscribed = forms.BooleanField(
        label=_("Send me a weekly digest"),
        required=False,
        help_text=_(
            "On Monday morning, a mail with what is new in knowledge and interventions. "
            "Nothing new, no mail."
        ),
    )
