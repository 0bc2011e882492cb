from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from weerbaar.accounts.access import requires
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Permission, role_may
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.newsflash.actions import (
    NewsflashError,
    do_create_newsflash,
    do_retry_failed_deliveries,
    do_send_newsflash,
    do_set_subscription,
    do_update_newsflash,
    is_subscribed,
)
from weerbaar.newsflash.choices import DeliveryStatus
from weerbaar.newsflash.forms import NewsflashForm, source_field_name
from weerbaar.newsflash.models import Newsflash
from weerbaar.newsflash.notifications import get_mail_context, get_unsubscribe_url, render_mail
from weerbaar.newsflash.recipients import get_recipients
from weerbaar.newsflash.tokens import read_unsubscribe_token


def _may_manage(request: HttpRequest) -> bool:
    membership: Membership | None = request.membership  # type: ignore[attr-defined]
    return membership is not None and role_may(Role(membership.role), Permission.MANAGE_NEWSFLASHES)


def _issue(request: HttpRequest, number: int, *, drafts: bool) -> Newsflash:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    rows = for_coalition(Newsflash.objects.all(), coalition)
    if not drafts:
        rows = rows.published()
    return get_object_or_404(rows.select_related("coalition"), number=number)


@requires(Permission.VIEW_NEWSFLASHES)
def archive(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    may_manage = _may_manage(request)
    rows = for_coalition(Newsflash.objects.all(), coalition)
    return render(
        request,
        "newsflash/archive.html",
        {
            "issues": rows.published(),
            "drafts": rows.filter(status="draft") if may_manage else [],
            "may_manage": may_manage,
            "subscribed": is_subscribed(coalition, cast(User, request.user)),
        },
    )


@requires(Permission.VIEW_NEWSFLASHES)
def issue(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """An issue as the web archive shows it; drafts only to those who may send them."""
    found = _issue(request, number, drafts=_may_manage(request))
    return render(
        request,
        "newsflash/issue.html",
        {"newsflash": found, "entries": found.entries.all(), "may_manage": _may_manage(request)},
    )


def _initial(found: Newsflash) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "title": found.title,
        "intro": found.intro,
        "roles": found.roles,
        "domains": found.domains,
    }
    for entry in found.entries.all():
        initial.setdefault(source_field_name(entry.source), []).append(
            f"{entry.source}:{entry.object_id}"
        )
    return initial


@requires(Permission.MANAGE_NEWSFLASHES)
def compose(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = _issue(request, number, drafts=True) if number is not None else None
    if found is not None and not found.is_draft():
        messages.info(request, _("This newsflash has been sent and can no longer be changed."))
        return redirect("newsflash:issue", slug=slug, number=found.number)
    form = NewsflashForm(
        request.POST or None,
        coalition=coalition,
        today=timezone.localdate(),
        initial=_initial(found) if found is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            "title": form.cleaned_data["title"],
            "intro": form.cleaned_data["intro"],
            "roles": form.cleaned_data["roles"],
            "domains": form.cleaned_data["domains"],
            "entries": form.get_entries(),
        }
        user = cast(User, request.user)
        try:
            if found is None:
                saved = do_create_newsflash(user, coalition, request=request, **fields)
            else:
                saved = do_update_newsflash(user, found, request=request, **fields)
        except NewsflashError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The draft has been saved. Check the preview."))
            return redirect("newsflash:preview", slug=slug, number=saved.number)
    return render(request, "newsflash/compose.html", {"form": form, "newsflash": found})


@requires(Permission.MANAGE_NEWSFLASHES)
def preview(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The issue on the web and as mail (HTML and text), with the number of recipients."""
    found = _issue(request, number, drafts=True)
    user = cast(User, request.user)
    unsubscribe_url = get_unsubscribe_url(found, user.pk)
    subject, text, _html = render_mail(found, unsubscribe_url)
    return render(
        request,
        "newsflash/preview.html",
        {
            "newsflash": found,
            "entries": found.entries.all(),
            "mail_subject": subject,
            "mail_text": text,
            "mail": get_mail_context(found, unsubscribe_url),
            "recipient_count": len(get_recipients(found)) if found.is_draft() else None,
        },
    )


@requires(Permission.MANAGE_NEWSFLASHES)
@require_POST
def send(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    found = _issue(request, number, drafts=True)
    try:
        count = do_send_newsflash(cast(User, request.user), found, request=request)
    except NewsflashError as error:
        messages.error(request, str(error))
        return redirect("newsflash:preview", slug=slug, number=number)
    messages.success(
        request,
        ngettext(
            "The newsflash is being sent to %(count)d person.",
            "The newsflash is being sent to %(count)d people.",
            count,
        )
        % {"count": count},
    )
    return redirect("newsflash:deliveries", slug=slug, number=number)


@requires(Permission.MANAGE_NEWSFLASHES)
def deliveries(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """How far sending is, which mails failed, and a button to send those again."""
    found = _issue(request, number, drafts=True)
    if found.is_draft():
        return redirect("newsflash:preview", slug=slug, number=number)
    if request.method == "POST":
        try:
            count = do_retry_failed_deliveries(cast(User, request.user), found, request=request)
        except NewsflashError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d mail is being sent again.",
                    "%(count)d mails are being sent again.",
                    count,
                )
                % {"count": count},
            )
        return redirect("newsflash:deliveries", slug=slug, number=number)
    counts = found.deliveries.counts()
    return render(
        request,
        "newsflash/deliveries.html",
        {
            "newsflash": found,
            "counts": [(DeliveryStatus(s).label, n) for s, n in counts.items()],
            "total": sum(counts.values()),
            "failed": found.deliveries.filter(status=DeliveryStatus.FAILED),
        },
    )


@requires(Permission.MANAGE_NEWSFLASH_SUBSCRIPTION)
def subscription(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    user = cast(User, request.user)
    if request.method == "POST":
        wanted = request.POST.get("subscribe") == "yes"
        do_set_subscription(user, coalition, user, wanted, request=request)
        if wanted:
            messages.success(request, _("You will receive the newsflash by e-mail."))
        else:
            messages.success(request, _("You will no longer receive the newsflash by e-mail."))
        return redirect("newsflash:subscription", slug=slug)
    return render(
        request,
        "newsflash/subscription.html",
        {"subscribed": is_subscribed(coalition, user), "email": user.email},
    )


# The signed token is the permission here, and mail programs post to this address for a
# one-click unsubscribe (RFC 8058) without a CSRF token; the POST changes nothing else.
@csrf_exempt
@requires(Permission.VIEW_PUBLIC_PAGES)
def unsubscribe(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    found = read_unsubscribe_token(token)
    user = None
    if found is not None and found[0] == coalition.pk:
        user = User.objects.filter(pk=found[1]).first()
    if user is None:
        response = render(request, "newsflash/unsubscribe.html", {"invalid": True}, status=400)
    elif request.method == "POST":
        do_set_subscription(None, coalition, user, False, request=request)
        response = render(request, "newsflash/unsubscribe.html", {"done": True})
    else:
        response = render(request, "newsflash/unsubscribe.html", {"email": user.email})
    # The page names a person's address: no shared cache may keep it.
    patch_cache_control(response, private=True, no_store=True)
    return response
