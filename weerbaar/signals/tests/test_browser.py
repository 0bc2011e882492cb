"""The signal flow in a real browser, as the issue's "done when" describes it.

A youth worker reports a sextortion case with a name, a phone number and an Instagram
handle, sees the redacted text (live, then on the check step) and confirms; a teacher reports
the same incident in other words and it lands in the same cluster; the analyst triages with
the suggested theme. Then the database holds none of the personal data. Axe checks every page.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page

from weerbaar.components.tests.test_browser import (
    assert_accessible,
    assert_no_csp_violations,
    current_totp,
    log_in_with_keyboard,
)
from weerbaar.dev.demo import DEMO_SLUG
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.browser

YOUTH_WORKER = "cees@voorbeeldstad.example"
TEACHER = "bram@voorbeeldstad.example"
ANALYST = "femke@voorbeeldstad.example"
FIRST = (
    "Mijn jongere Yasmina Veenstra (14) wordt op Instagram afgeperst door @knappe_jongen_06 met "
    "naaktfoto's; hij eist 150 euro, anders stuurt hij ze naar haar klas. Ze is bereikbaar "
    "op 06-87654321."
)
SECOND = (
    "Een leerling van 14 wordt via Instagram afgeperst met naaktfoto's door "
    "@knappe_jongen_06: hij wil 150 euro, anders gaan de foto's naar haar klas."
)
PLANTED = ["Yasmina", "Veenstra", "knappe_jongen", "87654321"]


def report(page: Page, text: str, *, check_preview: bool = False) -> None:
    page.goto(f"/{DEMO_SLUG}/signalen/nieuw/")
    page.locator("#id_text").fill(text)
    if check_preview:
        preview = page.locator("#signal-preview")
        preview.locator(".weerbaar-redacted").wait_for()
        assert "[telefoon]" in preview.inner_text()
        assert "87654321" not in preview.inner_text()
        assert_accessible(page)
    page.get_by_label("Instagram").check()
    page.get_by_label("Gesloten: een besloten groep, chat of account").check()
    page.get_by_label("Leeftijdsgroep").select_option("12_15")
    page.get_by_label("Dringend").check()
    page.get_by_role("button", name="Controleren en verder").click()
    page.get_by_role("heading", name="Controleer je signaal").wait_for()
    stored = page.locator("#redacted-text").inner_text()
    for planted in PLANTED:
        assert planted not in stored
    assert_accessible(page)
    page.get_by_role("button", name="Signaal opslaan").click()
    page.get_by_text("Je signaal is opgeslagen").wait_for()


def test_two_reports_of_one_incident_are_triaged_without_keeping_personal_data(
    page: Page, console: list[str]
) -> None:
    log_in_with_keyboard(page, YOUTH_WORKER)
    page.wait_for_url("**/start/")
    report(page, FIRST, check_preview=True)
    first = Signal.objects.latest("pk")
    page.context.clear_cookies()

    log_in_with_keyboard(page, TEACHER)
    page.wait_for_url("**/start/")
    report(page, SECOND)
    second = Signal.objects.latest("pk")
    first.refresh_from_db()
    assert second.cluster_id is not None
    assert second.cluster_id == first.cluster_id
    page.context.clear_cookies()

    log_in_with_keyboard(page, ANALYST)
    page.locator("#id_token").fill(current_totp(ANALYST))
    page.keyboard.press("Enter")
    page.wait_for_url("**/start/")
    page.goto(f"/{DEMO_SLUG}/signalen/triage/")
    assert_accessible(page)
    page.goto(f"/{DEMO_SLUG}/signalen/{first.pk}/")
    page.get_by_role("heading", name="Thema's").wait_for()
    assert_accessible(page)
    suggested = page.get_by_label("Sextortion", exact=False)
    assert suggested.is_checked()
    page.get_by_role("button", name="Thema's opslaan").click()
    page.get_by_text("De thema's zijn opgeslagen").wait_for()
    page.get_by_label("Nieuwe status").select_option("in_triage")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("De status is gewijzigd").wait_for()
    page.goto(f"/{DEMO_SLUG}/signalen/clusters/{first.cluster_id}/")
    assert_accessible(page)
    assert_no_csp_violations(console)

    first.refresh_from_db()
    assert first.themes == ["sextortion"]
    assert first.status == "in_triage"
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for planted in PLANTED:
        assert planted.lower() not in dump.getvalue().lower()
