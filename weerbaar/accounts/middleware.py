from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from weerbaar.accounts.access import get_declared_permission


class AccessPolicyMiddleware:
    """Deny by default, and keep authenticated pages out of every cache.

    A view reached without a ``@requires`` declaration is refused. Responses to logged-in
    people carry ``Cache-Control: no-store`` so that no shared or back-button cache keeps them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if get_declared_permission(view_func) is None:
            raise PermissionDenied
        return None
