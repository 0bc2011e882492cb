from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from weerbaar.coalitions.looks import DEFAULT_LOOK, get_look
from weerbaar.coalitions.navigation import get_main_navigation


def coalition(request: HttpRequest) -> dict[str, Any]:
    """The coalition the URL names (set by ``@requires``), its look, and the navigation."""
    current = getattr(request, "coalition", None)
    return {
        "current_coalition": current,
        "current_membership": getattr(request, "membership", None),
        "look": current.get_look() if current is not None else get_look(DEFAULT_LOOK),
        "main_navigation": get_main_navigation(request),
    }
