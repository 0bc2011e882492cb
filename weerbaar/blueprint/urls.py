from __future__ import annotations

from django.urls import path

from weerbaar.blueprint import views

app_name = "blueprint"

urlpatterns = [
    path("blauwdruk/", views.start, name="start"),
    path("blauwdruk/hervatten/<str:token>/", views.resume, name="resume"),
    path("blauwdruk/stap/<slug:step>/", views.step, name="step"),
    path("blauwdruk/plan/", views.plan, name="plan"),
    path("blauwdruk/plan/download/<str:fmt>/", views.plan_download, name="plan_download"),
    path("blauwdruk/aanvragen/", views.submit, name="submit"),
    path("platform/blauwdrukken/", views.requests, name="requests"),
    path("platform/blauwdrukken/<int:request_id>/", views.review, name="review"),
    path("platform/blauwdrukken/<int:request_id>/goedkeuren/", views.approve, name="approve"),
    path("platform/blauwdrukken/<int:request_id>/koppelen/", views.attach, name="attach"),
    path("platform/blauwdrukken/<int:request_id>/afwijzen/", views.reject, name="reject"),
    path("<slug:slug>/beheer/plan/", views.checklist, name="checklist"),
    path("<slug:slug>/beheer/plan/taken/nieuw/", views.add_task, name="add_task"),
    path("<slug:slug>/beheer/plan/taken/<int:task_id>/", views.edit_task, name="edit_task"),
    path(
        "<slug:slug>/beheer/plan/taken/<int:task_id>/klaar/",
        views.complete_task,
        name="complete_task",
    ),
    path("<slug:slug>/beheer/plan/export/<str:fmt>/", views.plan_export, name="plan_export"),
    path("<slug:slug>/beheer/volwassenheid/", views.maturity, name="maturity"),
    path(
        "<slug:slug>/beheer/volwassenheid/<int:year>/export/<str:fmt>/",
        views.maturity_export,
        name="maturity_export",
    ),
    path(
        "<slug:slug>/beheer/volwassenheid/<int:year>/",
        views.maturity_scan,
        name="maturity_scan",
    ),
    path(
        "<slug:slug>/beheer/plan/organisaties/",
        views.invite_organisations,
        name="invite_organisations",
    ),
]
