"""Every change to signals goes through these functions.

Free text is redacted again here, whatever the caller did: ``redact`` is idempotent, so a
redacted text passes unchanged and raw text can never reach the database.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Area, Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.models import Partner
from weerbaar.signals.analysis import find_similar_signals, suggest_themes
from weerbaar.signals.choices import ClusterLink, SignalStatus, Source
from weerbaar.signals.deadlines import get_deadline
from weerbaar.signals.models import ClassifierModel, Cluster, Signal, SignalDeletion, SignalEvent
from weerbaar.signals.redaction import redact_for
from weerbaar.signals.workflow import TransitionError, check_transition
from weerbaar.text.classify import ThemeModel, seed_examples

if TYPE_CHECKING:
    from weerbaar.accounts.models import User


def _label(actor: User | None) -> str:
    return actor.email if actor is not None else ""


def _event(signal: Signal, actor: User | None, **fields: Any) -> SignalEvent:
    return SignalEvent.objects.create(
        signal=signal, actor=actor, actor_label=_label(actor), **fields
    )


@transaction.atomic
def do_report_signal(
    actor: User | None,
    coalition: Coalition,
    *,
    text: str,
    platforms: list[str],
    space: str,
    age_group: str,
    area: Area | None,
    first_seen: datetime.date | None,
    urgency: str,
    actions_taken: str = "",
    organisation: Partner | None = None,
    source: str = Source.FORM,
    created_at: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> Signal:
    """Store a signal (redacted), suggest its themes and place it in a cluster."""
    if area is not None and area.coalition_id != coalition.pk:
        raise ValueError("The area must belong to the signal's coalition.")
    if organisation is not None and organisation.coalition_id != coalition.pk:
        raise ValueError("The organisation must be a partner of the signal's coalition.")
    created_at = created_at or timezone.now()
    signal = Signal(
        coalition=coalition,
        text=redact_for(coalition, text.strip()),
        platforms=list(platforms),
        space=space,
        age_group=age_group,
        area=area,
        first_seen=first_seen,
        urgency=urgency,
        actions_taken=redact_for(coalition, actions_taken.strip()),
        reporter=actor,
        organisation=organisation,
        source=source,
        created_at=created_at,
        deadline=get_deadline(urgency, timezone.localdate(created_at)),
    )
    signal.suggested_themes = suggest_themes(coalition, signal.text)
    signal.full_clean()
    signal.save()
    _event(signal, actor, to_status=SignalStatus.NEW, created_at=created_at)
    _place_in_cluster(signal)
    do_record_audit_entry(
        AuditAction.SIGNAL_REPORTED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=signal,
        detail={"source": source, "urgency": urgency},
    )
    return signal


def _join(signal: Signal, other: Signal, how: ClusterLink) -> None:
    """Put ``signal`` in ``other``'s cluster. When only ``signal`` has one, ``other`` joins
    it; when both have one, the two clusters merge, so no signal is ever left behind."""
    if other.cluster_id is None:
        other.cluster_id = (
            signal.cluster_id or Cluster.objects.create(coalition_id=signal.coalition_id).pk
        )
        other.cluster_link = how
        other.save(update_fields=["cluster", "cluster_link", "updated_at"])
    previous = signal.cluster_id
    if previous is not None and previous != other.cluster_id:
        Signal.objects.filter(cluster_id=previous).update(cluster_id=other.cluster_id)
        Cluster.objects.filter(pk=previous).delete()
    signal.cluster_id = other.cluster_id
    signal.cluster_link = how
    signal.similar_to = None
    signal.similarity = None


def _place_in_cluster(signal: Signal) -> None:
    """Join every signal above the high threshold (they are all the same incident, so their
    clusters merge); otherwise ask the analyst about the best one above the low threshold."""
    matches = find_similar_signals(signal)
    if not matches:
        return
    automatic = [match for match in matches if match.is_automatic()]
    if automatic:
        for match in automatic:
            other = Signal.objects.select_for_update().get(pk=match.signal_id)
            if other.cluster_id is None or other.cluster_id != signal.cluster_id:
                _join(signal, other, ClusterLink.AUTOMATIC)
        signal.similarity = automatic[0].similarity
    else:
        signal.similar_to_id = matches[0].signal_id
        signal.similarity = matches[0].similarity
    signal.save(update_fields=["cluster", "cluster_link", "similar_to", "similarity"])


def _lock(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def _audit_change(
    actor: User, signal: Signal, request: HttpRequest | None, **detail: object
) -> None:
    do_record_audit_entry(
        AuditAction.SIGNAL_UPDATED,
        actor=actor,
        request=request,
        coalition=signal.coalition,
        target=signal,
        detail=dict(detail),
    )


@transaction.atomic
def do_change_signal_status(
    actor: User,
    signal: Signal,
    target: SignalStatus,
    *,
    expected: SignalStatus | None = None,
    note: str = "",
    is_feedback: bool = False,
    request: HttpRequest | None = None,
) -> Signal:
    """Move a signal along the workflow; raises ``TransitionError`` (nothing changed) when the
    move is not allowed or someone else changed the status since ``expected``."""
    locked = _lock(signal)
    current = SignalStatus(locked.status)
    check_transition(current, target, expected=expected)
    locked.status = target
    locked.closed_at = timezone.now() if target == SignalStatus.CLOSED else None
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    _event(
        locked,
        actor,
        from_status=current,
        to_status=target,
        note=redact_for(locked.coalition, note.strip()),
        is_feedback=is_feedback and bool(note.strip()),
    )
    _audit_change(actor, locked, request, status=str(target))
    return locked


@transaction.atomic
def do_add_signal_note(
    actor: User,
    signal: Signal,
    note: str,
    *,
    is_feedback: bool = False,
    request: HttpRequest | None = None,
) -> SignalEvent:
    """A note in the history; with ``is_feedback`` the reporter sees it too."""
    locked = _lock(signal)
    event = _event(
        locked, actor, note=redact_for(locked.coalition, note.strip()), is_feedback=is_feedback
    )
    _audit_change(actor, locked, request, note=True, feedback=is_feedback)
    return event


@transaction.atomic
def do_assign_signal(
    actor: User, signal: Signal, assignee: User | None, *, request: HttpRequest | None = None
) -> Signal:
    locked = _lock(signal)
    locked.assigned_to = assignee
    locked.save(update_fields=["assigned_to", "updated_at"])
    who = assignee.full_name or assignee.email if assignee is not None else "-"
    _event(locked, actor, note=f"→ {who}")
    _audit_change(actor, locked, request, assigned_to=assignee.pk if assignee else None)
    return locked


@transaction.atomic
def do_confirm_themes(
    actor: User, signal: Signal, themes: list[str], *, request: HttpRequest | None = None
) -> Signal:
    """The analyst's themes; they become training labels for the coalition's model."""
    locked = _lock(signal)
    locked.themes = list(themes)
    locked.themes_confirmed_at = timezone.now() if themes else None
    locked.full_clean()
    locked.save(update_fields=["themes", "themes_confirmed_at", "updated_at"])
    _audit_change(actor, locked, request, themes=list(themes))
    return locked


@transaction.atomic
def do_set_follow_up(
    actor: User, signal: Signal, follow_up: str, *, request: HttpRequest | None = None
) -> Signal:
    locked = _lock(signal)
    locked.follow_up = redact_for(locked.coalition, follow_up.strip())[:300]
    locked.save(update_fields=["follow_up", "updated_at"])
    _audit_change(actor, locked, request, follow_up=True)
    return locked


@transaction.atomic
def do_decide_similar(
    actor: User, signal: Signal, *, accept: bool, request: HttpRequest | None = None
) -> Signal:
    """Confirm (join its cluster) or dismiss the suggested similar signal."""
    locked = _lock(signal)
    other = locked.similar_to
    if other is None:
        raise TransitionError("There is no similar signal to decide on.")
    if accept:
        _join(locked, Signal.objects.select_for_update().get(pk=other.pk), ClusterLink.CONFIRMED)
    else:
        locked.similar_to = None
    locked.save(update_fields=["cluster", "cluster_link", "similar_to", "similarity", "updated_at"])
    _audit_change(actor, locked, request, similar_accepted=accept, other=other.pk)
    return locked


def do_record_signal_reads(
    actor: User, coalition: Coalition, signals: Iterable[Signal], *, request: HttpRequest | None
) -> None:
    """Audit that ``actor`` saw these signals' content: one entry per signal (DESIGN §5.4)."""
    for signal in signals:
        do_record_audit_entry(
            AuditAction.SIGNAL_VIEWED,
            actor=actor,
            request=request,
            coalition=coalition,
            target=signal,
        )


