from __future__ import annotations

import io

from django.core.management import call_command
from django.test import override_settings

from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.actions import do_confirm_themes, do_train_all_theme_models
from weerbaar.signals.models import ClassifierModel
from weerbaar.signals.tests.helpers import report

SEXTORTION = "Een jongen wordt via Snapchat afgeperst met naaktfoto's; hij moet 300 euro betalen."


class ThemeModelTestCase(PersonasTestCase):
    def test_it_suggests_three_themes_with_probabilities(self) -> None:
        signal = report(self.cees, self.coalition, SEXTORTION)

        themes = [theme for theme, _p in signal.suggested_themes]
        self.assertEqual(len(themes), 3)
        self.assertEqual(themes[0], "sextortion")
        self.assertTrue(all(0 <= p <= 1 for _t, p in signal.suggested_themes))

    def test_it_preselects_the_best_theme_only_above_the_threshold(self) -> None:
        signal = report(self.cees, self.coalition, SEXTORTION)
        self.log_in(self.femke)

        with override_settings(SIGNAL_THEME_CONFIDENCE_PERCENT=1):
            sure = self.client.get(f"/voorbeeldstad/signalen/{signal.pk}/")
        with override_settings(SIGNAL_THEME_CONFIDENCE_PERCENT=100):
            unsure = self.client.get(f"/voorbeeldstad/signalen/{signal.pk}/")

        self.assertEqual(sure.context["themes_form"].initial["themes"], ["sextortion"])
        self.assertEqual(unsure.context["themes_form"].initial["themes"], [])

    def test_it_retrains_on_corrections_and_publishes_a_model_card(self) -> None:
        signal = report(
            self.cees, self.coalition, "Jongeren gamen tot diep in de nacht in Fortnite."
        )
        do_confirm_themes(self.femke, signal, ["gaming"])
        self.assertEqual(do_train_all_theme_models(), 1)
        self.assertEqual(do_train_all_theme_models(), 0)  # nothing new since
        model = ClassifierModel.objects.get(coalition=self.coalition)
        self.assertEqual(model.own_examples, 1)
        self.log_in(self.cees)

        card = self.client.get("/voorbeeldstad/signalen/themamodel/")

        self.assertEqual(card.status_code, 200)
        self.assertTrue(card.context["rows"])
        labels = card.context["labels"]
        self.assertEqual(len(card.context["confusion"]), len(labels))
        self.assertFalse(card.context["may_train"])

    def test_it_trains_from_the_command_and_the_analysts_button(self) -> None:
        out = io.StringIO()
        call_command("train_theme_models", "--coalition", "voorbeeldstad", stdout=out)
        self.assertIn("Trained model", out.getvalue())
        self.log_in(self.femke)

        response = self.client.post("/voorbeeldstad/signalen/themamodel/trainen/")

        self.assertEqual(response.status_code, 302)
        self.assertEqual(ClassifierModel.objects.filter(coalition=self.coalition).count(), 2)
        signal = report(self.cees, self.coalition, SEXTORTION)
        self.assertEqual(signal.suggested_themes[0][0], "sextortion")
