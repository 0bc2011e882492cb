"""The looks (NL Design System themes) a coalition can choose from.

A look is a root CSS class plus the token stylesheet that defines it. Only looks whose files
are vendored under ``static/`` can be chosen, so a coalition setting can never point a page
at a stylesheet from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Look:
    key: str
    label: str | Promise
    root_class: str
    stylesheet: str  # path below STATIC_URL


LOOKS: dict[str, Look] = {
    look.key: look
    for look in [
        Look(
            key="voorbeeld",
            label=_("Voorbeeld (NL Design System example theme)"),
            root_class="voorbeeld-theme",
            stylesheet="vendor/voorbeeld-design-tokens/theme.css",
        ),
    ]
}
DEFAULT_LOOK = "voorbeeld"


def get_look(key: str) -> Look:
    return LOOKS.get(key, LOOKS[DEFAULT_LOOK])
