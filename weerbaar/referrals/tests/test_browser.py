"""The help finder and a warm hand-over in a real browser, with axe (``pytest -m browser``)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from weerbaar.components.tests.test_browser import (
    MEMBER,
    MEMBER_HOME,
    PARTNER_ADMIN,
    SCREENSHOTS,
    assert_accessible,
    assert_no_csp_violations,
    log_in_with_keyboard,
)
from weerbaar.dev.demo import DEMO_SLUG, load_demo

pytestmark = pytest.mark.browser

FINDER = f"/{DEMO_SLUG}/hulp/"


def test_the_finder_puts_crisis_lines_first_on_a_phone(page: Page, console: list[str]) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(FINDER)
    assert_accessible(page)

    page.locator("label", has_text="Ik ben ouder of opvoeder").click()
    page.locator("label", has_text="naaktfoto").click()
    page.locator("label", has_text="Iemand is nu in gevaar").click()
    page.locator("button[type=submit]", has_text="Toon hulp").click()
    page.wait_for_url("**/hulp/?*")

    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == "In gevaar? Zoek nu hulp"
    assert page.locator("a[href='tel:08000113']").count() == 1
    assert page.locator(".weerbaar-card", has_text="Aangifte van online afpersing").count() == 1
    page.screenshot(path=SCREENSHOTS / "weerbaar-finder-phone.png", full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_the_finder_works_without_javascript(browser: Browser, live_server: Any) -> None:
    load_demo()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    without_js = context.new_page()

    without_js.goto(FINDER)
    without_js.locator("#id_q").fill("mijn zoon gamet de hele nacht")
    without_js.locator("button[type=submit]", has_text="Toon hulp").click()
    without_js.wait_for_url("**/hulp/?*")

    assert without_js.locator(".weerbaar-card", has_text="Behandeling gameverslaving").count() == 1
    context.close()


def test_a_mentor_hands_a_case_over_and_the_library_accepts(page: Page, console: list[str]) -> None:
    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.goto(FINDER + "?situations=gaming&visitor=parent")
    page.locator("a", has_text="Digitaal spreekuur voor ouders").first.click()
    page.locator("a", has_text="Een casus naar dit aanbod doorverwijzen").click()
    assert_accessible(page)

    page.locator("label", has_text="12 tot en met 17").click()
    page.locator("#id_theme").select_option("gaming")
    page.locator("#id_description").fill(
        "Leerling Tim Bakker (06-11223344) gamet elke nacht en slaapt in de les."
    )
    page.locator("label", has_text="Snel: antwoord binnen drie dagen").click()
    page.locator("label", has_text="Via mij, de doorverwijzer").click()
    page.locator("label", has_text="Toestemming").first.click()
    page.locator("button[type=submit]", has_text="Casus doorverwijzen").click()
    page.wait_for_load_state()
    # Who gave consent is missing: the form says so and keeps the description.
    assert page.locator("#id_consent_given_by").get_attribute("aria-invalid") == "true"
    assert "gamet elke nacht" in page.locator("#id_description").input_value()
    assert_accessible(page)
    page.locator("#id_consent_given_by").select_option("parent")
    page.locator("#id_consent_given_on").fill("2026-11-01")
    page.locator("#id_consent_purpose").fill("Doorverwijzing naar het spreekuur van de bibliotheek")
    page.locator("button[type=submit]", has_text="Casus doorverwijzen").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/doorverwijzen/*/")
    assert page.locator(".utrecht-alert--ok").is_visible()
    description = page.locator("dd", has_text="gamet elke nacht").inner_text()
    assert "06-11223344" not in description
    assert "[telefoon]" in description
    case_url = page.url
    page.screenshot(path=SCREENSHOTS / "weerbaar-referral.png", full_page=True)
    assert_accessible(page)
    page.context.clear_cookies()

    log_in_with_keyboard(page, PARTNER_ADMIN)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.locator("nav a", has_text="Hulp en doorverwijzen").click()
    assert_accessible(page)
    page.goto(case_url)
    page.locator("button[name=step][value=accepted]").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    assert page.locator("dd .utrecht-status-badge", has_text="Aangenomen").count() == 1
    assert_accessible(page)
    page.context.clear_cookies()

    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.goto(case_url)
    assert page.locator("li", has_text="Aangenomen").count() >= 1
    assert_no_csp_violations(console)
