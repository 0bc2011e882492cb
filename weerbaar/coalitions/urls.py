from __future__ import annotations

from django.urls import path

from weerbaar.coalitions import views

app_name = "coalitions"

urlpatterns = [
    path("platform/", views.platform_admin, name="platform_admin"),
    path("platform/coalities/nieuw/", views.create_coalition, name="create"),
    path("<slug:slug>/", views.public_page, name="public_page"),
    path("<slug:slug>/start/", views.member_home, name="member_home"),
    path("<slug:slug>/coalitie/", views.hub, name="hub"),
    path("<slug:slug>/beheer/instellingen/", views.settings, name="settings"),
]
