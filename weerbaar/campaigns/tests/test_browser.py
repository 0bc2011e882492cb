"""Campaigns and the newsflash in a real browser, with axe on every screen (``-m browser``)."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import Page

from weerbaar.components.tests.test_browser import (  # noqa: F401  # fixtures, used by name
    SCREENSHOTS,
    assert_accessible,
    assert_no_csp_violations,
    browser,
    console,
    log_in_as_coordinator,
    page,
)
from weerbaar.dev.demo import DEMO_SLUG
from weerbaar.newsflash.models import Newsflash

pytestmark = pytest.mark.browser


def test_a_coordinator_reads_a_campaign_and_adds_a_reach_figure(
    page: Page,  # noqa: F811
    console: list[str],  # noqa: F811
) -> None:
    log_in_as_coordinator(page)
    page.goto(f"/{DEMO_SLUG}/campagnes/")
    assert_accessible(page)
    page.get_by_role("link", name="Check je bron").click()

    assert page.locator("figure svg").count() == 2  # impressions and schools reached
    assert page.locator("table").count() >= 3  # a table per chart and all figures
    assert_accessible(page)

    page.get_by_role("link", name="Bereikcijfer toevoegen").click()
    page.locator("#id_value").fill("-3")
    page.locator("#id_value").press("Enter")
    assert page.locator("[role=alert]").count() == 1
    assert_accessible(page)
    page.locator("#id_measure").select_option("schools_reached")
    page.locator("#id_value").fill("12")
    page.get_by_role("button", name="Toevoegen").click()

    page.wait_for_selector("text=Het bereikcijfer is toegevoegd.")
    assert "12" in page.locator("table").last.inner_text()
    assert_no_csp_violations(console)


def test_a_coordinator_composes_previews_and_sends_a_newsflash(
    page: Page,  # noqa: F811
    console: list[str],  # noqa: F811
) -> None:
    mail.outbox.clear()
    log_in_as_coordinator(page)
    page.goto(f"/{DEMO_SLUG}/nieuwsflits/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwsflits opstellen").click()
    assert_accessible(page)

    page.get_by_role("button", name="Opslaan en voorbeeld bekijken").click()
    assert "de nieuwsflits is leeg" in page.locator("[role=alert]").inner_text()
    assert_accessible(page)

    page.locator("#id_title").fill("Werkgroep online jongerenwerk")
    page.locator("#id_intro").fill("Beste leden,\n\nDe werkgroep is **gestart**.")
    page.locator("input[name=source_campaign]").first.check()
    page.get_by_role("button", name="Opslaan en voorbeeld bekijken").click()

    page.wait_for_url("**/nieuwsflits/3/voorbeeld/")
    assert page.locator("main h1").count() == 1
    assert page.get_by_text("Versie zonder opmaak").is_visible()
    page.screenshot(path=SCREENSHOTS / "weerbaar-newsflash-preview.png", full_page=True)
    assert_accessible(page)

    page.get_by_role("button", name="Nu versturen").click()
    page.wait_for_url("**/nieuwsflits/3/verzending/")
    assert_accessible(page)
    assert Newsflash.objects.get(number=3).status == "sent"
    assert len([m for m in mail.outbox if "Werkgroep online jongerenwerk" in m.subject]) == 4
    assert_no_csp_violations(console)
