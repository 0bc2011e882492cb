from __future__ import annotations

from django.urls import path

from weerbaar.trends import views

app_name = "trends"

urlpatterns = [
    path("<slug:slug>/trends/", views.dashboard, name="dashboard"),
    path("<slug:slug>/trends/bronnen/", views.sources, name="sources"),
    path("<slug:slug>/trends/bronnen/export/", views.export_sources, name="export_sources"),
    path("<slug:slug>/trends/bronnen/nieuw/", views.create_source, name="create_source"),
    path("<slug:slug>/trends/bronnen/<int:source_id>/", views.edit_source, name="edit_source"),
    path(
        "<slug:slug>/trends/bronnen/<int:source_id>/status/",
        views.source_status,
        name="source_status",
    ),
    path(
        "<slug:slug>/trends/bronnen/<int:source_id>/importeren/",
        views.import_figures,
        name="import",
    ),
    path("<slug:slug>/trends/instellingen/", views.trend_settings, name="settings"),
    path("<slug:slug>/trends/opkomende-termen/", views.emerging_terms, name="terms"),
    path("<slug:slug>/trends/trefwoordlijsten/", views.watch_lists, name="watch_lists"),
    path(
        "<slug:slug>/trends/trefwoordlijsten/nieuw/",
        views.edit_watch_list,
        name="create_watch_list",
    ),
    path(
        "<slug:slug>/trends/trefwoordlijsten/<int:list_id>/",
        views.edit_watch_list,
        name="edit_watch_list",
    ),
    path("<slug:slug>/trends/waarschuwingen/", views.alerts, name="alerts"),
    path("<slug:slug>/trends/waarschuwingen/<int:alert_id>/", views.alert, name="alert"),
    path("<slug:slug>/trends/regels/", views.alert_rules, name="alert_rules"),
    path("<slug:slug>/trends/regels/nieuw/", views.edit_alert_rule, name="create_alert_rule"),
    path("<slug:slug>/trends/regels/<int:rule_id>/", views.edit_alert_rule, name="edit_alert_rule"),
    path("<slug:slug>/trends/rapporten/", views.reports, name="reports"),
    path("<slug:slug>/trends/rapporten/nieuw/", views.create_report, name="create_report"),
    path("<slug:slug>/trends/rapporten/<int:report_id>/", views.report, name="report"),
    path("<slug:slug>/trends/rapporten/<int:report_id>/pdf/", views.report_pdf, name="report_pdf"),
]
