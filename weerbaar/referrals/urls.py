from __future__ import annotations

from django.urls import path

from weerbaar.referrals import views

app_name = "referrals"

urlpatterns = [
    path("<slug:slug>/hulp/", views.finder, name="finder"),
    path("<slug:slug>/hulp/aanbod/<int:offer_id>/", views.offer, name="offer"),
    path("<slug:slug>/hulp/open-referral.json", views.hsds_export, name="hsds_export"),
    path("<slug:slug>/doorverwijzen/", views.referrals, name="referrals"),
    path("<slug:slug>/doorverwijzen/naar/<int:offer_id>/", views.refer, name="refer"),
    path("<slug:slug>/doorverwijzen/<int:referral_id>/", views.referral, name="referral"),
    path("<slug:slug>/doorverwijzen/link/<str:token>/", views.answer_link, name="answer_link"),
    path("<slug:slug>/beheer/hulpaanbod/", views.manage_offers, name="manage_offers"),
    path("<slug:slug>/beheer/hulpaanbod/nieuw/", views.create_offer, name="create_offer"),
    path("<slug:slug>/beheer/hulpaanbod/<int:offer_id>/", views.edit_offer, name="edit_offer"),
    path(
        "<slug:slug>/beheer/hulpaanbod/<int:offer_id>/bevestigen/",
        views.confirm_offer,
        name="confirm_offer",
    ),
    path("<slug:slug>/beheer/hulpaanbod/import/", views.import_offers, name="import_offers"),
    path("<slug:slug>/beheer/crisislijnen/", views.crisis_lines, name="crisis_lines"),
    path(
        "<slug:slug>/beheer/crisislijnen/<int:line_id>/",
        views.edit_crisis_line,
        name="edit_crisis_line",
    ),
    path("<slug:slug>/beheer/doorverwijzingen/", views.overview, name="overview"),
]
