from __future__ import annotations

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.interventions.actions import (
    do_create_experiment,
    do_create_intervention,
    do_finish_experiment,
)
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.knowledge.tests.test_knowledge_items import item_fields
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.updates.actions import do_send_weekly_digests, do_set_digest_subscription
from weerbaar.updates.models import DigestSubscription, Visit
from weerbaar.updates.registry import Update, UpdateSource, collect_updates, get_sources, register


def backdate(item: KnowledgeItem, days: int) -> None:
    KnowledgeItem.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


class MemberHomeTestCase(PersonasTestCase):
    def test_the_home_shows_what_is_new_since_the_last_visit(self) -> None:
        home = reverse("coalitions:member_home", args=["voorbeeldstad"])
        old = do_create_knowledge_item(self.anna, self.coalition, **item_fields(title="Oud stuk"))
        backdate(old, 30)
        do_create_knowledge_item(self.anna, self.coalition, **item_fields(title="Vers stuk"))
        do_create_knowledge_item(self.cees, self.coalition, **item_fields(title="Van mezelf"))
        do_create_knowledge_item(
            self.dirk,
            self.other_coalition,
            **item_fields(title="Gedeeld uit Zeeland", visibility="shared"),
        )
        do_create_knowledge_item(
            self.dirk, self.other_coalition, **item_fields(title="Alleen Zeeland")
        )
        do_create_intervention(
            self.anna,
            self.coalition,
            name="Samen Verschillen",
            summary="Een app.",
            kind="app",
        )
        client = self.log_in(self.cees)

        first = client.get(home)

        self.assertContains(first, "Nieuw in de afgelopen twee weken")
        self.assertContains(first, "Vers stuk")
        self.assertContains(first, "Gedeeld uit Zeeland")
        self.assertContains(first, "van Online Coalitie Zeeuwse Kust")
        self.assertContains(first, "Samen Verschillen")
        self.assertNotContains(first, "Oud stuk")
        self.assertNotContains(first, "Van mezelf")
        self.assertNotContains(first, "Alleen Zeeland")
        # Within the session the list stays; a new session starts from the last visit.
        self.assertContains(client.get(home), "Vers stuk")
        later = self.log_in(self.cees, client=Client())
        again = later.get(home)
        self.assertContains(again, "Nieuw sinds je vorige bezoek")
        self.assertNotContains(again, "Vers stuk")
        self.assertEqual(Visit.objects.filter(user=self.cees).count(), 1)

    def test_an_event_source_can_plug_in(self) -> None:
        def collect(coalition, user, since, limit):  # type: ignore[no-untyped-def]
            return [Update("Ouderavond", "/x/", timezone.now(), "Bijeenkomst")]

        before = get_sources()
        register(UpdateSource("test-events", "Activiteiten", collect))
        try:
            groups = collect_updates(self.coalition, self.cees, timezone.now())
        finally:
            from weerbaar.updates import registry

            registry._SOURCES.pop("test-events")
        self.assertEqual([g.source.key for g in groups], ["test-events"])
        self.assertEqual(get_sources(), before)


class DigestTestCase(PersonasTestCase):
    def test_a_member_opts_in_through_the_page_and_it_is_audited(self) -> None:
        client = self.log_in(self.cees)
        url = reverse("updates:digest", args=["voorbeeldstad"])

        client.post(url, {"subscribed": "on"})
        self.assertTrue(DigestSubscription.objects.filter(user=self.cees).exists())
        client.post(url, {})

        self.assertFalse(DigestSubscription.objects.exists())
        self.assertEqual(
            list(
                AuditEntry.objects.filter(
                    action__in=[AuditAction.DIGEST_SUBSCRIBED, AuditAction.DIGEST_UNSUBSCRIBED]
                )
                .order_by("pk")
                .values_list("action", flat=True)
            ),
            [AuditAction.DIGEST_SUBSCRIBED, AuditAction.DIGEST_UNSUBSCRIBED],
        )

    def test_the_weekly_digest_mails_only_subscribers_with_news_once(self) -> None:
        do_set_digest_subscription(self.cees, self.coalition, True)
        do_set_digest_subscription(self.femke, self.coalition, True)
        do_set_digest_subscription(self.dirk, self.other_coalition, True)
        intervention = do_create_intervention(
            self.anna,
            self.coalition,
            name="Filterbubbel.nl",
            summary="Een website.",
            kind="website",
        )
        experiment = do_create_experiment(
            self.anna,
            intervention,
            question="Helpt het?",
            location="Bibliotheek Noord",
            participants="Ouders",
            starts_on=datetime.date(2026, 1, 1),
        )
        do_finish_experiment(
            self.anna, experiment, results="", lessons="Kort houden.", outcome="positive"
        )

        sent = do_send_weekly_digests()
        again = do_send_weekly_digests()

        self.assertEqual(sent, 2)  # Cees and Femke; Zeeland has nothing new for Dirk
        self.assertEqual(again, 0)
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), sorted([self.cees.email, self.femke.email])
        )
        body = mail.outbox[0].body
        self.assertIn("Filterbubbel.nl", body)
        self.assertIn("Bibliotheek Noord", body)
        self.assertIn("/voorbeeldstad/weekoverzicht/", body)

    def test_the_command_sends_the_digest(self) -> None:
        do_set_digest_subscription(self.cees, self.coalition, True)
        do_create_knowledge_item(self.anna, self.coalition, **item_fields(title="Nieuw"))
        out = StringIO()

        call_command("send_weekly_digest", stdout=out)

        self.assertIn("1 digest(s) sent.", out.getvalue())
        self.assertEqual(len(mail.outbox), 1)
