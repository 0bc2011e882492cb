from __future__ import annotations

from django.urls import path

from weerbaar.signals import views

app_name = "signals"

urlpatterns = [
    path("<slug:slug>/signalen/", views.home, name="home"),
    path("<slug:slug>/signalen/nieuw/", views.report, name="report"),
    path("<slug:slug>/signalen/nieuw/voorbeeld/", views.preview, name="preview"),
    path("<slug:slug>/signalen/mijn/<int:signal_id>/", views.my_signal, name="my_signal"),
    path("<slug:slug>/signalen/triage/", views.queue, name="queue"),
    path("<slug:slug>/signalen/importeren/", views.import_signals, name="import"),
    path("<slug:slug>/signalen/themamodel/", views.model_card, name="model_card"),
    path("<slug:slug>/signalen/themamodel/trainen/", views.train_model, name="train_model"),
    path("<slug:slug>/signalen/clusters/<int:cluster_id>/", views.cluster, name="cluster"),
    path("<slug:slug>/signalen/<int:signal_id>/", views.signal, name="signal"),
    path("<slug:slug>/signalen/<int:signal_id>/status/", views.change_status, name="status"),
    path("<slug:slug>/signalen/<int:signal_id>/toewijzen/", views.assign, name="assign"),
    path("<slug:slug>/signalen/<int:signal_id>/themas/", views.themes, name="themes"),
    path("<slug:slug>/signalen/<int:signal_id>/notitie/", views.note, name="note"),
    path("<slug:slug>/signalen/<int:signal_id>/vervolg/", views.follow_up, name="follow_up"),
    path("<slug:slug>/signalen/<int:signal_id>/vergelijkbaar/", views.similar, name="similar"),
]
