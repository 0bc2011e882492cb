from __future__ import annotations

from django.urls import path

from weerbaar.audit import views

app_name = "audit"

urlpatterns = [
    path("platform/logboek/", views.platform_log, name="platform_log"),
    path("<slug:slug>/beheer/logboek/", views.log, name="log"),
]
