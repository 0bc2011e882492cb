from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from weerbaar.coalitions.models import Coalition
from weerbaar.signals.actions import do_train_all_theme_models, do_train_theme_model


class Command(BaseCommand):
    help = (
        "Train the theme model of every coalition with newly confirmed themes (the nightly job "
        "does the same), or of one coalition with --coalition, whatever changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--coalition", help="slug of one coalition to train now")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["coalition"]:
            coalition = Coalition.objects.get(slug=options["coalition"])
            record = do_train_theme_model(None, coalition)
            self.stdout.write(f"Trained model {record.pk} on {record.own_examples} own labels.")
            return
        self.stdout.write(f"{do_train_all_theme_models()} coalition(s) trained.")
