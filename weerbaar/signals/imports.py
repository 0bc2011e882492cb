"""CSV import of signals collected elsewhere: every row redacted and checked, all or nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.partners.models import Partner
from weerbaar.signals.actions import do_report_signal
from weerbaar.signals.choices import AgeGroup, Platform, Source, Space, Urgency
from weerbaar.signals.forms import SignalForm

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

MAX_ROWS = 2000
MAX_BYTES = 5_000_000

# Accepted column names (lowercase) for each field; Dutch and English.
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "tekst", "omschrijving", "wat_er_gebeurde", "wat er gebeurde"),
    "platforms": ("platforms", "platform", "platformen"),
    "space": ("space", "ruimte"),
    "age_group": ("age_group", "leeftijd", "leeftijdsgroep"),
    "area": ("area", "wijk", "gebied"),
    "first_seen": ("first_seen", "eerst_gezien", "eerst gezien", "datum"),
    "urgency": ("urgency", "urgentie"),
    "actions_taken": ("actions_taken", "ondernomen", "al gedaan"),
}
REQUIRED = ("text", "platforms", "space", "age_group", "urgency")

# Values accepted per choice field besides the stored keys: the Dutch words people type.
_ALIASES: dict[str, dict[str, str]] = {
    "space": {
        "open": Space.OPEN,
        "openbaar": Space.OPEN,
        "gesloten": Space.CLOSED,
        "besloten": Space.CLOSED,
        "closed": Space.CLOSED,
        "onbekend": Space.UNKNOWN,
    },
    "urgency": {
        "informatie": Urgency.INFORMATION,
        "zorg": Urgency.CONCERN,
        "zorgelijk": Urgency.CONCERN,
        "urgent": Urgency.URGENT,
        "dringend": Urgency.URGENT,
        "acuut": Urgency.ACUTE,
        "acuut gevaar": Urgency.ACUTE,
    },
    "age_group": {
        "onder 12": AgeGroup.UNDER_12,
        "12-15": AgeGroup.AGE_12_15,
        "16-18": AgeGroup.AGE_16_18,
        "18-24": AgeGroup.AGE_18_24,
        "volwassenen": AgeGroup.ADULTS,
        "gemengd": AgeGroup.MIXED,
    },
    "platforms": {
        "gaming": Platform.GAMING,
        "game": Platform.GAMING,
        "twitter": Platform.X,
        "overig": Platform.OTHER,
        "anders": Platform.OTHER,
    },
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why."""


@dataclass
class RowResult:
    number: int  # the line in the file, counting the header as 1
    errors: list[str] = field(default_factory=list)
    signal_id: int | None = None


@dataclass
class ImportReport:
    rows: list[RowResult]
    imported: bool = False

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and self.error_count == 0


def decode(content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB; split it into smaller files."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("The file is not UTF-8 or Windows text; save it as CSV (UTF-8)."))


def read_rows(text: str) -> list[dict[str, str]]:
    """Rows keyed by field name, after finding the delimiter and mapping the columns."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ImportFileError(_("The file is empty."))
    header = lines[0]
    delimiter = max((",", ";", "\t"), key=header.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        names = [name.strip().lower() for name in next(reader)]
    except csv.Error:
        raise ImportFileError(_("The first row cannot be read as CSV.")) from None
    mapping: dict[int, str] = {}
    for index, name in enumerate(names):
        for field_name, aliases in COLUMNS.items():
            if name in aliases and field_name not in mapping.values():
                mapping[index] = field_name
    missing = [name for name in REQUIRED if name not in mapping.values()]
    if missing:
        raise ImportFileError(
            _("Columns missing: %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
    rows = []
    try:
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            rows.append({mapping[i]: v.strip() for i, v in enumerate(values) if i in mapping})
            if len(rows) > MAX_ROWS:
                raise ImportFileError(
                    _("More than %(count)d rows; split the file.") % {"count": MAX_ROWS}
                )
    except csv.Error:
        raise ImportFileError(
            _("Row %(row)d cannot be read as CSV (a quote left open, or a cell far too long).")
            % {"row": reader.line_num}
        ) from None
    if not rows:
        raise ImportFileError(_("The file has a header row but no signals."))
    return rows


def _choice(field_name: str, value: str) -> str:
    value = value.strip().lower()
    return _ALIASES.get(field_name, {}).get(value, value)


def _form_data(row: dict[str, str], coalition: Coalition) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": row.get("text", ""),
        "actions_taken": row.get("actions_taken", ""),
        "first_seen": row.get("first_seen", ""),
        "space": _choice("space", row.get("space", "")),
        "age_group": _choice("age_group", row.get("age_group", "")),
        "urgency": _choice("urgency", row.get("urgency", "")),
        "platforms": [
            _choice("platforms", p)
            for p in row.get("platforms", "").replace("|", ",").split(",")
            if p.strip()
        ],
    }
    area_name = row.get("area", "").strip()
    if area_name:
        area = coalition.areas.filter(name__iexact=area_name).first()
        # An unknown area name is refused by the form: a pk that cannot exist.
        data["area"] = area.pk if area else "0"
    return data


def _messages(form: SignalForm) -> list[str]:
    """Error messages with the field's label, never echoing a value (it may be personal)."""
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.append(f"{label}: {error}" if label else str(error))
    return messages


def check_rows(
    coalition: Coalition, rows: list[dict[str, str]]
) -> tuple[ImportReport, list[dict[str, Any]]]:
    report = ImportReport(rows=[])
    cleaned: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=2):
        form = SignalForm(_form_data(row, coalition), areas=coalition.areas.all())
        result = RowResult(number)
        if form.is_valid():
            cleaned.append(form.cleaned_data)
        else:
            result.errors = _messages(form)
        report.rows.append(result)
    return report, cleaned


def do_import_signals(
    actor: User,
    coalition: Coalition,
    content: bytes,
    *,
    organisation: Partner | None,
    check_only: bool,
    request: HttpRequest | None = None,
) -> ImportReport:
    """Check every row; import all of them in one transaction only when every row is valid.

    Raises ``ImportFileError`` when the file itself cannot be read.
    """
    rows = read_rows(decode(content))
    report, cleaned = check_rows(coalition, rows)
    if check_only or not report.is_valid:
        return report
    with transaction.atomic():
        for result, data in zip(report.rows, cleaned, strict=True):
            signal = do_report_signal(
                actor,
                coalition,
                organisation=organisation,
                source=Source.IMPORT,
                request=request,
                **data,
            )
            result.signal_id = signal.pk
        do_record_audit_entry(
            AuditAction.SIGNALS_IMPORTED,
            actor=actor,
            request=request,
            coalition=coalition,
            detail={"count": len(cleaned)},
        )
    report.imported = True
    return report
