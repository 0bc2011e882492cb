"""The personal links in registration mail: signed, so they need no stored secret.

The confirmation link (double opt-in) expires after ``EVENT_CONFIRMATION_HOURS``; the link to
cancel stays valid as long as the registration exists, because it is the visitor's only way in.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "weerbaar.events.confirm"
CANCEL_SALT = "weerbaar.events.cancel"


class ExpiredLink(Exception):
    pass


class InvalidLink(Exception):
    pass


def make_confirmation_token(registration_id: int) -> str:
    return signing.dumps(registration_id, salt=CONFIRM_SALT)


def read_confirmation_token(token: str) -> int:
    """The registration id in ``token``; raises ``ExpiredLink`` or ``InvalidLink``."""
    try:
        value = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.EVENT_CONFIRMATION_HOURS * 3600
        )
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    if not isinstance(value, int):
        raise InvalidLink
    return value


def make_cancel_token(registration_id: int) -> str:
    return signing.Signer(salt=CANCEL_SALT).sign(str(registration_id))


def read_cancel_token(token: str) -> int:
    try:
        value = signing.Signer(salt=CANCEL_SALT).unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None
    if not value.isdigit():
        raise InvalidLink
    return int(value)
