from __future__ import annotations

from django.urls import path

from weerbaar.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("<slug:slug>/campagnes/", views.campaigns, name="campaigns"),
    path("<slug:slug>/campagnes/nieuw/", views.edit_campaign, name="create"),
    path("<slug:slug>/campagnes/<int:campaign_id>/", views.campaign, name="campaign"),
    path("<slug:slug>/campagnes/<int:campaign_id>/bewerken/", views.edit_campaign, name="edit"),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bereik/nieuw/", views.add_reach, name="add_reach"
    ),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bereik/<int:figure_id>/verwijderen/",
        views.remove_reach,
        name="remove_reach",
    ),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bereik.csv",
        views.export_reach,
        name="export_reach",
    ),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bestanden/nieuw/", views.add_file, name="add_file"
    ),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bestanden/<int:file_id>/",
        views.campaign_file,
        name="file",
    ),
    path(
        "<slug:slug>/campagnes/<int:campaign_id>/bestanden/<int:file_id>/verwijderen/",
        views.remove_file,
        name="remove_file",
    ),
    path("<slug:slug>/lobby/", views.lobby, name="lobby"),
    path("<slug:slug>/lobby/nieuw/", views.edit_lobby_item, name="create_lobby_item"),
    path("<slug:slug>/lobby/<int:item_id>/", views.lobby_item, name="lobby_item"),
    path(
        "<slug:slug>/lobby/<int:item_id>/bewerken/", views.edit_lobby_item, name="edit_lobby_item"
    ),
]
