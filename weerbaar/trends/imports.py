"""Reading an upload of aggregated figures (CSV or JSON), row by row, before anything is saved.

Columns: ``week`` (the Monday as 2026-03-02, or an ISO week as 2026-W10), ``theme`` (a theme
key), ``count`` (a whole number), and optionally ``platform``, ``area`` and ``age_group``.
Every row is checked on its own; the preview shows the good rows and, per bad row, what is
wrong. Nothing is stored until the analyst commits the preview.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.coalitions.choices import Theme
from weerbaar.trends.periods import week_start

REQUIRED = ("week", "theme", "count")
OPTIONAL = ("platform", "area", "age_group")
MAX_ROWS = 5000
MAX_COUNT = 10_000_000


@dataclass(frozen=True)
class FigureRow:
    week_start: str  # ISO date of the Monday, so a preview fits in the session as JSON
    theme: str
    platform: str
    area: str
    age_group: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ImportPreview:
    rows: list[FigureRow]
    errors: list[RowError]

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong format, missing columns, too many rows)."""


def _parse_week(value: str, today: datetime.date) -> datetime.date:
    value = value.strip()
    try:
        if "W" in value.upper():
            year, week = value.upper().split("-W")
            day = datetime.date.fromisocalendar(int(year), int(week), 1)
        else:
            day = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(
            _("“%(value)s” is not a date (2026-03-02) or a week (2026-W10).") % {"value": value}
        ) from error
    if day.year < 2000 or day > today:
        raise ValueError(_("The week %(value)s is impossible or in the future.") % {"value": value})
    return week_start(day)


def _check_row(raw: dict[str, Any], today: datetime.date, areas: set[str]) -> FigureRow:
    def text(name: str) -> str:
        value = raw.get(name)
        return "" if value is None else str(value).strip()

    monday = _parse_week(text("week"), today)
    theme = text("theme")
    if theme not in Theme.values:
        raise ValueError(_("“%(value)s” is not a known theme.") % {"value": theme[:50]})
    try:
        count = int(text("count"))
    except ValueError as error:
        raise ValueError(_("The count must be a whole number.")) from error
    if not 0 <= count <= MAX_COUNT:
        raise ValueError(_("The count must be between 0 and %(max)d.") % {"max": MAX_COUNT})
    area = text("area")
    if area and area not in areas:
        raise ValueError(_("“%(value)s” is not an area of this coalition.") % {"value": area[:50]})
    platform, age_group = text("platform")[:30], text("age_group")[:30]
    return FigureRow(monday.isoformat(), theme, platform, area, age_group, count)


def read_figures(
    content: bytes, file_name: str, *, areas: set[str], today: datetime.date
) -> ImportPreview:
    """Check every row of an uploaded file; raise ImportFileError when it cannot be read."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The file is not UTF-8 text.")) from error
    records: list[dict[str, Any]]
    if file_name.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFileError(_("The file is not valid JSON.")) from error
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ImportFileError(_("The JSON must be a list of objects, one per row."))
        records = data
        columns = set().union(*(r.keys() for r in records)) if records else set()
        first_line = 1
    else:
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        columns = {c.strip() for c in reader.fieldnames or []}
        records = [{(k or "").strip(): v for k, v in row.items()} for row in reader]
        first_line = 2
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError(
            _("Columns missing: %(columns)s. Needed: week, theme, count.")
            % {"columns": ", ".join(missing)}
        )
    unknown = sorted(str(c) for c in columns - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)[:200]}
        )
    if len(records) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
    preview = ImportPreview([], [])
    for index, record in enumerate(records):
        try:
            preview.rows.append(_check_row(record, today, areas))
        except ValueError as error:
            preview.errors.append(RowError(first_line + index, str(error)))
    return preview
