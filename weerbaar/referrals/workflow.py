"""The referral workflow: which side may move a referral from which status to which.

The receiving partner accepts, declines (with a reason) or asks for information; the referrer
answers a question, refers a declined case to another offer, closes it or withdraws it. One
action changes the status (``actions.do_change_referral_status``) under ``select_for_update``
and appends a ``ReferralEvent``.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext as _

from weerbaar.referrals.choices import ReferralStatus as S


class Side(StrEnum):
    REFERRER = "referrer"
    RECEIVER = "receiver"


class TransitionError(Exception):
    """A change the workflow does not allow; the message is shown to the person."""


TRANSITIONS: dict[tuple[str, str], frozenset[Side]] = {
    (S.SENT, S.ACCEPTED): frozenset({Side.RECEIVER}),
    (S.SENT, S.DECLINED): frozenset({Side.RECEIVER}),
    (S.SENT, S.INFO_REQUESTED): frozenset({Side.RECEIVER}),
    (S.SENT, S.WITHDRAWN): frozenset({Side.REFERRER}),
    (S.INFO_REQUESTED, S.SENT): frozenset({Side.REFERRER}),
    (S.INFO_REQUESTED, S.ACCEPTED): frozenset({Side.RECEIVER}),
    (S.INFO_REQUESTED, S.DECLINED): frozenset({Side.RECEIVER}),
    (S.INFO_REQUESTED, S.WITHDRAWN): frozenset({Side.REFERRER}),
    (S.ACCEPTED, S.CLOSED): frozenset({Side.RECEIVER, Side.REFERRER}),
    # Referred again, to another offer the referrer chose.
    (S.DECLINED, S.SENT): frozenset({Side.REFERRER}),
    (S.DECLINED, S.CLOSED): frozenset({Side.REFERRER}),
}


def allowed_targets(current: str, sides: set[Side]) -> list[str]:
    return [to for (frm, to), who in TRANSITIONS.items() if frm == current and who & sides]


def check_transition(
    current: str, target: str, sides: set[Side], message: str, decline_reason: str = ""
) -> None:
    """Raise ``TransitionError`` unless one of ``sides`` may move ``current`` to ``target``."""
    who = TRANSITIONS.get((current, target))
    if who is None:
        raise TransitionError(
            _("This referral is already “%(status)s”; that step is no longer possible.")
            % {"status": S(current).label}
        )
    if not who & sides:
        raise TransitionError(_("The other organisation takes this step, not you."))
    if target == S.DECLINED and not decline_reason:
        raise TransitionError(_("Choose why you decline, so the referrer can choose well."))
    if target == S.INFO_REQUESTED and not message.strip():
        raise TransitionError(_("Write down what you want to know."))
    if current == S.INFO_REQUESTED and target == S.SENT and not message.strip():
        raise TransitionError(_("Write down the answer to the question."))
