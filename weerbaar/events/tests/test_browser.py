"""The event pages and the registration flow in a real browser, with axe.

Uses the browser fixtures of ``weerbaar/components/tests/test_browser.py`` (chromium through
Playwright, the demo installation on pytest-django's live server). Run with ``pytest -m browser``.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page

from weerbaar.components.tests.test_browser import (  # noqa: F401 - fixtures used by name
    MEMBER,
    SCREENSHOTS,
    assert_accessible,
    assert_no_csp_violations,
    browser,
    console,
    log_in_as_coordinator,
    log_in_with_keyboard,
    page,
)
from weerbaar.dev.demo import DEMO_SLUG

pytestmark = pytest.mark.browser

PUBLIC_EVENT = "Inspiratiebijeenkomst: ouders en gamen"
MEMBERS_EVENT = "Werkgroep Onderwijs"


def confirmation_path(email: str) -> str:
    sent = [m for m in mail.outbox if email in m.to]
    assert sent, f"no mail to {email}"
    found = re.search(r"/[\w-]+/agenda/bevestigen/[^/\s]+/", str(sent[-1].body))
    assert found is not None, sent[-1].body
    return found.group(0)


def test_a_visitor_registers_for_a_public_event_and_confirms_by_mail(
    page: Page,  # noqa: F811 - the imported fixture
    console: list[str],  # noqa: F811
) -> None:
    visitor = "sam@sportclub.example"
    page.goto(f"/{DEMO_SLUG}/")
    page.locator("#events-heading + ul a", has_text=PUBLIC_EVENT).click()
    page.wait_for_url(f"**/{DEMO_SLUG}/agenda/*/")
    assert page.locator("h1").inner_text() == PUBLIC_EVENT
    page.screenshot(path=SCREENSHOTS / "weerbaar-event-public.png", full_page=True)
    assert_accessible(page)

    page.locator("a", has_text="Aanmelden").last.click()
    page.wait_for_url("**/aanmelden/")
    assert_accessible(page)
    page.locator("#id_name").fill("Sam de Boer")
    page.locator("#id_email").fill("sam@@sportclub")
    page.locator("button[type=submit]", has_text="Aanmelden").click()
    page.wait_for_load_state()
    assert page.locator("#id_name").input_value() == "Sam de Boer"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    page.locator("#id_email").fill(visitor)
    page.locator("#id_organisation").fill("Sportclub Voorbeeldstad")
    page.locator("button[type=submit]", has_text="Aanmelden").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Kijk in je e-mail"
    assert_accessible(page)

    page.goto(confirmation_path(visitor))
    assert_accessible(page)
    page.locator("button[type=submit]", has_text="Mijn aanmelding bevestigen").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_a_member_registers_with_one_click_and_cancels(
    page: Page,  # noqa: F811
    console: list[str],  # noqa: F811
) -> None:
    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**/{DEMO_SLUG}/start/")
    page.goto(f"/{DEMO_SLUG}/agenda/")
    page.screenshot(path=SCREENSHOTS / "weerbaar-events-calendar.png", full_page=True)
    assert_accessible(page)
    page.locator("a", has_text=MEMBERS_EVENT).first.click()
    page.wait_for_url(f"**/{DEMO_SLUG}/agenda/*/")
    assert_accessible(page)

    page.locator("button[type=submit]", has_text="Aanmelden").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    page.screenshot(path=SCREENSHOTS / "weerbaar-event-member.png", full_page=True)
    assert_accessible(page)

    page.locator("a", has_text="Mijn aanmelding annuleren").click()
    page.locator("button[type=submit]", has_text="Mijn aanmelding annuleren").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_a_coordinator_plans_an_event_and_sees_the_registrations(
    page: Page,  # noqa: F811
    console: list[str],  # noqa: F811
) -> None:
    log_in_as_coordinator(page)
    page.goto(f"/{DEMO_SLUG}/agenda/")
    page.locator("a", has_text="Bijeenkomst toevoegen").click()
    page.wait_for_url("**/beheer/agenda/nieuw/")
    assert_accessible(page)
    page.locator("#id_title").fill("Werkgroep Ouders")
    page.locator("#id_kind").select_option("working_group")
    page.locator("#id_starts_at").fill("2030-05-14T19:30")
    page.locator("#id_ends_at").fill("2030-05-14T18:00")
    page.locator("#id_location").fill("Bibliotheek Voorbeeldstad")
    page.locator("#id_programme").fill("19:30 | Welkom | Anna de Wit\n20:00 | Plannen maken")
    page.locator("button[type=submit]", has_text="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#id_title").input_value() == "Werkgroep Ouders"
    assert page.locator("#id_ends_at").get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    page.locator("#id_ends_at").fill("2030-05-14T21:00")
    page.locator("button[type=submit]", has_text="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Werkgroep Ouders"
    assert page.locator("td", has_text="20:00").count() == 1
    assert_accessible(page)

    page.goto(f"/{DEMO_SLUG}/agenda/")
    page.locator("a", has_text="Training: gesprekken voeren over polarisatie").click()
    page.locator("a", has_text="Aanmeldingen en aanwezigheid").click()
    assert page.locator("h2", has_text="Wachtlijst").count() == 1
    assert_accessible(page)
    assert_no_csp_violations(console)
