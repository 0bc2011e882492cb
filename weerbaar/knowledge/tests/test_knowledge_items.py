from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase


def item_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": KnowledgeKind.ARTICLE,
        "themes": ["disinformation"],
        "target_groups": ["schools"],
        "title": "Nepnieuws herkennen",
        "summary": "Zo herken je nepnieuws.",
        "body": "Een **les** over bronnen.",
        "links": "",
        "author_organisation": None,
        "published_on": datetime.date(2026, 3, 1),
        "tags": "School, Bronnen, school",
        "visibility": Visibility.COALITION,
    }
    fields.update(overrides)
    return fields


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Gesprekken over complotdenken",
        "kind": KnowledgeKind.LESSON_LEARNED,
        "summary": "Wat we leerden.",
        "body": "Tekst <script>alert(1)</script>",
        "themes": ["polarisation"],
        "target_groups": ["young_12_18"],
        "links": "https://example.org/a\nhttps://example.org/b",
        "author_organisation": "",
        "published_on": "2026-04-01",
        "tags": " klas ,Gesprek ",
        "visibility": Visibility.PUBLIC,
    }
    data.update(overrides)
    return data


class KnowledgeItemsTestCase(PersonasTestCase):
    def test_it_lets_a_member_add_an_item_with_normalised_tags_and_an_audit_entry(self) -> None:
        client = self.log_in(self.cees)

        response = client.post(reverse("knowledge:create", args=["voorbeeldstad"]), form_data())

        item = KnowledgeItem.objects.get()
        self.assertRedirects(response, reverse("knowledge:item", args=["voorbeeldstad", item.pk]))
        self.assertEqual(item.coalition, self.coalition)
        self.assertEqual(item.created_by, self.cees)
        self.assertEqual(item.tags, "klas,gesprek")
        self.assertEqual(item.get_links(), ["https://example.org/a", "https://example.org/b"])
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.KNOWLEDGE_ITEM_CREATED).exists()
        )

    def test_it_sanitises_the_body(self) -> None:
        item = do_create_knowledge_item(
            self.cees, self.coalition, **item_fields(body="<script>alert(1)</script> **vet**")
        )
        client = self.log_in(self.cees)

        response = client.get(reverse("knowledge:item", args=["voorbeeldstad", item.pk]))

        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "<strong>vet</strong>")

    def test_it_keeps_input_and_refuses_a_bad_link(self) -> None:
        client = self.log_in(self.cees)

        response = client.post(
            reverse("knowledge:create", args=["voorbeeldstad"]),
            form_data(links="javascript:alert(1)", title="Mijn titel"),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mijn titel")
        self.assertFalse(KnowledgeItem.objects.exists())

    def test_it_lets_only_the_author_or_a_coordinator_edit(self) -> None:
        item = do_create_knowledge_item(self.cees, self.coalition, **item_fields())
        url = reverse("knowledge:edit", args=["voorbeeldstad", item.pk])

        self.assertEqual(self.log_in(self.femke).post(url, form_data()).status_code, 403)
        self.log_in(self.anna).post(url, form_data(title="Door Anna"))

        item.refresh_from_db()
        self.assertEqual(item.title, "Door Anna")
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.KNOWLEDGE_ITEM_UPDATED).exists()
        )

    def test_it_lets_a_coordinator_delete(self) -> None:
        item = do_create_knowledge_item(self.cees, self.coalition, **item_fields())
        url = reverse("knowledge:delete", args=["voorbeeldstad", item.pk])

        self.assertEqual(self.log_in(self.cees).post(url).status_code, 403)
        self.log_in(self.anna).post(url)

        self.assertFalse(KnowledgeItem.objects.exists())
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.KNOWLEDGE_ITEM_DELETED).exists()
        )

    def test_it_shows_visitors_public_items_only(self) -> None:
        do_create_knowledge_item(
            self.anna, self.coalition, **item_fields(title="Openbaar", visibility="public")
        )
        do_create_knowledge_item(self.anna, self.coalition, **item_fields(title="Intern"))

        response = self.client.get(reverse("knowledge:items", args=["voorbeeldstad"]))

        self.assertContains(response, "Openbaar")
        self.assertNotContains(response, "Intern")

    def test_it_shows_shared_items_read_only_with_attribution(self) -> None:
        shared = do_create_knowledge_item(
            self.dirk, self.other_coalition, **item_fields(title="Gedeeld", visibility="shared")
        )
        do_create_knowledge_item(
            self.dirk, self.other_coalition, **item_fields(title="Alleen Zeeland")
        )
        client = self.log_in(self.anna)

        listing = client.get(reverse("knowledge:items", args=["voorbeeldstad"]))
        detail = client.get(reverse("knowledge:item", args=["voorbeeldstad", shared.pk]))
        edit = client.get(reverse("knowledge:edit", args=["voorbeeldstad", shared.pk]))

        self.assertContains(listing, "Gedeeld")
        self.assertContains(listing, "Online Coalitie Zeeuwse Kust")
        self.assertNotContains(listing, "Alleen Zeeland")
        self.assertEqual(detail.status_code, 200)
        self.assertNotContains(detail, reverse("knowledge:edit", args=["voorbeeldstad", shared.pk]))
        self.assertEqual(edit.status_code, 404)
