from __future__ import annotations

from typing import Any

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.coalitions.models import Area
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.models import Signal

RAW = (
    "Mijn leerling Daan wordt op Instagram afgeperst met naaktfoto's door @lover_boy_22. "
    "Bel hem op 06-12345678."
)


class IntakeTestCase(PersonasTestCase):
    def url(self, name: str = "nieuw/") -> str:
        return f"/voorbeeldstad/signalen/{name}"

    def fields(self, **changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": RAW,
            "platforms": ["instagram"],
            "space": "closed",
            "age_group": "12_15",
            "area": str(self.coalition.areas.get(name="Binnenstad").pk),
            "first_seen": "2026-01-05",
            "urgency": "urgent",
            "actions_taken": "Gesprek gehad met de leerling en de ouders.",
        }
        data.update(changes)
        return data

    def test_it_shows_the_redacted_text_before_saving_anything(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(self.url(), self.fields())

        self.assertTrue(response.context["confirming"])
        self.assertContains(response, "[telefoon]")
        self.assertNotContains(response, "06-12345678")
        self.assertNotContains(response, "lover_boy_22")
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_saves_the_redacted_text_after_confirmation(self) -> None:
        self.log_in(self.cees)
        check = self.client.post(self.url(), self.fields())
        redacted = check.context["form"].data["text"]

        response = self.client.post(
            self.url(), self.fields(text=redacted, actions_taken="Gesprek gehad.", step="confirm")
        )

        signal = Signal.objects.get()
        self.assertRedirects(response, f"/voorbeeldstad/signalen/mijn/{signal.pk}/")
        self.assertEqual(signal.text, redacted)
        self.assertNotIn("Daan", signal.text)
        self.assertEqual(signal.reporter, self.cees)
        self.assertEqual(signal.platforms, ["instagram"])
        self.assertEqual(len(signal.suggested_themes), 3)
        self.assertIsNotNone(signal.deadline)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.SIGNAL_REPORTED, object_id=signal.pk)
        )

    def test_it_checks_again_when_the_reporter_adds_personal_data_on_the_check_step(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(self.url(), self.fields(step="confirm"))

        self.assertTrue(response.context["changed_again"])
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_keeps_input_and_says_what_to_fix(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(self.url(), self.fields(platforms=[], urgency=""))

        self.assertContains(response, "is bewaard", status_code=200)
        self.assertContains(response, "[telefoon]")
        self.assertNotContains(response, "06-12345678")
        self.assertContains(response, 'aria-invalid="true"')
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_refuses_empty_huge_and_link_only_texts(self) -> None:
        self.log_in(self.cees)
        for text in ("", "   ", "x" * 20_001, "https://www.instagram.com/iemand", "😀😀😀"):
            with self.subTest(text=text[:20]):
                response = self.client.post(self.url(), self.fields(text=text))

                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["form"].errors["text"])
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_accepts_emoji_and_mixed_languages(self) -> None:
        self.log_in(self.cees)
        text = "Kids sharen een 'challenge' 😬 op TikTok waarbij ze zichzelf pijn doen, very viral."

        response = self.client.post(self.url(), self.fields(text=text, step="confirm"))

        self.assertEqual(Signal.objects.get().text, text)
        self.assertEqual(response.status_code, 302)

    def test_it_shows_the_escalation_route_for_acute_danger_and_still_records(self) -> None:
        self.log_in(self.cees)
        text = "Er wordt in een groepsapp opgeroepen om morgen bij de school te gaan vechten."

        check = self.client.post(self.url(), self.fields(text=text, urgency="acute"))
        response = self.client.post(
            self.url(), self.fields(text=text, urgency="acute", step="confirm"), follow=True
        )

        for page in (check, response):
            self.assertContains(page, "112")
            self.assertContains(page, "0800-2000")
            self.assertContains(page, "0900-8844")
            self.assertContains(page, "Zorg- en Veiligheidshuis")
        signal = Signal.objects.get()
        self.assertEqual(signal.urgency, "acute")
        self.assertEqual(signal.deadline, signal.created_at.date())

    def test_it_previews_the_redacted_text_for_htmx(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(self.url("nieuw/voorbeeld/"), {"text": RAW})

        self.assertContains(response, "[telefoon]")
        self.assertNotContains(response, "06-12345678")

    def test_it_takes_areas_from_this_coalition_only(self) -> None:
        self.log_in(self.cees)
        other_area = self.other_coalition.areas.get()

        response = self.client.post(
            self.url(), self.fields(area=str(other_area.pk), step="confirm")
        )

        self.assertTrue(response.context["form"].errors["area"])

    def test_it_shows_the_reporter_only_their_own_signals(self) -> None:
        self.log_in(self.cees)
        self.client.post(
            self.url(),
            self.fields(text="Nepnieuws over de school gaat rond op TikTok.", step="confirm"),
        )
        signal = Signal.objects.get()

        home = self.client.get("/voorbeeldstad/signalen/")
        self.log_in(self.bram)
        refused = self.client.get(f"/voorbeeldstad/signalen/mijn/{signal.pk}/")

        self.assertContains(home, f"/voorbeeldstad/signalen/mijn/{signal.pk}/")
        self.assertEqual(refused.status_code, 403)

    def test_it_keeps_the_coalitions_own_district_names(self) -> None:
        Area.objects.create(coalition=self.coalition, name="De Heuvels")
        self.log_in(self.cees)
        text = "Een groep uit De Heuvels wil wraak nemen; Daan de Vries (06-12345678) begon."

        response = self.client.post(self.url(), self.fields(text=text))

        shown = response.context["redacted_text"]
        self.assertIn("De Heuvels", shown)
        self.assertNotIn("Vries", shown)
        self.assertNotIn("12345678", shown)

    def test_it_previews_nothing_for_a_huge_text_without_failing(self) -> None:
        self.log_in(self.cees)

        response = self.client.post(self.url("nieuw/voorbeeld/"), {"text": "a " * 30_000})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["redacted_text"], "")
