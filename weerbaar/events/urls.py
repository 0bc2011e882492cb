from __future__ import annotations

from django.urls import path

from weerbaar.events import views

app_name = "events"

urlpatterns = [
    path("<slug:slug>/agenda/", views.calendar, name="calendar"),
    path("<slug:slug>/agenda.ics", views.feed, name="feed"),
    path("<slug:slug>/agenda/<int:event_id>/", views.event, name="event"),
    path("<slug:slug>/agenda/<int:event_id>/aanmelden/", views.register, name="register"),
    path("<slug:slug>/agenda/<int:event_id>/afmelden/", views.cancel_own, name="cancel_own"),
    path("<slug:slug>/agenda/<int:event_id>/agenda.ics", views.event_ics, name="ics"),
    path("<slug:slug>/agenda/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("<slug:slug>/agenda/afmelden/<str:token>/", views.cancel_link, name="cancel_link"),
    path("<slug:slug>/beheer/agenda/nieuw/", views.create_event, name="create"),
    path("<slug:slug>/beheer/agenda/<int:event_id>/bewerken/", views.edit_event, name="edit"),
    path(
        "<slug:slug>/beheer/agenda/<int:event_id>/annuleren/",
        views.cancel_event,
        name="cancel_event",
    ),
    path(
        "<slug:slug>/beheer/agenda/<int:event_id>/deelnemers/",
        views.attendees,
        name="attendees",
    ),
    path(
        "<slug:slug>/beheer/agenda/<int:event_id>/deelnemers.csv",
        views.export_attendees,
        name="export",
    ),
    path("<slug:slug>/beheer/agenda/<int:event_id>/verslag/", views.report, name="report"),
]
