"""Knowledge and interventions in a real browser, with axe: the "done when" of issue 4.

Uses the browser fixtures of ``weerbaar/components/tests/test_browser.py`` on the demo
installation. Run with ``pytest -m browser``; ``.ci/run`` runs this module on SQLite and on
PostgreSQL, because search has one backend for each.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from weerbaar.components.tests.test_browser import (
    COORDINATOR,
    MEMBER,
    MEMBER_HOME,
    assert_accessible,
    assert_no_csp_violations,
    current_totp,
    log_in_with_keyboard,
)
from weerbaar.dev.demo import DEMO_SLUG
from weerbaar.interventions.models import Experiment
from weerbaar.knowledge.choices import KnowledgeKind
from weerbaar.knowledge.models import Comment, KnowledgeItem

pytestmark = pytest.mark.browser

SHARED_LESSON = "Complottheorieën over windparken op zee"


def test_a_member_finds_a_shared_lesson_by_an_inflected_word_opens_it_and_reacts(
    page: Page, console: list[str]
) -> None:
    log_in_with_keyboard(page, MEMBER)
    page.wait_for_url(f"**{MEMBER_HOME}")
    assert_accessible(page)

    page.goto(f"/{DEMO_SLUG}/kennis/zoeken/")
    page.get_by_label("Zoek naar").fill("windpark")
    # Live results (htmx) as the member types; the plain submit is tested in test_search.py.
    result = page.locator("#knowledge-results").get_by_role("link", name=SHARED_LESSON)
    expect(result).to_be_visible()
    expect(page.locator("#knowledge-results")).to_contain_text("van Online Coalitie Zeeuwse Kust")
    assert_accessible(page)

    result.click()
    page.wait_for_url("**/kennis/*/")
    expect(page.locator("main h1")).to_have_text(SHARED_LESSON)
    expect(page.locator("main")).to_contain_text("Gedeeld door Online Coalitie Zeeuwse Kust")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="verslag-informatieavond-windpark.pdf").click()
    assert download.value.suggested_filename == "verslag-informatieavond-windpark.pdf"
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"

    page.get_by_label("Je reactie").fill("Herkenbaar: bij ons ging het over **5G-masten**.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.wait_for_load_state()
    reaction = page.locator(".weerbaar-comment").filter(has_text="5G-masten")
    expect(reaction.locator("strong")).to_have_text("5G-masten")
    assert Comment.objects.filter(item__title=SHARED_LESSON).count() == 1
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_a_coordinator_records_an_experiment_and_its_lesson_appears_in_the_knowledge_base(
    page: Page, console: list[str]
) -> None:
    log_in_with_keyboard(page, COORDINATOR)
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.locator("#id_token").fill(current_totp(COORDINATOR))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{MEMBER_HOME}")

    page.goto(f"/{DEMO_SLUG}/interventies/")
    expect(page.locator("main")).to_contain_text("Stedelijk College (werkte deels)")
    page.get_by_label("Soort").select_option("game")
    expect(page.locator("#intervention-results .weerbaar-card")).to_have_count(2)
    assert_accessible(page)

    page.locator("#intervention-results").get_by_role("link", name="Echt of Nep?").click()
    page.wait_for_url("**/interventies/*/")
    assert_accessible(page)
    page.get_by_role("link", name="Experiment vastleggen").click()
    page.get_by_label("Vraag of verwachting").fill(
        "Herkennen ouders na één speelavond meer kenmerken van nepnieuws?"
    )
    page.get_by_label("Waar").fill("Buurthuis De Brug")
    page.get_by_label("Met wie").fill("Ouders en kinderen, 30 deelnemers")
    page.get_by_label("Begin").fill("2026-09-01")
    page.get_by_label("Status").select_option("running")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/experimenten/*/")
    assert_accessible(page)

    page.get_by_role("link", name="Afronden en de lessen delen").click()
    page.get_by_label("Lessen").fill(
        "Ouders raadden vaker goed als hun kind de kaarten uitlegde. Speel in gemengde "
        "groepjes van ouders en kinderen."
    )
    page.get_by_label("Resultaat").select_option("positive")
    page.get_by_role("button", name="Afronden en delen").click()
    page.wait_for_url("**/experimenten/*/")
    expect(page.locator("main")).to_contain_text("Afgerond")

    page.get_by_role("link", name="De geleerde les in de kennisbank").click()
    page.wait_for_url("**/kennis/*/")
    expect(page.locator("main h1")).to_have_text("Geleerd met Echt of Nep? in Buurthuis De Brug")
    expect(page.locator("main")).to_contain_text("Geleerd in een experiment:")
    assert_accessible(page)
    experiment = Experiment.objects.get(location="Buurthuis De Brug")
    assert experiment.lesson_item is not None
    assert experiment.lesson_item.kind == KnowledgeKind.LESSON_LEARNED

    # And search finds it by an inflected form.
    page.goto(f"/{DEMO_SLUG}/kennis/zoeken/?q=groepje")
    expect(
        page.get_by_role("link", name="Geleerd met Echt of Nep? in Buurthuis De Brug")
    ).to_be_visible()
    assert KnowledgeItem.objects.filter(source_experiment=experiment).exists()
    assert_no_csp_violations(console)
