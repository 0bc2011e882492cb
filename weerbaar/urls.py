"""URL map. Platform paths come first; ``/<slug>/…`` belongs to a coalition.

Coalition slugs cannot take a platform path (``coalitions.models.RESERVED_SLUGS``).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path

from weerbaar.accounts.access import requires
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions import views as coalition_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", coalition_views.platform_home, name="platform_home"),
    path("toegankelijkheid/", coalition_views.accessibility, name="accessibility"),
    path("help/", coalition_views.help_page, name="help"),
    path("taal/<str:language>/", coalition_views.switch_language, name="switch_language"),
    path("", include("weerbaar.accounts.urls")),
    path("", include("weerbaar.audit.urls")),
    path("", include("weerbaar.partners.urls")),
    path("", include("weerbaar.covenant.urls")),
    path("", include("weerbaar.knowledge.urls")),
    path("", include("weerbaar.interventions.urls")),
    path("", include("weerbaar.events.urls")),
    path("", include("weerbaar.referrals.urls")),
    path("", include("weerbaar.updates.urls")),
    path("", include("weerbaar.trends.urls")),
    path("", include("weerbaar.dashboard.urls")),
    path("", include("weerbaar.signals.urls")),
    path("", include("weerbaar.campaigns.urls")),
    path("", include("weerbaar.newsflash.urls")),
    path("", include("weerbaar.blueprint.urls")),
    path("", include("weerbaar.coalitions.urls")),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc.views import (
        OIDCAuthenticationCallbackView,
        OIDCAuthenticationRequestView,
    )

    urlpatterns.insert(
        0,
        path(
            "oidc/callback/",
            requires(Permission.LOG_IN)(OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    )
    urlpatterns.insert(
        0,
        path(
            "oidc/authenticate/",
            requires(Permission.LOG_IN)(OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
    )
