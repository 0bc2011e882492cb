"""Rebuild SQLite's search index with the ``dutch_porter`` stemmer (PostgreSQL's algorithm).

Stems here are made the way ``knowledge.search.get_shadow_text`` makes them at the time of
writing, so the migration does not depend on later changes to that module. PostgreSQL keeps
its ``search_vector`` column, which never changed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.db import migrations

_WORD = re.compile(r"\w+")


def _stem(stemmer: Any, word: str) -> str:
    stemmed = stemmer.stemWord(word.lower())
    normalised = unicodedata.normalize("NFKD", stemmed)
    return "".join(c for c in normalised if not unicodedata.combining(c))


def reindex(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        return
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("dutch_porter")
    item_model = apps.get_model("knowledge", "KnowledgeItem")
    rows = []
    for item in item_model.objects.all().iterator():
        text = "\n".join([item.title, item.summary, item.body, item.tags.replace(",", " ")])
        rows.append((item.pk, " ".join(_stem(stemmer, w) for w in _WORD.findall(text))))
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_search")
        cursor.executemany("INSERT INTO knowledge_search (rowid, content) VALUES (%s, %s)", rows)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_comments")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
