from __future__ import annotations

from django.urls import path

from weerbaar.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("<slug:slug>/kennis/", views.items, name="items"),
    path("<slug:slug>/kennis/zoeken/", views.search, name="search"),
    path("<slug:slug>/kennis/nieuw/", views.create_item, name="create"),
    path("<slug:slug>/kennis/<int:item_id>/", views.item, name="item"),
    path("<slug:slug>/kennis/<int:item_id>/bewerken/", views.edit_item, name="edit"),
    path("<slug:slug>/kennis/<int:item_id>/verwijderen/", views.delete_item, name="delete"),
    path(
        "<slug:slug>/kennis/<int:item_id>/bijlagen/nieuw/",
        views.add_attachment,
        name="add_attachment",
    ),
    path(
        "<slug:slug>/kennis/<int:item_id>/bijlagen/<int:attachment_id>/",
        views.attachment,
        name="attachment",
    ),
    path(
        "<slug:slug>/kennis/<int:item_id>/bijlagen/<int:attachment_id>/verwijderen/",
        views.remove_attachment,
        name="remove_attachment",
    ),
    path("<slug:slug>/kennis/<int:item_id>/reacties/", views.add_comment, name="add_comment"),
    path(
        "<slug:slug>/kennis/<int:item_id>/reacties/<int:comment_id>/bewerken/",
        views.edit_comment,
        name="edit_comment",
    ),
    path(
        "<slug:slug>/kennis/<int:item_id>/reacties/<int:comment_id>/verwijderen/",
        views.remove_comment,
        name="remove_comment",
    ),
]
