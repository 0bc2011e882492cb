"""The "new since your last visit" block of the member home."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from weerbaar.updates.actions import FIRST_LOOK_BACK, do_record_visit, is_subscribed
from weerbaar.updates.registry import collect_updates


def get_home_updates(request: HttpRequest) -> dict[str, Any]:
    """Context for ``updates/_new_since.html``.

    "Your last visit" is the last time the home was opened before this session began: it
    stays put while the member clicks around, so the list does not empty on a reload.
    """
    coalition = request.coalition  # type: ignore[attr-defined]
    user = request.user
    now = timezone.now()
    previous = do_record_visit(user, coalition, now=now)  # type: ignore[arg-type]
    key = f"updates_since_{coalition.pk}"
    stored = request.session.get(key)
    if stored:
        since = datetime.datetime.fromisoformat(stored)
    else:
        since = previous or now - FIRST_LOOK_BACK
        request.session[key] = since.isoformat()
    return {
        "updates_since": since,
        "update_groups": collect_updates(coalition, user, since),  # type: ignore[arg-type]
        "first_visit": previous is None and not stored,
        "digest_subscribed": is_subscribed(user, coalition),  # type: ignore[arg-type]
    }
