"""Batch use of the text engine: ``python -m weerbaar.text redact|classify|cluster``.

Each command reads JSON lines ``{"id": ..., "text": ...}`` on standard input and writes one JSON
line per input line on standard output:

* ``redact``: ``{"id", "text", "spans": [{"start", "end", "kind"}]}`` — the redacted text, spans
  as offsets in the original text;
* ``classify``: ``{"id", "themes": [[theme, probability], ...]}`` — the top 3 (``--top N``) of
  the bootstrap model, or of a model file written by ``ThemeModel.to_bytes`` (``--model PATH``);
* ``cluster``: ``{"id", "cluster", "similarity"}`` — lines are taken in order; a line joins the
  cluster of the most similar earlier line when the similarity reaches ``--threshold`` (0.6),
  otherwise it starts a cluster named after its own id (similarity ``null``).

A line that is not a JSON object with a string ``text`` is reported on standard error with its
line number and skipped; the exit status is then 1. See docs/text-engine.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import IO, Any

from weerbaar.text.classify import ThemeModel, bootstrap_model
from weerbaar.text.redaction import redact
from weerbaar.text.similarity import NearDuplicateIndex


class _Problems:
    def __init__(self, errors: IO[str]) -> None:
        self.errors = errors
        self.count = 0

    def report(self, number: int, message: str) -> None:
        self.count += 1
        print(f"line {number}: {message}", file=self.errors)


def _records(lines: IO[str], problems: _Problems) -> Iterator[tuple[Any, str]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.report(number, f"not JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.report(number, 'expected an object with a string "text"')
            continue
        yield record.get("id", number), record["text"]


def _write(output: IO[str], payload: dict[str, Any]) -> None:
    output.write(json.dumps(payload, ensure_ascii=False) + "\n")


def run(argv: list[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m weerbaar.text", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("redact", help="replace personal data with typed placeholders")
    classify = commands.add_parser("classify", help="suggest themes with probabilities")
    classify.add_argument("--model", type=Path, help="a model file (JSON) instead of bootstrap")
    classify.add_argument("--top", type=int, default=3, help="how many themes (3)")
    cluster = commands.add_parser("cluster", help="group near-duplicate texts")
    cluster.add_argument("--threshold", type=float, default=0.6, help="join at this (0.6)")
    args = parser.parse_args(argv)
    problems = _Problems(stderr)

    if args.command == "redact":
        for key, text in _records(stdin, problems):
            result = redact(text)
            spans = [{"start": s.start, "end": s.end, "kind": s.kind} for s in result.spans]
            _write(stdout, {"id": key, "text": result.text, "spans": spans})
    elif args.command == "classify":
        if args.model is None:
            model = bootstrap_model()
        else:
            try:
                model = ThemeModel.from_bytes(args.model.read_bytes())
            except (OSError, ValueError) as error:
                print(f"{args.model}: {error}", file=stderr)
                return 2
        for key, text in _records(stdin, problems):
            themes = [[theme, p] for theme, p in model.top(text, max(1, args.top))]
            _write(stdout, {"id": key, "themes": themes})
    else:
        if not 0 < args.threshold <= 1:
            print("--threshold must be in (0, 1]", file=stderr)
            return 2
        index = NearDuplicateIndex(threshold=args.threshold)
        cluster_of: dict[Hashable, Any] = {}
        for position, (key, text) in enumerate(_records(stdin, problems)):
            matches = index.query(text, limit=1)
            if matches:
                best = matches[0]
                cluster_of[position] = cluster_of[best.key]
                _write(
                    stdout,
                    {"id": key, "cluster": cluster_of[position], "similarity": best.similarity},
                )
            else:
                cluster_of[position] = key
                _write(stdout, {"id": key, "cluster": key, "similarity": None})
            index.add(position, text)
    return 1 if problems.count else 0


def main() -> int:
    return run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