def get_training_examples(coalition: Coalition) -> list[tuple[str, str]]:
    """The coalition's confirmed labels: one (text, theme) pair per confirmed theme."""
    rows = (
        for_coalition(Signal.objects.all(), coalition)
        .filter(themes_confirmed_at__isnull=False)
        .values_list("text", "themes")
    )
    return [(text, theme) for text, themes in rows for theme in themes]


@transaction.atomic
def do_train_theme_model(actor: User | None, coalition: Coalition) -> ClassifierModel:
    """Train the coalition's model on the seed set plus its own confirmed labels, evaluate it
    with cross-validation and keep both (the model card shows the evaluation)."""
    seed = seed_examples()
    own = get_training_examples(coalition)
    examples = seed + own
    model = ThemeModel.train(examples)
    evaluation = ThemeModel.evaluate(examples, folds=5)
    labels = list(evaluation.labels)
    sizes: dict[str, dict[str, int]] = {}
    for label, counter in (
        ("seed", Counter(t for _, t in seed)),
        ("own", Counter(t for _, t in own)),
    ):
        for theme, count in counter.items():
            sizes.setdefault(theme, {"seed": 0, "own": 0})[label] = count
    record = ClassifierModel.objects.create(
        coalition=coalition,
        model=model.to_bytes(),
        training_size=sizes,
        seed_examples=len(seed),
        own_examples=len(own),
        evaluation={
            "labels": labels,
            "per_label": {k: list(v) for k, v in evaluation.per_label.items()},
            "macro_f1": evaluation.macro_f1,
            # Rows: the confirmed theme; columns: the predicted one, in the order of labels.
            "confusion": [
                [evaluation.confusion.get(true, {}).get(predicted, 0) for predicted in labels]
                for true in labels
            ],
            "folds": evaluation.folds,
        },
    )
    do_record_audit_entry(
        AuditAction.THEME_MODEL_TRAINED,
        actor=actor,
        coalition=coalition,
        target=record,
        detail={"own_examples": len(own)},
    )
    return record


