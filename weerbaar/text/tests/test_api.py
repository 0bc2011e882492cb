from __future__ import annotations

from unittest import TestCase

from weerbaar.text import redact
from weerbaar.text.classify import ThemeModel, bootstrap_model
from weerbaar.text.similarity import NearDuplicateIndex, text_similarity, tokens


class TextApiTests(TestCase):
    def test_it_redacts_a_phone_number_with_a_typed_placeholder(self) -> None:
        result = redact("Bel 06-12345678 vandaag")
        self.assertEqual(result.text, "Bel [telefoon] vandaag")
        self.assertEqual([(s.start, s.end, s.kind) for s in result.spans], [(4, 15, "telefoon")])

    def test_it_suggests_three_themes_and_round_trips_through_json(self) -> None:
        model = bootstrap_model()
        top = model.top("Een jongen wordt afgeperst met een naaktfoto", n=3)
        self.assertEqual(len(top), 3)
        again = ThemeModel.from_bytes(model.to_bytes())
        self.assertEqual(
            again.top("Kinderen gamen de hele nacht"), model.top("Kinderen gamen de hele nacht")
        )

    def test_it_finds_a_rewrite_of_the_same_rumour(self) -> None:
        index = NearDuplicateIndex(threshold=0.4)
        index.add(1, "Leerlingen delen een TikTok-filmpje dat zegt dat vaccinaties chips bevatten")
        index.add(2, "Een jongen wordt op Roblox gepest door klasgenoten")
        matches = index.query("Jongeren delen een filmpje op TikTok: in de vaccinatie zitten chips")
        self.assertEqual([m.key for m in matches], [1])
        self.assertGreater(text_similarity("chips in vaccins", "chips in vaccins"), 0.99)
        self.assertEqual(tokens("TikTok-filmpjes"), ["tiktok", "film"])
