"""The trend monitor in a real browser: an analyst's day, and axe on its pages.

Runs with ``pytest -m browser`` on the demo installation (see components/tests/test_browser.py).
"""

from __future__ import annotations

import datetime

from django.core import mail
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Page

from weerbaar.components.tests import test_browser as shared
from weerbaar.components.tests.test_browser import (
    assert_accessible,
    assert_no_csp_violations,
    current_totp,
    log_in_with_keyboard,
)
from weerbaar.dev.demo import DEMO_SLUG
from weerbaar.trends.actions import do_fetch_active_feeds
from weerbaar.trends.models import FeedItem, Source
from weerbaar.trends.rollups import do_roll_up_pending
from weerbaar.trends.tests.test_feeds import fixture_server

# The shared browser fixtures, under the names pytest looks for.
browser = shared.browser
console = shared.console
page = shared.page
pytestmark = shared.pytestmark

ANALYST = "femke@voorbeeldstad.example"
MEMBER = "cees@voorbeeldstad.example"
TRENDS = f"/{DEMO_SLUG}/trends/"


def log_in_analyst(page: Page) -> None:
    log_in_with_keyboard(page, ANALYST)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(ANALYST))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{DEMO_SLUG}/start/")


@override_settings(TRENDS_FEED_ALLOW_PRIVATE=True)
def test_an_analyst_registers_a_feed_reads_an_alert_and_publishes_a_report(
    page: Page, console: list[str]
) -> None:
    log_in_analyst(page)
    page.goto(f"{TRENDS}bronnen/nieuw/")
    page.get_by_label("RSS- of Atom-feed van een openbare bron").check()
    page.get_by_label("Naam").fill("Factcheck Lokaal")
    with fixture_server() as base:
        page.get_by_label("Adres van de feed").fill(f"{base}/feed.xml")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("heading", name="Factcheck Lokaal").wait_for()
        assert page.get_by_text("kan pas aan als de registratie compleet is").is_visible()
        page.get_by_label("Doel").fill("Factchecks over nepnieuws onder jongeren volgen.")
        page.get_by_label("Grondslag").select_option("public_task")
        page.get_by_label("Kenmerk van de DPIA").fill("DPIA Trendmonitor 2026-02")
        page.get_by_label("Bewaartermijn in dagen").fill("365")
        page.get_by_label("Eigenaar").fill("Gemeente, analist")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("button", name="Aanzetten").click()
        page.get_by_text("De bron staat aan.").wait_for()
        # The hourly job, run now.
        do_fetch_active_feeds()
    do_roll_up_pending()
    source = Source.objects.get(name="Factcheck Lokaal")
    assert FeedItem.objects.filter(source=source).count() == 2

    page.goto(TRENDS)
    assert page.locator("#trend-results").get_by_text("Nieuws en openbare websites").is_visible()
    assert page.get_by_text("t.o.v. vorige 4 weken").first.is_visible()
    assert_accessible(page)

    page.goto(f"{TRENDS}waarschuwingen/")
    page.get_by_role("link", name="Online oplichting boven normaal").first.click()
    assert page.get_by_text("een z-score van").is_visible()
    assert_accessible(page)
    page.get_by_label("Afgehandeld").check()
    page.get_by_label("Notitie").fill("Besproken met de wijkagent; campagne over nepwinkels.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De waarschuwing is bijgewerkt.").wait_for()

    # The planted rise reached the analyst by mail as well, with the numbers.
    warning = next(m for m in mail.outbox if "Online oplichting boven normaal" in m.subject)
    assert warning.to == [ANALYST]
    assert "z-score" in warning.body

    page.goto(f"{TRENDS}rapporten/")
    today = timezone.localdate()
    page.get_by_label("Van").fill((today - datetime.timedelta(days=27)).isoformat())
    page.get_by_label("Tot en met").fill(today.isoformat())
    page.get_by_role("button", name="Rapport maken").click()
    page.get_by_text("Het rapport is als concept gemaakt.").wait_for()
    page.get_by_label("Toelichting").fill("Oplichting via **nepwinkels** stijgt sterk.")
    page.get_by_label("Publiceren voor de leden").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het rapport is opgeslagen.").wait_for()
    assert_accessible(page)
    report_url = page.url
    assert_no_csp_violations(console)

    page.context.clear_cookies()
    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**/{DEMO_SLUG}/start/")
    page.goto(report_url)
    page.get_by_role("heading", name="Trendmonitor jeugd online").wait_for()
    assert page.locator("strong", has_text="nepwinkels").is_visible()
    # A PDF where WeasyPrint is installed; otherwise the member is sent to the report itself.
    pdf = page.request.get(f"{report_url}pdf/")
    assert pdf.ok
    if pdf.headers["content-type"] == "application/pdf":
        assert pdf.body().startswith(b"%PDF")
    else:
        assert "Trendmonitor jeugd online" in pdf.text()
    page.goto(TRENDS)
    assert page.get_by_text("Getallen onder 10").first.is_visible()
    assert_accessible(page)
    page.goto(f"{TRENDS}bronnen/")
    assert page.get_by_text("Factcheck Lokaal").is_visible()
    assert_accessible(page)