def do_train_all_theme_models() -> int:
    """Retrain every coalition that has confirmed labels newer than its model."""
    count = 0
    for coalition in Coalition.objects.all():
        current = for_coalition(ClassifierModel.objects.all(), coalition).first()
        labelled = for_coalition(Signal.objects.all(), coalition).filter(
            themes_confirmed_at__isnull=False
        )
        if current is not None:
            labelled = labelled.filter(themes_confirmed_at__gt=current.trained_at)
        if labelled.exists():
            do_train_theme_model(None, coalition)
            count += 1
    return count


def get_retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    months = settings.SIGNAL_RETENTION_MONTHS
    year, month = divmod(now.month - 1 - months, 12)
    day = min(now.day, 28)
    return now.replace(year=now.year + year, month=month + 1, day=day)


@transaction.atomic
def do_delete_expired_signals(now: datetime.datetime | None = None) -> int:
    """Delete closed signals (and their history) past the retention period. The deletion log
    and the audit entry hold ids and dates only, never content."""
    cutoff = get_retention_cutoff(now)
    expired = Signal.objects.select_for_update().filter(
        status=SignalStatus.CLOSED, closed_at__lt=cutoff
    )
    deleted = 0
    per_coalition: Counter[int] = Counter()
    for signal in expired.select_related("coalition"):
        SignalDeletion.objects.create(
            coalition=signal.coalition,
            signal_id=signal.pk,
            reported_on=timezone.localdate(signal.created_at),
            closed_on=timezone.localdate(signal.closed_at) if signal.closed_at else None,
        )
        per_coalition[signal.coalition_id] += 1
        signal.delete()
        deleted += 1
    for coalition in Coalition.objects.filter(pk__in=per_coalition):
        do_record_audit_entry(
            AuditAction.SIGNALS_DELETED,
            actor=None,
            actor_label="retention",
            coalition=coalition,
            detail={
                "count": per_coalition[coalition.pk],
                "closed_before": cutoff.date().isoformat(),
            },
        )
    # Clusters left without signals describe nothing any more.
    Cluster.objects.filter(signals__isnull=True).delete()
    return deleted
