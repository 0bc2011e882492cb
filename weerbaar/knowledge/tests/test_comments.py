from __future__ import annotations

from html.parser import HTMLParser

from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.knowledge.actions import do_add_comment, do_create_knowledge_item
from weerbaar.knowledge.models import Comment, KnowledgeItem
from weerbaar.knowledge.tests.test_knowledge_items import item_fields
from weerbaar.lib.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown
from weerbaar.lib.testing import PersonasTestCase


class CommentsTestCase(PersonasTestCase):
    item: KnowledgeItem
    shared: KnowledgeItem

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.item = do_create_knowledge_item(cls.bram, cls.coalition, **item_fields())
        cls.shared = do_create_knowledge_item(
            cls.dirk, cls.other_coalition, **item_fields(title="Gedeeld", visibility="shared")
        )

    def url(self, name: str, *args: int, slug: str = "voorbeeldstad") -> str:
        return reverse(f"knowledge:{name}", args=[slug, *args])

    def test_a_member_reacts_the_author_is_mailed_and_it_is_audited(self) -> None:
        client = self.log_in(self.cees)

        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(
                self.url("add_comment", self.item.pk),
                {"body": "Goed stuk! <script>alert(1)</script> **Dank**"},
            )

        comment = Comment.objects.get()
        self.assertRedirects(response, self.url("item", self.item.pk) + f"#reactie-{comment.pk}")
        self.assertEqual([m.to for m in mail.outbox], [[self.bram.email]])
        self.assertIn("Goed stuk", mail.outbox[0].body)
        page = client.get(self.url("item", self.item.pk))
        self.assertContains(page, "<strong>Dank</strong>")
        self.assertNotContains(page, "<script>alert(1)")
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.KNOWLEDGE_COMMENT_ADDED).exists()
        )

    def test_replies_stay_one_level_deep_and_the_reacted_to_hears_of_it(self) -> None:
        top = do_add_comment(self.cees, self.coalition, self.item, "Eerste")
        reply = do_add_comment(self.femke, self.coalition, self.item, "Antwoord", parent=top)
        client = self.log_in(self.anna)

        with self.captureOnCommitCallbacks(execute=True):
            client.post(
                self.url("add_comment", self.item.pk), {"body": "Nog een", "parent": reply.pk}
            )

        latest = Comment.objects.latest("pk")
        self.assertEqual(latest.parent, top)
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), sorted([self.bram.email, self.cees.email])
        )

    def test_an_empty_reaction_keeps_nothing_and_says_why(self) -> None:
        response = self.log_in(self.cees).post(
            self.url("add_comment", self.item.pk), {"body": "   "}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Schrijf iets")
        self.assertFalse(Comment.objects.exists())

    def test_only_the_author_edits_and_a_coordinator_moderates(self) -> None:
        comment = do_add_comment(self.cees, self.coalition, self.item, "Origineel")

        refused = self.log_in(self.femke).post(
            self.url("edit_comment", self.item.pk, comment.pk), {"body": "Gekaapt"}
        )
        refused_removal = self.log_in(self.femke).post(
            self.url("remove_comment", self.item.pk, comment.pk)
        )
        self.log_in(self.cees).post(
            self.url("edit_comment", self.item.pk, comment.pk), {"body": "Aangepast"}
        )
        comment.refresh_from_db()
        self.assertEqual(comment.body, "Aangepast")
        self.assertIsNotNone(comment.edited_at)
        self.log_in(self.anna).post(self.url("remove_comment", self.item.pk, comment.pk))

        comment.refresh_from_db()
        self.assertEqual(refused.status_code, 403)
        self.assertEqual(refused_removal.status_code, 403)
        self.assertTrue(comment.is_removed())
        self.assertTrue(comment.removed_by_moderator)
        self.assertEqual(comment.body, "")
        page = self.log_in(self.cees).get(self.url("item", self.item.pk))
        self.assertContains(page, "verwijderd door een coördinator")

    def test_members_of_another_coalition_react_to_a_shared_item(self) -> None:
        client = self.log_in(self.cees)

        with self.captureOnCommitCallbacks(execute=True):
            client.post(self.url("add_comment", self.shared.pk), {"body": "Herkenbaar!"})

        comment = Comment.objects.get()
        self.assertEqual(comment.coalition, self.coalition)
        self.assertEqual([m.to for m in mail.outbox], [[self.dirk.email]])
        self.assertIn("/zeeuwse-kust/kennis/", mail.outbox[0].body)
        # Dirk sees it in his own coalition with the other coalition's name.
        page = self.log_in(self.dirk).get(self.url("item", self.shared.pk, slug="zeeuwse-kust"))
        self.assertContains(page, "Herkenbaar!")
        self.assertContains(page, "Online Coalitie Voorbeeldstad")

    def test_visitors_see_no_reactions(self) -> None:
        public = do_create_knowledge_item(
            self.anna, self.coalition, **item_fields(visibility="public")
        )
        do_add_comment(self.cees, self.coalition, public, "Alleen voor leden")

        page = self.client.get(self.url("item", public.pk))

        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "Alleen voor leden")

    def test_unreadable_items_cannot_be_reacted_to(self) -> None:
        private = do_create_knowledge_item(self.dirk, self.other_coalition, **item_fields())

        response = self.log_in(self.cees).post(
            self.url("add_comment", private.pk), {"body": "Hallo"}
        )

        self.assertEqual(response.status_code, 404)


class SanitiserPropertyTestCase(HypothesisTestCase):
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.text(max_size=200)
        | st.sampled_from(
            [
                "<script>alert(1)</script>",
                "[x](javascript:alert(1))",
                '<img src=x onerror="alert(1)">',
                "<a href='javascript:alert(1)'>x</a>",
                "<iframe src=//evil></iframe>",
            ]
        ).flatmap(lambda bad: st.text(max_size=50).map(lambda pre: pre + bad))
    )
    def test_the_sanitiser_never_lets_script_through(self, text: str) -> None:
        parser = _Collector()
        parser.feed(render_markdown(text))

        for tag, attrs in parser.found:
            self.assertIn(tag, ALLOWED_TAGS)
            for name, value in attrs:
                self.assertIn(name, ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"})
                if name == "href":
                    scheme = (value or "").split(":", 1)[0].lower() if ":" in (value or "") else ""
                    self.assertIn(scheme, {"", "http", "https", "mailto"})


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))
