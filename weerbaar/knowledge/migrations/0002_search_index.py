"""The search index, which differs per database (see knowledge/search.py).

Made with RunPython rather than declared on the model, so that the model state is the same on
both databases and ``makemigrations --check`` stays clean on each.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def create_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # Full-text search: search_vector @@ to_tsquery('dutch', …).
        schema_editor.execute(
            "CREATE INDEX knowledge_search_vector ON knowledge_knowledgeitem "
            "USING gin (search_vector)"
        )
    else:
        # rowid is the item id; content is the Dutch-stemmed shadow text.
        schema_editor.execute("CREATE VIRTUAL TABLE knowledge_search USING fts5(content)")


def drop_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_search_vector")
    else:
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_search")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
