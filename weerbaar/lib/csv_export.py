"""CSV files that open safely in Excel and LibreOffice.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by spreadsheet programs (CSV/formula injection): text a partner typed could then run
when the coordinator opens the export. Such text gets a leading single quote, as OWASP
advises. Numbers we produce ourselves are written as they are. The file is UTF-8 with a byte
order mark, which Excel needs to read accented letters correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

Cell = str | int | Decimal | float | None


def neutralise_cell(value: Cell) -> str:
    """The text for one cell; text that a spreadsheet would run as a formula gets a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("Write yes/no as translated text, not as a bool.")
    if isinstance(value, int | Decimal | float):
        return str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def render_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The whole file as text, starting with the byte order mark; CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(h) for h in header])
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return BOM + buffer.getvalue()


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    """A download of ``render_csv``; ``filename`` must be plain ASCII without quotes."""
    if not filename.isascii() or '"' in filename or "/" in filename:
        raise ValueError("Use a plain ASCII file name.")
    response = HttpResponse(render_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
