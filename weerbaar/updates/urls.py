from __future__ import annotations

from django.urls import path

from weerbaar.updates import views

app_name = "updates"

urlpatterns = [
    path("<slug:slug>/weekoverzicht/", views.digest, name="digest"),
]
