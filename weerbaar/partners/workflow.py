"""The life of a join request: which status may follow which, and the one check for it.

A question to the applicant is recorded in the history but does not change the status: the
request stays pending until the coordinator approves or rejects it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from weerbaar.partners.choices import JoinRequestStatus

TRANSITIONS: dict[JoinRequestStatus, frozenset[JoinRequestStatus]] = {
    JoinRequestStatus.PENDING: frozenset({JoinRequestStatus.APPROVED, JoinRequestStatus.REJECTED}),
    JoinRequestStatus.APPROVED: frozenset(),
    JoinRequestStatus.REJECTED: frozenset(),
}


class TransitionError(Exception):
    """The request cannot move to that status; the message is shown to the coordinator."""


def can_transition(current: JoinRequestStatus, target: JoinRequestStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: JoinRequestStatus, target: JoinRequestStatus) -> None:
    if not can_transition(current, target):
        raise TransitionError(
            _("This join request has already been handled (%(status)s); nothing was changed.")
            % {"status": current.label.lower()}
        )


def check_pending(current: JoinRequestStatus) -> None:
    """Questions are only for requests that are still open."""
    if current != JoinRequestStatus.PENDING:
        raise TransitionError(
            _("This join request has already been handled (%(status)s); nothing was changed.")
            % {"status": current.label.lower()}
        )
