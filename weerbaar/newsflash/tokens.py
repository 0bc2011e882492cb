"""The unsubscribe link: signed, so it works without logging in and cannot be made up."""

from __future__ import annotations

from django.core import signing

SALT = "weerbaar.newsflash.unsubscribe"


def make_unsubscribe_token(coalition_id: int, user_id: int) -> str:
    """A token naming one person's subscription to one coalition's newsflash. It does not
    expire: an old newsflash must still let its reader leave."""
    return signing.dumps([coalition_id, user_id], salt=SALT, compress=False)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(coalition id, user id), or None when the token was not made by us."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return None
    return value[0], value[1]
