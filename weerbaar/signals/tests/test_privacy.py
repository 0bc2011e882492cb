"""The raw text is never persisted: plant personal data, then scan everything that stays.

Personal data goes in through the intake form (both steps, a failing submission and the live
preview), a CSV import, and the analyst's notes. Afterwards the test scans a full ``dumpdata``,
on SQLite the raw bytes of the database (freed pages included), every log record written
meanwhile, the job queue's storage, and an error report of a crash during the intake.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.views.debug import ExceptionReporter
from huey.contrib.djhuey import HUEY

from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.models import Signal
from weerbaar.signals.tasks import delete_expired_signals, train_theme_models

RAW_TEXT = (
    "Zijn zus Fatima el Amrani (06 1234 5678, fatima.elamrani@example.nl, insta: fatima_xx) "
    "wordt afgeperst met naaktfoto's. Ze woont op Kerkstraat 12, 3511 AB Utrecht. "
    "BSN 111222333, IBAN NL91ABNA0417164300, kenteken 12-ABC-3, "
    "profiel https://www.tiktok.com/@fatima_xx"
)
RAW_NOTE = "Gebeld met Fatima el Amrani op 06 1234 5678."
PLANTED = [
    "Fatima",
    "Amrani",
    "1234 5678",
    "12345678",
    "fatima.elamrani@example.nl",
    "fatima_xx",
    "Kerkstraat 12",
    "3511 AB",
    "111222333",
    "NL91ABNA0417164300",
    "12-ABC-3",
]
CSV = (
    "omschrijving;platforms;ruimte;leeftijd;urgentie\n"
    f'"{RAW_TEXT}";instagram;gesloten;12-15;urgent\n'
    '"Een nepbericht over een vaccin gaat rond in groepsapps van ouders.";whatsapp;gesloten;'
    "gemengd;informatie\n"
)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def captured_logs() -> Iterator[_Collect]:
    handler = _Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


class PrivacyTestCase(PersonasTestCase):
    def fields(self, **changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": RAW_TEXT,
            "platforms": ["instagram", "tiktok"],
            "space": "closed",
            "age_group": "12_15",
            "urgency": "urgent",
            "actions_taken": RAW_NOTE,
        }
        data.update(changes)
        return data

    def assert_clean(self, where: str, content: str) -> None:
        for planted in PLANTED:
            self.assertNotIn(planted.lower(), content.lower(), f"{planted!r} found in {where}")

    def submit_everything(self) -> None:
        url = "/voorbeeldstad/signalen/nieuw/"
        self.log_in(self.cees)
        self.client.post(f"{url}voorbeeld/", {"text": RAW_TEXT})
        self.client.post(url, self.fields(platforms=[]))  # fails: no platform
        check = self.client.post(url, self.fields())
        self.client.post(url, self.fields(step="confirm"))  # raw text on the check step
        shown = check.context["form"].data
        saved = self.client.post(
            url,
            self.fields(text=shown["text"], actions_taken=shown["actions_taken"], step="confirm"),
        )
        self.assertEqual(saved.status_code, 302)
        signal = Signal.objects.get()

        self.log_in(self.femke)
        base = f"/voorbeeldstad/signalen/{signal.pk}/"
        self.client.post(f"{base}notitie/", {"note": RAW_NOTE, "is_feedback": "on"})
        self.client.post(
            f"{base}status/", {"status": "in_triage", "expected": "new", "note": RAW_NOTE}
        )
        self.client.post(f"{base}vervolg/", {"follow_up": RAW_NOTE})
        self.client.post(f"{base}themas/", {"themes": ["sextortion"]})
        self.client.get(base)
        self.client.get("/voorbeeldstad/signalen/triage/")

        for check_only in ("on", ""):
            upload = io.BytesIO(CSV.encode("cp1252", errors="replace"))
            upload.name = "signalen.csv"
            response = self.client.post(
                "/voorbeeldstad/signalen/importeren/", {"file": upload, "check_only": check_only}
            )
            self.assertEqual(response.status_code, 200)
        self.assertEqual(Signal.objects.count(), 3)
        train_theme_models.enqueue()
        delete_expired_signals.enqueue()

    def test_it_stores_logs_and_queues_none_of_the_planted_personal_data(self) -> None:
        with captured_logs() as logs:
            self.submit_everything()

        dump = io.StringIO()
        call_command("dumpdata", stdout=dump)
        self.assertIn("[telefoon]", dump.getvalue())
        self.assert_clean("dumpdata", dump.getvalue())
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            raw = connection.connection.serialize()
            self.assertIn(b"[telefoon]", raw)  # the scan does see stored text
            self.assert_clean("the SQLite database bytes", raw.decode("latin-1"))
        log_text = "\n".join(
            f"{r.getMessage()} {r.args!r} {getattr(r, 'exc_text', '')}" for r in logs.records
        )
        self.assert_clean("the log output", log_text)
        storage = HUEY.storage
        queued = [
            *(repr(item) for item in HUEY.pending()),
            *(repr(item) for item in HUEY.scheduled()),
            repr(HUEY.all_results()),
            json.dumps(getattr(storage, "__dict__", {}), default=repr),
        ]
        self.assert_clean("the job storage", "\n".join(queued))

    @override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
    def test_it_keeps_the_text_out_of_error_reports(self) -> None:
        self.log_in(self.cees)
        self.client.raise_request_exception = False
        with (
            captured_logs() as logs,
            mock.patch(
                "weerbaar.signals.forms.SignalForm.clean_first_seen",
                side_effect=RuntimeError("boom"),
            ),
        ):
            response = self.client.post("/voorbeeldstad/signalen/nieuw/", self.fields())

        self.assertEqual(response.status_code, 500)
        errors = [r for r in logs.records if r.exc_info and hasattr(r, "request")]
        self.assertTrue(errors)
        for record in errors:
            assert record.exc_info is not None
            reporter = ExceptionReporter(record.request, *record.exc_info)
            self.assert_clean("the error report (HTML)", reporter.get_traceback_html())
            self.assert_clean("the error report (text)", reporter.get_traceback_text())
            self.assert_clean("the log message", record.getMessage())
