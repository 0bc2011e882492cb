"""The blueprint in a real browser: a new region from the wizard to its coordinator's checklist.

Uses the browser fixtures of ``components/tests/test_browser.py``; run with ``pytest -m browser``.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page

from weerbaar.components.tests.test_browser import (  # noqa: F401  # fixtures, used by name
    assert_accessible,
    assert_no_csp_violations,
    browser,
    console,
    current_totp,
    invitation_path,
    log_in_with_keyboard,
    page,
    tab_to,
)
from weerbaar.dev.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PLATFORM_ADMIN = "pieter@weerbaar.example"
REQUESTER = "joris@goeree.example"


def next_step(tab: Page) -> None:
    tab.locator("button[name=action][value=next]").click()
    tab.wait_for_load_state()


def pass_totp_setup(tab: Page, email: str) -> None:
    tab.wait_for_url("**/account/tweestapsverificatie/**")
    device = TOTPDevice.objects.filter(user__email=email).order_by("-pk").first()
    assert device is not None
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    tab.locator("#id_token").fill(str(code).zfill(device.digits))
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: "tweestapsverificatie" not in url)


def test_a_new_region_goes_from_the_wizard_to_its_coordinators_checklist(
    page: Page,  # noqa: F811  # the fixture imported above
    console: list[str],  # noqa: F811
) -> None:
    page.goto("/")
    page.locator("a", has_text="Bouw je eigen online coalitie").click()
    assert_accessible(page)
    page.locator("button", has_text="Begin met de blauwdruk").click()
    page.wait_for_url("**/blauwdruk/stap/region/")

    assert_accessible(page)
    page.locator("#id_coalition_name").fill("Online Coalitie Goeree-Overflakkee")
    page.locator("#id_municipalities").fill("Goeree-Overflakkee")
    page.locator("label", has_text="Minder dan 50.000").click()
    page.locator("label", has_text="Vooral landelijk").click()
    next_step(page)

    assert_accessible(page)
    # By keyboard only: tick a box with Space; Enter submits "next", the form's first button.
    tab_to(page, "id_provisions_2")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url("**/blauwdruk/stap/domains/")

    assert_accessible(page)
    page.locator("#id_on_board_0").check()
    page.locator("#id_reachable_3").check()
    next_step(page)

    assert_accessible(page)
    page.locator("label", has_text="Desinformatie").click()
    next_step(page)

    assert_accessible(page)
    page.locator("#id_coordinator_hours").fill("0")
    page.locator("label", has_text="Nog geen budget").click()
    page.locator("label", has_text="Groot:").click()
    next_step(page)
    # No hours, no budget and a large programme: the step says what to change, keeps the rest.
    assert page.locator("#id_programme_size").count() == 0
    assert page.locator("[role=alert]").first.is_visible()
    assert page.locator("#id_coordinator_hours").input_value() == "0"
    assert_accessible(page)
    page.locator("#id_coordinator_hours").fill("12")
    next_step(page)

    assert_accessible(page)
    page.locator("#id_organisations").fill("Bibliotheek Goeree, info@bieb-goeree.example")
    page.locator("button[name=action][value=back]").click()
    page.wait_for_url("**/blauwdruk/stap/capacity/")
    assert page.locator("#id_coordinator_hours").input_value() == "12"
    next_step(page)
    assert "bieb-goeree" in page.locator("#id_organisations").input_value()
    page.goto("/blauwdruk/stap/existing/")
    assert page.locator("#id_provisions_2").is_checked()
    page.goto("/blauwdruk/stap/organisations/")
    next_step(page)

    assert_accessible(page)
    start = timezone.localdate() + datetime.timedelta(days=60)
    page.locator("#id_start").fill(start.isoformat())
    next_step(page)

    page.wait_for_url("**/blauwdruk/plan/")
    assert_accessible(page)
    assert page.locator("h3", has_text="Inspiratiebijeenkomst").count() == 1
    page.locator("#id_contact_name").fill("Joris Koster")
    page.locator("#id_contact_email").fill(REQUESTER)
    page.locator("#id_contact_organisation").fill("Gemeente Goeree-Overflakkee")
    page.locator("button", has_text="Vraag deze coalitie aan").click()
    page.wait_for_url("**/blauwdruk/plan/")
    assert page.locator(".utrecht-alert--ok").first.is_visible()
    page.context.clear_cookies()

    log_in_with_keyboard(page, PLATFORM_ADMIN)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(PLATFORM_ADMIN))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "tweestapsverificatie" not in url)
    page.goto("/platform/")
    page.locator("a", has_text="Blauwdrukaanvragen").click()
    assert_accessible(page)
    page.locator("a", has_text="Online Coalitie Goeree-Overflakkee").click()
    assert_accessible(page)
    page.locator("#id_slug").fill("goeree-overflakkee")
    page.locator("button", has_text="Goedkeuren en de coalitie aanmaken").click()
    page.wait_for_url("**/platform/blauwdrukken/")
    assert page.locator(".utrecht-alert--ok").first.is_visible()
    page.context.clear_cookies()

    page.goto(invitation_path(REQUESTER))
    page.locator("#id_full_name").fill("Joris Koster")
    page.locator("#id_password1").fill(DEMO_PASSWORD)
    page.locator("#id_password2").fill(DEMO_PASSWORD)
    page.locator("button[type=submit]").last.click()
    pass_totp_setup(page, REQUESTER)
    page.goto("/goeree-overflakkee/beheer/plan/")

    assert page.locator("h1", has_text="Plan").count() == 1
    assert page.locator("progress").count() == 6
    assert_accessible(page)
    page.locator("button", has_text="Markeer als klaar").first.click()
    page.wait_for_load_state()
    assert page.locator("label", has_text="1 van").first.is_visible()
    assert_no_csp_violations(console)
