"""The life of a signal: which status may follow which, and the one check for it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from weerbaar.signals.choices import SignalStatus as S

TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.IN_TRIAGE, S.DUPLICATE}),
    S.IN_TRIAGE: frozenset({S.NEEDS_INFORMATION, S.ACTIONED, S.REFERRED, S.DUPLICATE}),
    S.NEEDS_INFORMATION: frozenset({S.IN_TRIAGE, S.ACTIONED, S.REFERRED, S.DUPLICATE, S.CLOSED}),
    S.ACTIONED: frozenset({S.CLOSED}),
    S.REFERRED: frozenset({S.CLOSED}),
    S.DUPLICATE: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


class TransitionError(Exception):
    """The signal cannot move to that status; the message is shown to the analyst."""


def next_statuses(current: S) -> list[S]:
    return [status for status in S if status in TRANSITIONS[current]]


def check_transition(current: S, target: S, *, expected: S | None = None) -> None:
    """Raise unless ``target`` may follow ``current``. ``expected`` is the status the analyst
    saw: if someone else changed it meanwhile, nothing is changed."""
    if expected is not None and expected != current:
        raise TransitionError(
            _(
                "Someone else changed this signal to “%(status)s” while you were looking at it; "
                "nothing was changed. Check the history and try again."
            )
            % {"status": current.label}
        )
    if target not in TRANSITIONS[current]:
        raise TransitionError(
            _("A signal that is “%(current)s” cannot become “%(target)s”; nothing was changed.")
            % {"current": current.label, "target": target.label}
        )
