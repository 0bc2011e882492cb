from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def get_client_ip(request: HttpRequest) -> str | None:
    """The address the request came from, as the reverse proxy saw it when there is one.

    Behind a proxy (``BEHIND_PROXY``) the last X-Forwarded-For entry is the one the proxy
    added itself; earlier entries come from the client and cannot be trusted.
    """
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
