from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from weerbaar.accounts.access import requires
from weerbaar.accounts.models import User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.updates.actions import do_set_digest_subscription, is_subscribed
from weerbaar.updates.forms import DigestForm


@requires(Permission.VIEW_MEMBER_HOME)
def digest(request: HttpRequest, slug: str) -> HttpResponse:
    """A member's own choice: the weekly digest of this coalition, or not."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    user = cast(User, request.user)
    form = DigestForm(
        request.POST if request.method == "POST" else None,
        initial={"subscribed": is_subscribed(user, coalition)},
    )
    if request.method == "POST" and form.is_valid():
        subscribed = form.cleaned_data["subscribed"]
        do_set_digest_subscription(user, coalition, subscribed, request=request)
        messages.success(
            request,
            _("You will receive the weekly digest.")
            if subscribed
            else _("You will no longer receive the weekly digest."),
        )
        return redirect("coalitions:member_home", slug=slug)
    return render(request, "updates/digest.html", {"form": form})
