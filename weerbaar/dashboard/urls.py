from __future__ import annotations

from django.urls import path

from weerbaar.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("<slug:slug>/beheer/dashboard/", views.dashboard, name="dashboard"),
]
