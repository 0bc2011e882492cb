"""The platform's URLs plus ``/bench/bare/``: the cheapest view the same stack can serve."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from weerbaar.accounts.access import requires
from weerbaar.accounts.policy import Permission
from weerbaar.urls import urlpatterns as weerbaar_urlpatterns


# Declared like every real view: AccessPolicyMiddleware refuses views without a permission.
@requires(Permission.VIEW_PUBLIC_PAGES)
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


# First, so no ``<slug>/…`` pattern of the platform can shadow it.
urlpatterns: list[URLPattern | URLResolver] = [
    path("bench/bare/", bare, name="bench_bare"),
    *weerbaar_urlpatterns,
]
