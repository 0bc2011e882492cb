from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def get_axes_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The address django-axes counts failures for, lower-cased as accounts store it.

    Without this, "Anna@…" and "anna@…" would be counted apart and changing capitals would
    dodge the lockout.
    """
    if credentials and credentials.get("username"):
        return str(credentials["username"]).strip().lower()
    return str(request.POST.get("username", "")).strip().lower()
