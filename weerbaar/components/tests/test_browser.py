"""The interface in a real browser: keyboard use, two-step login, language, axe and the CSP.

Drives Debian's chromium (``/usr/bin/chromium``) through Playwright against pytest-django's
``live_server``, on the demo installation. Run with ``pytest -m browser`` (``.ci/run`` does).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from weerbaar.dev.demo import DEMO_PASSWORD, DEMO_SLUG, load_demo

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MEMBER = "cees@voorbeeldstad.example"
COORDINATOR = "anna@voorbeeldstad.example"
PARTNER_ADMIN = "bram@voorbeeldstad.example"
MEMBER_HOME = f"/{DEMO_SLUG}/start/"
SCREENSHOTS = Path(tempfile.gettempdir())  # for a human to look at after a run
BLOCKING_IMPACTS = {"serious", "critical"}
CSP_VIOLATION_LOGGER = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API keeps an event loop in this thread; the test itself (and the
    # database fixtures) stay synchronous, so Django's async-safety guard does not apply.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def console() -> list[str]:
    """Everything the browser logged on the console, and uncaught page errors."""
    return []


@pytest.fixture
def page(browser: Browser, live_server: Any, console: list[str]) -> Iterator[Page]:
    load_demo()
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)

    def record(message: ConsoleMessage) -> None:
        console.append(f"{message.type}: {message.text}")

    page.on("console", record)
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    # Chromium logs violations on the console itself; this names them even if its wording changes.
    page.add_init_script(CSP_VIOLATION_LOGGER)
    yield page
    context.close()


def get_focused(page: Page) -> dict[str, str]:
    focused: dict[str, str] = page.evaluate(
        "() => { const e = document.activeElement;"
        " return {id: e.id, tag: e.tagName.toLowerCase(), cls: e.className}; }"
    )
    return focused


def tab_to(page: Page, element_id: str, *, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if get_focused(page)["id"] == element_id:
            return
    pytest.fail(f"#{element_id} is not reachable with Tab within {limit} stops.")


def log_in_with_keyboard(page: Page, email: str) -> None:
    page.goto("/account/inloggen/")
    tab_to(page, "id_username")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert get_focused(page)["id"] == "id_password"
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def current_totp(email: str) -> str:
    """A code the device accepts now: the next step's if this step's was used already.

    django-otp refuses a code for a time step at or before the last one used, so a second
    login within the same 30 seconds takes the next code, which its tolerance still allows.
    """
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    now = TOTP(device.bin_key, step=device.step, t0=device.t0, drift=device.drift).t()
    drift = device.drift + (1 if device.last_t >= now else 0)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return str(code).zfill(device.digits)


def assert_no_csp_violations(console: list[str]) -> None:
    violations = [line for line in console if "Content Security Policy" in line]
    assert not violations, "\n".join(violations)


def assert_accessible(page: Page) -> None:
    # Right after a click that navigates, the new document may still be replacing the old
    # one; axe then finds no document. Wait until the page has loaded.
    page.wait_for_load_state("load")
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']} {node['html'][:200]}" for node in v["nodes"])
        for v in blocking
    )
    assert not blocking, f"axe on {page.url}:\n{report}"


def test_a_member_logs_in_with_the_keyboard_only(page: Page, console: list[str]) -> None:
    log_in_with_keyboard(page, MEMBER)

    page.wait_for_url(f"**{MEMBER_HOME}")
    assert page.locator("main h1").count() == 1
    assert_no_csp_violations(console)


def test_a_coordinator_passes_two_step_verification(page: Page, console: list[str]) -> None:
    log_in_with_keyboard(page, COORDINATOR)
    page.wait_for_url("**/account/tweestapsverificatie/**")

    page.locator("#id_token").fill(current_totp(COORDINATOR))
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{MEMBER_HOME}")
    assert_no_csp_violations(console)


def test_the_header_switches_language_and_back(page: Page, console: list[str]) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.goto(f"/{DEMO_SLUG}/")
    page.locator(".weerbaar-language a[lang=en]").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#focus-heading").inner_text() == "What we focus on"

    page.locator(".weerbaar-language a[lang=nl]").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/")

    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("#focus-heading").inner_text() == "Waar we ons op richten"
    assert_no_csp_violations(console)


def test_key_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    page.goto(f"/{DEMO_SLUG}/")
    page.screenshot(path=SCREENSHOTS / "weerbaar-public.png", full_page=True)
    assert_accessible(page)
    page.goto("/account/inloggen/")
    assert_accessible(page)
    page.goto("/")
    assert_accessible(page)
    page.goto("/toegankelijkheid/")
    assert_accessible(page)

    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.screenshot(path=SCREENSHOTS / "weerbaar-member-home.png", full_page=True)
    assert_accessible(page)


def test_pages_do_not_violate_the_content_security_policy(page: Page, console: list[str]) -> None:
    for path in ("/", f"/{DEMO_SLUG}/", "/account/inloggen/", "/toegankelijkheid/", "/help/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    log_in_with_keyboard(page, COORDINATOR)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(COORDINATOR))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.wait_for_load_state("networkidle")

    assert_no_csp_violations(console)
    assert page.evaluate("() => typeof window.htmx") == "object", "htmx did not load"


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page) -> None:
    page.goto(f"/{DEMO_SLUG}/")

    page.keyboard.press("Tab")
    first = get_focused(page)
    assert first["tag"] == "a"
    assert "weerbaar-skip-link" in first["cls"]
    assert page.locator(".weerbaar-skip-link").is_visible()

    page.keyboard.press("Enter")

    assert get_focused(page)["id"] == "main"


def test_an_organisation_applies_and_the_coordinator_approves(
    page: Page, console: list[str]
) -> None:
    page.goto(f"/{DEMO_SLUG}/")
    page.locator(f"a[href='/{DEMO_SLUG}/sluit-aan/']").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/sluit-aan/")
    # The honeypot takes no room on screen and is skipped by Tab.
    honeypot = page.locator("div.visually-hidden:has(#id_leave_empty)").bounding_box()
    assert honeypot is not None
    assert honeypot["width"] <= 1
    assert page.locator("#id_leave_empty").get_attribute("tabindex") == "-1"
    page.locator("#id_organisation_name").fill("Sportclub Voorbeeldstad")
    page.locator("#id_website").fill("geen webadres")
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    page.wait_for_load_state()
    assert page.locator("#id_organisation_name").input_value() == "Sportclub Voorbeeldstad"
    page.screenshot(path=SCREENSHOTS / "weerbaar-join-errors.png", full_page=True)
    assert_accessible(page)

    page.locator("#id_website").fill("https://sportclub.example")
    page.locator("label", has_text="Bedrijfsleven").click()
    page.locator("#id_contact_name").fill("Sam de Boer")
    page.locator("#id_contact_email").fill("sam@sportclub.example")
    page.locator("#id_motivation").fill("Onze trainers zien wat er in teamapps gebeurt.")
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/sluit-aan/bedankt/")

    log_in_with_keyboard(page, COORDINATOR)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(COORDINATOR))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.goto(f"/{DEMO_SLUG}/beheer/aanmeldingen/")
    assert_accessible(page)
    page.locator("a", has_text="Sportclub Voorbeeldstad").click()
    assert_accessible(page)
    page.locator("button[name=decision][value=approve]").click()
    page.wait_for_load_state()

    assert page.locator(".utrecht-alert--ok").is_visible()
    page.goto(f"/{DEMO_SLUG}/partners/")
    assert page.locator("a", has_text="Sportclub Voorbeeldstad").count() == 1
    assert_accessible(page)
    assert_no_csp_violations(console)


def log_in_as_coordinator(page: Page) -> None:
    log_in_with_keyboard(page, COORDINATOR)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(COORDINATOR))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{MEMBER_HOME}")


def test_a_partner_admin_pledges_and_signs_the_new_covenant(page: Page, console: list[str]) -> None:
    log_in_with_keyboard(page, PARTNER_ADMIN)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.goto(f"/{DEMO_SLUG}/convenant/")
    assert_accessible(page)
    page.locator("a", has_text="Toezeggingen van je organisatie").click()
    page.locator("label", has_text="Tijd").click()
    page.locator("#id_description").fill("Leesclub over nepnieuws")
    page.locator("#id_hours").fill("-3")
    page.locator("button[type=submit]", has_text="Toezegging opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#id_description").input_value() == "Leesclub over nepnieuws"
    assert page.locator("#id_hours").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.locator("#id_hours").fill("12")
    page.locator("button[type=submit]", has_text="Toezegging opslaan").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    page.locator(".weerbaar-card", has_text="Leesclub over nepnieuws").locator(
        "a", has_text="Levering vastleggen"
    ).click()
    page.locator("#id_description").fill("Eerste leesclub")
    page.locator("#id_hours").fill("2")
    assert_accessible(page)
    page.locator("button[type=submit]", has_text="Levering opslaan").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-unordered-list li", has_text="Eerste leesclub").count() == 1
    assert_accessible(page)
    page.context.clear_cookies()

    log_in_as_coordinator(page)
    page.goto(f"/{DEMO_SLUG}/beheer/convenant/nieuw/")
    assert_accessible(page)
    page.locator("#id_title").fill("Convenant Online Coalitie Voorbeeldstad 2027")
    page.locator("button[type=submit]", has_text="Concept opslaan").click()
    page.wait_for_url("**/bewerken/")
    assert_accessible(page)
    page.locator("button[type=submit]", has_text="Deze versie publiceren").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/convenant/")
    assert page.locator(".utrecht-alert--ok").is_visible()
    page.goto(f"/{DEMO_SLUG}/beheer/toezeggingen/")
    assert page.locator("tr", has_text="Bibliotheek Voorbeeldstad").count() == 1
    assert_accessible(page)
    page.context.clear_cookies()

    log_in_with_keyboard(page, PARTNER_ADMIN)
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.goto(f"/{DEMO_SLUG}/convenant/")
    page.locator("a", has_text="Onderteken het convenant").click()
    page.locator("#id_signer_function").fill("Teamleider Mediawijsheid")
    page.locator("button[type=submit]", has_text="Ondertekenen").click()
    page.wait_for_load_state()
    assert page.locator("#id_signer_function").input_value() == "Teamleider Mediawijsheid"
    assert_accessible(page)
    page.locator("label", has_text="namens mijn organisatie").click()
    page.locator("button[type=submit]", has_text="Ondertekenen").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/convenant/")
    assert page.locator(".utrecht-alert--ok").is_visible()
    assert page.locator("td", has_text="Teamleider Mediawijsheid").count() == 1
    page.goto(f"/{DEMO_SLUG}/convenant/afdrukken/")
    assert_accessible(page)
    assert_no_csp_violations(console)


def invitation_path(email: str) -> str:
    """The path of the newest invitation link mailed to ``email`` (locmem mail, same process)."""
    sent = [m for m in mail.outbox if email in m.to]
    assert sent, f"no mail to {email}"
    found = re.search(r"/account/uitnodiging/[^/\s]+/", str(sent[-1].body))
    assert found is not None, sent[-1].body
    return found.group(0)


def test_a_new_organisation_joins_signs_pledges_and_shows_on_the_dashboard(
    page: Page, console: list[str]
) -> None:
    contact = "sam@sportclub.example"
    page.goto(f"/{DEMO_SLUG}/sluit-aan/")
    page.locator("#id_organisation_name").fill("Sportclub Voorbeeldstad")
    page.locator("label", has_text="Bedrijfsleven").click()
    page.locator("#id_contact_name").fill("Sam de Boer")
    page.locator("#id_contact_email").fill(contact)
    page.locator("#id_motivation").fill("Onze trainers zien wat er in teamapps gebeurt.")
    page.locator("button[type=submit].utrecht-button--primary-action").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/sluit-aan/bedankt/")

    log_in_as_coordinator(page)
    page.goto(f"/{DEMO_SLUG}/beheer/aanmeldingen/")
    page.locator("a", has_text="Sportclub Voorbeeldstad").click()
    page.locator("button[name=decision][value=approve]").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    page.context.clear_cookies()

    page.goto(invitation_path(contact))
    page.locator("#id_full_name").fill("Sam de Boer")
    page.locator("#id_password1").fill(DEMO_PASSWORD)
    page.locator("#id_password2").fill(DEMO_PASSWORD)
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(f"**{MEMBER_HOME}")
    page.context.clear_cookies()
    log_in_with_keyboard(page, contact)
    page.wait_for_url(f"**{MEMBER_HOME}")

    page.locator("a", has_text="Jouw organisatie").click()
    page.locator("a", has_text="Profiel bewerken").click()
    page.locator("#id_description").fill("Sportclub met veertig vrijwillige trainers.")
    page.locator("#id_expertise").fill("Veilig sporten online")
    page.locator("button[type=submit]", has_text="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()
    page.locator("a", has_text="Borgingschecklist").click()
    page.locator("label", has_text="Onze eigen directie").click()
    page.locator("#id_contact_person").fill("Sam de Boer")
    page.locator("#id_embedded_since").fill("2999-01-01")
    page.locator("button[type=submit]", has_text="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#id_contact_person").input_value() == "Sam de Boer"
    assert page.locator("#id_embedded_since").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.locator("#id_embedded_since").fill("2024-09-01")
    page.locator("button[type=submit]", has_text="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-alert--ok").is_visible()

    page.goto(f"/{DEMO_SLUG}/convenant/")
    page.locator("a", has_text="Onderteken het convenant").click()
    page.locator("#id_signer_function").fill("Voorzitter")
    page.locator("label", has_text="namens mijn organisatie").click()
    page.locator("button[type=submit]", has_text="Ondertekenen").click()
    page.wait_for_url(f"**/{DEMO_SLUG}/convenant/")
    assert page.locator("td", has_text="Voorzitter").count() == 1

    page.locator("a", has_text="Toezeggingen van je organisatie").click()
    for kind, field, amount, what in (
        ("Tijd", "#id_hours", "20", "Trainers geven workshops"),
        ("Geld", "#id_euros", "750", "Bijdrage aan de campagne"),
    ):
        page.locator("label", has_text=kind).first.click()
        page.locator("#id_description").fill(what)
        page.locator(field).fill(amount)
        page.locator("button[type=submit]", has_text="Toezegging opslaan").click()
        page.wait_for_load_state()
        assert page.locator(".utrecht-alert--ok").is_visible()
    page.locator(".weerbaar-card", has_text="Trainers geven workshops").locator(
        "a", has_text="Levering vastleggen"
    ).click()
    page.locator("#id_description").fill("Eerste workshop")
    page.locator("#id_hours").fill("3")
    page.locator("button[type=submit]", has_text="Levering opslaan").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-unordered-list li", has_text="Eerste workshop").count() == 1
    page.context.clear_cookies()

    log_in_as_coordinator(page)
    page.locator("a", has_text="Dashboard").first.click()
    page.wait_for_url(f"**/{DEMO_SLUG}/beheer/dashboard/")
    business = page.locator(".weerbaar-chart tr", has_text="Bedrijfsleven")
    assert business.locator("td").inner_text() != "0"
    unsigned = page.locator("ul.utrecht-unordered-list", has_text="Sportclub Voorbeeldstad")
    assert unsigned.count() == 0
    assert page.locator("h2", has_text="Borging").count() == 1
    page.screenshot(path=SCREENSHOTS / "weerbaar-dashboard.png", full_page=True)
    assert_accessible(page)
    page.locator("a", has_text="Borging per partner").click()
    row = page.locator("tr", has_text="Sportclub Voorbeeldstad")
    assert row.locator("td").first.inner_text() == "Ja"
    assert_accessible(page)
    assert_no_csp_violations(console)
