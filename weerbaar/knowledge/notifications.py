"""Mail about reactions, in Dutch like the other mail of the platform."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.knowledge.models import Comment


def _recipients(comment: Comment) -> list[tuple[User, str]]:
    """Who hears of ``comment``, with the coalition (slug) whose link they get: the item's
    author, and for a reply the author of the reaction; never the writer themself."""
    found: list[tuple[User, str]] = []
    item = comment.item
    if item.created_by is not None:
        found.append((item.created_by, item.coalition.slug))
    if comment.parent is not None and comment.parent.author is not None:
        found.append((comment.parent.author, comment.parent.coalition.slug))
    seen: set[int] = set()
    result = []
    for user, slug in found:
        if user.pk == comment.author_id or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        result.append((user, slug))
    return result


def notify_of_comment(comment: Comment) -> None:
    for user, slug in _recipients(comment):
        url = (
            str(settings.SITE_URL)
            + reverse("knowledge:item", args=[slug, comment.item_id])
            + f"#reactie-{comment.pk}"
        )
        context = {"comment": comment, "item": comment.item, "url": url, "recipient": user}
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("knowledge/mail/comment_subject.txt", context).strip()
            body = render_to_string("knowledge/mail/comment.txt", context)
        EmailMessage(subject, body, to=[user.email]).send()
