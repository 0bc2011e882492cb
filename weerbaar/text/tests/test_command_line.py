from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import TestCase

from weerbaar.text.__main__ import run
from weerbaar.text.classify import ThemeModel


def call(*argv: str, stdin: str) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), io.StringIO(stdin), out, err)
    return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


class CommandLineTests(TestCase):
    def test_it_redacts_json_lines(self) -> None:
        status, lines, errors = call(
            "redact", stdin='{"id": 7, "text": "Bel Daan op 06-12345678"}\n'
        )
        self.assertEqual((status, errors), (0, ""))
        self.assertEqual(
            lines,
            [
                {
                    "id": 7,
                    "text": "Bel [naam] op [telefoon]",
                    "spans": [
                        {"start": 4, "end": 8, "kind": "naam"},
                        {"start": 12, "end": 23, "kind": "telefoon"},
                    ],
                }
            ],
        )

    def test_it_classifies_with_the_bootstrap_model_or_a_model_file(self) -> None:
        status, lines, _ = call(
            "classify", stdin='{"id": "a", "text": "afgeperst met een naaktfoto via insta"}\n'
        )
        self.assertEqual(status, 0)
        self.assertEqual(lines[0]["id"], "a")
        themes = lines[0]["themes"]
        assert isinstance(themes, list)
        self.assertEqual(len(themes), 3)
        self.assertEqual(themes[0][0], "sextortion")
        model = ThemeModel.train([("lootbox", "gaming"), ("nepnieuws", "disinformation")])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "model.json"
            path.write_bytes(model.to_bytes())
            status, lines, _ = call(
                "classify", "--model", str(path), "--top", "1", stdin='{"text": "lootbox"}\n'
            )
            self.assertEqual(status, 0)
            themes = lines[0]["themes"]
            assert isinstance(themes, list)
            self.assertEqual((lines[0]["id"], [t[0] for t in themes]), (1, ["gaming"]))
            path.write_bytes(b"\x80\x03pickle")
            status, lines, errors = call("classify", "--model", str(path), stdin="")
            self.assertEqual(status, 2)
            self.assertIn("theme model", errors)

    def test_it_clusters_rewrites_of_one_rumour(self) -> None:
        texts = [
            "Leerlingen delen een TikTok-filmpje dat zegt dat de vaccinaties chips bevatten.",
            "Ouders maken zich zorgen over lootboxen in een voetbalgame.",
            "Jongeren sturen een TikTok video door: in de vaccins zouden chips zitten.",
        ]
        stdin = "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(texts))
        status, lines, _ = call("cluster", "--threshold", "0.35", stdin=stdin)
        self.assertEqual(status, 0)
        self.assertEqual([line["cluster"] for line in lines], ["s0", "s1", "s0"])
        self.assertIsNone(lines[0]["similarity"])

    def test_it_reports_bad_lines_and_goes_on(self) -> None:
        status, lines, errors = call(
            "redact", stdin='not json\n{"id": 2}\n[1]\n\n{"id": 3, "text": "ok"}\n'
        )
        self.assertEqual(status, 1)
        self.assertEqual(lines, [{"id": 3, "text": "ok", "spans": []}])
        self.assertIn("line 1: not JSON", errors)
        self.assertIn("line 2:", errors)
        self.assertIn("line 3:", errors)

    def test_it_runs_as_a_module(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "weerbaar.text", "redact"],
            input='{"id": 1, "text": "mail jan@example.nl"}\n',
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertEqual(json.loads(result.stdout)["text"], "mail [e-mail]")
