from __future__ import annotations

from django.urls import path

from weerbaar.partners import views

app_name = "partners"

urlpatterns = [
    path("<slug:slug>/sluit-aan/", views.join, name="join"),
    path("<slug:slug>/sluit-aan/bedankt/", views.join_thanks, name="join_thanks"),
    path("<slug:slug>/beheer/aanmeldingen/", views.join_requests, name="join_requests"),
    path(
        "<slug:slug>/beheer/aanmeldingen/<int:join_request_id>/",
        views.join_request,
        name="join_request",
    ),
    path("<slug:slug>/partners/", views.partners, name="partners"),
    path("<slug:slug>/partners/<int:partner_id>/", views.partner, name="partner"),
    path(
        "<slug:slug>/partners/<int:partner_id>/bewerken/",
        views.edit_partner,
        name="edit_partner",
    ),
    path(
        "<slug:slug>/partners/<int:partner_id>/borging/",
        views.embedding,
        name="embedding",
    ),
    path("<slug:slug>/beheer/borging/", views.embedding_overview, name="embedding_overview"),
    path("<slug:slug>/partners/<int:partner_id>/logo/", views.logo, name="logo"),
    path(
        "<slug:slug>/partners/<int:partner_id>/mensen/uitnodigen/",
        views.invite_colleague,
        name="invite_colleague",
    ),
    path(
        "<slug:slug>/partners/<int:partner_id>/mensen/<int:membership_id>/",
        views.manage_colleague,
        name="manage_colleague",
    ),
]
