from __future__ import annotations

from django.urls import path

from weerbaar.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("<slug:slug>/beheer/dashboard/", views.dashboard, name="dashboard"),
    path("<slug:slug>/beheer/export/partners.csv", views.export_partners, name="export_partners"),
    path(
        "<slug:slug>/beheer/export/ondertekeningen.csv",
        views.export_signatures,
        name="export_signatures",
    ),
    path(
        "<slug:slug>/beheer/export/toezeggingen.csv",
        views.export_commitments,
        name="export_commitments",
    ),
]
