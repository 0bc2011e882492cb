"""A short-lived cache for public pages as visitors (not logged in) see them.

Public pages are the busiest and the same for every visitor, so their rendered HTML is kept
for ``PUBLIC_PAGE_CACHE_SECONDS`` per language and address. A page is only stored when
nothing personal went into it: no CSRF token, no CSP nonce, no session (e.g. messages). A
change by a coordinator reaches visitors within that many seconds; logged-in people always
get a freshly rendered page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import get_language

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def _cache_key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{get_language()}:{address}"


def _is_personal(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(request, "_csp_nonce", None)
        or (session is not None and session.accessed and not session.is_empty())
    )


def cache_for_visitors(view: View) -> View:
    """Serve a public page to visitors from the cache (see the module docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        seconds: int = settings.PUBLIC_PAGE_CACHE_SECONDS
        cacheable = (
            seconds > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and "messages" not in request.COOKIES
        )
        if not cacheable:
            return view(request, *args, **kwargs)
        key = _cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if (
            isinstance(response, HttpResponse)
            and response.status_code == 200
            and not _is_personal(request)
        ):
            cache.set(key, (response.content, response["Content-Type"]), seconds)
        return response

    return cast(View, wrapped)
