from __future__ import annotations

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from weerbaar.accounts.models import User


class WeerbaarOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # library is untyped
    """Matches the identity provider's verified e-mail address to an existing account.

    New accounts are only created when ``OIDC_CREATE_USER`` is on; coalition roles always come
    from invitations, never from the identity provider.
    """

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = claims.get("email")
        if not email or claims.get("email_verified") is False:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> User:
        return User.objects.create_user(
            claims["email"], None, full_name=claims.get("name", "")[:150]
        )
