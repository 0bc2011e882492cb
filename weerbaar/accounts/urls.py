from __future__ import annotations

from django.urls import path

from weerbaar.accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.home, name="home"),
    path("account/inloggen/", views.login, name="login"),
    path("account/uitloggen/", views.logout, name="logout"),
    path("account/wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path(
        "account/wachtwoord-vergeten/verstuurd/",
        views.password_reset_sent,
        name="password_reset_sent",
    ),
    path(
        "account/wachtwoord-herstellen/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "account/wachtwoord-herstellen/klaar/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("account/uitnodiging/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("account/tweestapsverificatie/instellen/", views.mfa_setup, name="mfa_setup"),
    path("account/tweestapsverificatie/", views.mfa_verify, name="mfa_verify"),
    path("<slug:slug>/leden/", views.members, name="members"),
    path("<slug:slug>/leden/uitnodigen/", views.invite, name="invite"),
    path("<slug:slug>/leden/<int:membership_id>/", views.change_role, name="change_role"),
    path(
        "<slug:slug>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
]
