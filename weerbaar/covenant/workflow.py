"""The life of a covenant version: draft → published → superseded, and the checks for signing.

Only one version of a coalition is published at a time; publishing a draft supersedes the
version that was published before it. A signature is only ever given on the published version.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from weerbaar.covenant.choices import CovenantStatus

TRANSITIONS: dict[CovenantStatus, frozenset[CovenantStatus]] = {
    CovenantStatus.DRAFT: frozenset({CovenantStatus.PUBLISHED}),
    CovenantStatus.PUBLISHED: frozenset({CovenantStatus.SUPERSEDED}),
    CovenantStatus.SUPERSEDED: frozenset(),
}


class CovenantError(Exception):
    """The change cannot be made; the message is shown to the person who tried."""


def can_transition(current: CovenantStatus, target: CovenantStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: CovenantStatus, target: CovenantStatus) -> None:
    if not can_transition(current, target):
        raise CovenantError(
            _("This version is %(status)s and can no longer be changed; nothing was changed.")
            % {"status": current.label.lower()}
        )


def check_draft(current: CovenantStatus) -> None:
    """Only drafts may be edited: a published text is what partners signed."""
    if current != CovenantStatus.DRAFT:
        raise CovenantError(
            _("This version is %(status)s and can no longer be changed; nothing was changed.")
            % {"status": current.label.lower()}
        )


def check_signable(current: CovenantStatus) -> None:
    if current != CovenantStatus.PUBLISHED:
        raise CovenantError(
            _(
                "This version of the covenant is no longer the current one. Read the current "
                "version and sign that one."
            )
        )
