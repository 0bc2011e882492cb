from __future__ import annotations

from django.urls import path

from weerbaar.covenant import views

app_name = "covenant"

urlpatterns = [
    path("<slug:slug>/convenant/", views.covenant, name="covenant"),
    path("<slug:slug>/convenant/versies/<int:number>/", views.covenant_version, name="version"),
    path("<slug:slug>/convenant/afdrukken/", views.covenant_print, name="print"),
    path("<slug:slug>/convenant/pdf/", views.covenant_pdf, name="pdf"),
    path("<slug:slug>/convenant/ondertekenen/", views.sign, name="sign"),
    path("<slug:slug>/beheer/convenant/", views.manage, name="manage"),
    path("<slug:slug>/beheer/convenant/nieuw/", views.new_draft, name="new_draft"),
    path(
        "<slug:slug>/beheer/convenant/<int:number>/bewerken/",
        views.edit_draft,
        name="edit_draft",
    ),
    path("<slug:slug>/beheer/convenant/<int:number>/publiceren/", views.publish, name="publish"),
    path(
        "<slug:slug>/partners/<int:partner_id>/toezeggingen/",
        views.partner_commitments,
        name="partner_commitments",
    ),
    path(
        "<slug:slug>/partners/<int:partner_id>/toezeggingen/<int:commitment_id>/levering/",
        views.record_delivery,
        name="record_delivery",
    ),
    path("<slug:slug>/beheer/toezeggingen/", views.commitments_overview, name="overview"),
]
