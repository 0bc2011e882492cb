"""The newsflash mail: a text part and an HTML part from the same context."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.newsflash.models import Newsflash
from weerbaar.newsflash.tokens import make_unsubscribe_token


def get_unsubscribe_url(newsflash: Newsflash, user_id: int) -> str:
    token = make_unsubscribe_token(newsflash.coalition_id, user_id)
    return str(settings.SITE_URL) + reverse(
        "newsflash:unsubscribe", kwargs={"slug": newsflash.coalition.slug, "token": token}
    )


def get_mail_context(newsflash: Newsflash, unsubscribe_url: str) -> dict[str, Any]:
    site = str(settings.SITE_URL)
    return {
        "newsflash": newsflash,
        "coalition": newsflash.coalition,
        "entries": list(newsflash.entries.all()),
        "site_url": site,
        "web_url": site + newsflash.get_absolute_url(),
        "unsubscribe_url": unsubscribe_url,
    }


def render_mail(newsflash: Newsflash, unsubscribe_url: str) -> tuple[str, str, str]:
    """(subject, text, html) in Dutch: recipients chose no language for mail."""
    with translation.override(settings.LANGUAGE_CODE):
        context = get_mail_context(newsflash, unsubscribe_url)
        subject = f"{newsflash.coalition.name}: {newsflash.get_heading()}"
        text = render_to_string("newsflash/mail/newsflash.txt", context)
        html = render_to_string("newsflash/mail/newsflash.html", context)
    return subject, text, html


def notify_newsflash(newsflash: Newsflash, email: str, user_id: int) -> None:
    """Send one issue to one person, with a personal unsubscribe link (also as the
    List-Unsubscribe header, one click, RFC 8058)."""
    unsubscribe_url = get_unsubscribe_url(newsflash, user_id)
    subject, text, html = render_mail(newsflash, unsubscribe_url)
    message = EmailMultiAlternatives(
        subject,
        text,
        None,
        [email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
