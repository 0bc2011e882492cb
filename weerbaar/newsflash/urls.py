from __future__ import annotations

from django.urls import path

from weerbaar.newsflash import views

app_name = "newsflash"

urlpatterns = [
    path("<slug:slug>/nieuwsflits/", views.archive, name="archive"),
    path("<slug:slug>/nieuwsflits/nieuw/", views.compose, name="compose"),
    path("<slug:slug>/nieuwsflits/abonnement/", views.subscription, name="subscription"),
    path("<slug:slug>/nieuwsflits/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/nieuwsflits/<int:number>/", views.issue, name="issue"),
    path("<slug:slug>/nieuwsflits/<int:number>/bewerken/", views.compose, name="edit"),
    path("<slug:slug>/nieuwsflits/<int:number>/voorbeeld/", views.preview, name="preview"),
    path("<slug:slug>/nieuwsflits/<int:number>/versturen/", views.send, name="send"),
    path("<slug:slug>/nieuwsflits/<int:number>/verzending/", views.deliveries, name="deliveries"),
]
