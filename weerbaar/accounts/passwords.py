from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import ngettext


class LengthValidator(MinimumLengthValidator):
    """Django's minimum length check with a message our Dutch catalogue translates.

    Django 5.2's own message changed its placeholder in a patch release and lost its Dutch
    translation, so people choosing a password saw English.
    """

    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short: use at least %(count)d character.",
            "This password is too short: use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}
