from __future__ import annotations

from django.urls import path

from weerbaar.interventions import views

app_name = "interventions"

_ONE = "<slug:slug>/interventies/<int:intervention_id>/"
_EXPERIMENT = _ONE + "experimenten/<int:experiment_id>/"

urlpatterns = [
    path("<slug:slug>/interventies/", views.interventions, name="interventions"),
    path("<slug:slug>/interventies/nieuw/", views.create_intervention, name="create"),
    path(_ONE, views.intervention, name="intervention"),
    path(_ONE + "bewerken/", views.edit_intervention, name="edit"),
    path(_ONE + "experimenten/nieuw/", views.add_experiment, name="add_experiment"),
    path(_EXPERIMENT, views.experiment, name="experiment"),
    path(_EXPERIMENT + "bewerken/", views.edit_experiment, name="edit_experiment"),
    path(_EXPERIMENT + "afronden/", views.finish_experiment, name="finish_experiment"),
]
