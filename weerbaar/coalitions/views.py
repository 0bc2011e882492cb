from __future__ import annotations

from typing import cast

from django.conf import settings as django_settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.actions import do_create_coalition, do_update_coalition
from weerbaar.coalitions.forms import CoalitionForm, NewCoalitionForm
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.navigation import get_hub_links
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.lib.page_cache import cache_for_visitors
from weerbaar.partners.directory import group_by_domain
from weerbaar.partners.models import JoinRequest, Partner
from weerbaar.updates.home import get_home_updates


@requires(Permission.VIEW_PUBLIC_PAGES)
@cache_for_visitors
def platform_home(request: HttpRequest) -> HttpResponse:
    coalitions = Coalition.objects.listed().only("slug", "name", "region", "ambition")
    return render(request, "coalitions/platform_home.html", {"coalitions": coalitions})


@requires(Permission.VIEW_PUBLIC_PAGES)
@cache_for_visitors
def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    return render(
        request,
        "coalitions/public_page.html",
        {
            "coalition": coalition,
            "principles": list(coalition.principles.all()),
            "partners_by_domain": group_by_domain(
                for_coalition(Partner.objects.public(), coalition)
            ),
        },
    )


@requires(Permission.VIEW_MEMBER_HOME)
def member_home(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership: Membership = request.membership  # type: ignore[attr-defined]
    context = {
        "coalition": coalition,
        "membership": membership,
        "member_count": for_coalition(Membership.objects.all(), coalition).count(),
        "areas": list(coalition.areas.all()),
        "partner_count": for_coalition(Partner.objects.all(), coalition).count(),
        **get_home_updates(request),
    }
    if membership.role == Role.COORDINATOR:
        context["pending_invitations"] = for_coalition(
            Invitation.objects.pending(), coalition
        ).count()
        context["pending_join_requests"] = for_coalition(
            JoinRequest.objects.pending(), coalition
        ).count()
    return render(request, "coalitions/member_home.html", context)


@requires(Permission.VIEW_MEMBER_HOME)
def hub(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Our coalition": one page with everything about the coalition itself."""
    return render(
        request,
        "coalitions/hub.html",
        {"coalition": request.coalition, "links": get_hub_links(request)},  # type: ignore[attr-defined]
    )


@requires(Permission.EDIT_COALITION)
def settings(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = CoalitionForm(request.POST or None, instance=coalition)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        do_update_coalition(
            cast(User, request.user),
            Coalition.objects.get(pk=coalition.pk),
            request=request,
            **data,
        )
        messages.success(request, _("The coalition's settings have been saved."))
        return redirect("coalitions:settings", slug=slug)
    return render(request, "coalitions/settings.html", {"form": form})


@requires(Permission.MANAGE_COALITIONS)
def platform_admin(request: HttpRequest) -> HttpResponse:
    coalitions = Coalition.objects.all()
    return render(request, "coalitions/platform_admin.html", {"coalitions": coalitions})


@requires(Permission.MANAGE_COALITIONS)
def create_coalition(request: HttpRequest) -> HttpResponse:
    form = NewCoalitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        coalition = do_create_coalition(
            cast(User, request.user), request=request, **form.cleaned_data
        )
        messages.success(
            request,
            _("%(name)s has been created and its coordinator has been invited.")
            % {"name": coalition.name},
        )
        return redirect("coalitions:platform_admin")
    return render(request, "coalitions/create_coalition.html", {"form": form})


def get_page_language() -> str:
    """Long prose pages are written per language rather than sentence by sentence."""
    return "en" if get_language() == "en" else "nl"


@requires(Permission.VIEW_PUBLIC_PAGES)
@cache_for_visitors
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, f"pages/accessibility.{get_page_language()}.html")


@requires(Permission.VIEW_PUBLIC_PAGES)
@cache_for_visitors
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, f"pages/help.{get_page_language()}.html")


@requires(Permission.VIEW_PUBLIC_PAGES)
def switch_language(request: HttpRequest, language: str) -> HttpResponse:
    """Remember the chosen language in a cookie and go back to the page the visitor was on.

    A plain link rather than Django's POST form: public pages then carry no CSRF token and can
    be cached, and a preference cookie is no state worth forging a request for.
    """
    if language not in dict(django_settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        django_settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=60 * 60 * 24 * 365,
        secure=django_settings.LANGUAGE_COOKIE_SECURE,
        samesite="Lax",
        httponly=True,
    )
    return response
