from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.campaigns.actions import do_create_campaign
from weerbaar.campaigns.tests.test_campaigns import campaign_fields
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase, create_member
from weerbaar.newsflash.actions import do_create_newsflash, do_set_subscription
from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus
from weerbaar.newsflash.models import Newsflash, NewsflashSubscription
from weerbaar.newsflash.tokens import make_unsubscribe_token
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner


class NewsflashTestCase(PersonasTestCase):
    item: KnowledgeItem

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.item = do_create_knowledge_item(
            cls.cees,
            cls.coalition,
            kind=KnowledgeKind.ARTICLE,
            themes=[],
            target_groups=[],
            title="Complotdenken in de klas",
            summary="Wat docenten leerden.",
            body="",
            links="",
            author_organisation=None,
            published_on=timezone.localdate() - datetime.timedelta(days=3),
            tags="",
            visibility=Visibility.COALITION,
        )
        do_create_campaign(
            cls.anna,
            cls.coalition,
            **campaign_fields(title="Check je bron", starts_on=timezone.localdate(), ends_on=None),
        )
        for user in (cls.cees, cls.bram):
            do_set_subscription(user, cls.coalition, user, True)

    def compose(self, **changes: Any) -> Any:
        campaign = self.coalition.campaigns.get()
        data: dict[str, Any] = {
            "title": "Inspiratiebijeenkomst",
            "intro": "Beste leden,\n\n**Welkom** bij de nieuwsflits. <script>alert(1)</script>",
            "source_knowledge": [f"knowledge:{self.item.pk}"],
            "source_campaign": [f"campaign:{campaign.pk}"],
        }
        data.update(changes)
        return self.log_in(self.anna).post(
            reverse("newsflash:compose", args=["voorbeeldstad"]), data
        )

    def send(self, number: int) -> Any:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(reverse("newsflash:send", args=["voorbeeldstad", number]))

    def test_it_numbers_issues_and_previews_them_on_the_web_and_as_mail(self) -> None:
        self.compose()
        response = self.compose(title="Tweede")

        numbers = list(Newsflash.objects.order_by("number").values_list("number", "title"))
        self.assertEqual(numbers, [(1, "Inspiratiebijeenkomst"), (2, "Tweede")])
        self.assertRedirects(response, reverse("newsflash:preview", args=["voorbeeldstad", 2]))
        preview = self.log_in(self.anna).get(
            reverse("newsflash:preview", args=["voorbeeldstad", 1])
        )
        self.assertContains(preview, "Nieuwsflits nº 1 \u2013 Inspiratiebijeenkomst")
        self.assertContains(preview, "<strong>Welkom</strong>")
        self.assertNotContains(preview, "<script>alert")
        self.assertContains(preview, "Complotdenken in de klas", count=3)  # web, HTML, text
        self.assertContains(preview, "Check je bron", count=3)
        self.assertContains(preview, "2 mensen")
        self.assertEqual(AuditEntry.objects.filter(action=AuditAction.NEWSFLASH_DRAFTED).count(), 2)

    def test_it_refuses_an_empty_newsflash(self) -> None:
        response = self.compose(intro="  ", source_knowledge=[], source_campaign=[])

        self.assertContains(response, "de nieuwsflits is leeg")
        self.assertFalse(Newsflash.objects.exists())

    def test_it_ignores_items_it_did_not_offer(self) -> None:
        other = do_create_knowledge_item(
            self.dirk,
            self.other_coalition,
            kind=KnowledgeKind.ARTICLE,
            themes=[],
            target_groups=[],
            title="Van een andere coalitie",
            summary="Geheim.",
            body="",
            links="",
            author_organisation=None,
            published_on=timezone.localdate(),
            tags="",
            visibility=Visibility.COALITION,
        )

        response = self.compose(source_knowledge=[f"knowledge:{other.pk}"])

        self.assertEqual(response.status_code, 200)
        self.assertFalse(Newsflash.objects.exists())

    def test_it_sends_html_and_text_to_members_who_opted_in_only(self) -> None:
        self.compose()

        response = self.send(1)

        self.assertRedirects(response, reverse("newsflash:deliveries", args=["voorbeeldstad", 1]))
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), [self.bram.email, self.cees.email])
        message = mail.outbox[0]
        assert isinstance(message, EmailMultiAlternatives)
        self.assertIn("Nieuwsflits nº 1 \u2013 Inspiratiebijeenkomst", message.subject)
        self.assertIn("Complotdenken in de klas", message.body)
        self.assertIn("http://", message.body)
        html, kind = message.alternatives[0]
        self.assertEqual(kind, "text/html")
        self.assertIn("<strong>Welkom</strong>", str(html))
        self.assertNotIn("<script>", str(html))
        self.assertIn("/nieuwsflits/afmelden/", message.extra_headers["List-Unsubscribe"])
        newsflash = Newsflash.objects.get()
        self.assertEqual(newsflash.status, NewsflashStatus.SENT)
        self.assertEqual(newsflash.deliveries.counts()[DeliveryStatus.SENT], 2)
        entry = AuditEntry.objects.get(action=AuditAction.NEWSFLASH_SENT)
        self.assertEqual(entry.detail["recipients"], 2)

    def test_it_narrows_the_recipients_by_role_and_by_domain(self) -> None:
        partner = do_create_partner(
            self.anna, self.coalition, name="Bibliotheek", domains=["library"]
        )
        do_link_membership_to_partner(
            self.anna, Membership.objects.get(user=self.bram, coalition=self.coalition), partner
        )
        self.compose(roles=["partner_admin", "member"], domains=["library"])
        self.send(1)
        self.assertEqual([m.to[0] for m in mail.outbox], [self.bram.email])

        mail.outbox.clear()
        self.compose(title="Voor leden", roles=["member"])
        self.send(2)
        self.assertEqual([m.to[0] for m in mail.outbox], [self.cees.email])

    def test_it_never_sends_an_issue_twice(self) -> None:
        self.compose()
        self.send(1)

        response = self.send(1)

        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(
            response["Location"], reverse("newsflash:preview", args=["voorbeeldstad", 1])
        )
        follow = self.client.get(response["Location"])
        self.assertContains(follow, "Deze nieuwsflits is al verstuurd.")

    def test_it_says_so_when_nobody_would_receive_it(self) -> None:
        self.compose(roles=["analyst"])

        response = self.send(1)

        self.assertEqual(mail.outbox, [])
        self.assertEqual(Newsflash.objects.get().status, NewsflashStatus.DRAFT)
        follow = self.client.get(response["Location"])
        self.assertContains(follow, "Niemand zou deze nieuwsflits krijgen")

    def test_it_keeps_a_sent_issue_as_it_was(self) -> None:
        self.compose()
        self.send(1)
        url = reverse("newsflash:edit", args=["voorbeeldstad", 1])

        response = self.log_in(self.anna).post(url, {"title": "Anders", "intro": "Nieuw"})

        self.assertEqual(response.status_code, 302)
        self.assertEqual(Newsflash.objects.get().title, "Inspiratiebijeenkomst")

    def test_it_shows_members_the_archive_but_not_drafts(self) -> None:
        self.compose()
        self.send(1)
        self.compose(title="Nog geheim")
        client = self.log_in(self.cees)

        archive = client.get(reverse("newsflash:archive", args=["voorbeeldstad"]))
        issue = client.get(reverse("newsflash:issue", args=["voorbeeldstad", 1]))
        draft = client.get(reverse("newsflash:issue", args=["voorbeeldstad", 2]))

        self.assertContains(archive, "Inspiratiebijeenkomst")
        self.assertNotContains(archive, "Nog geheim")
        self.assertContains(issue, "Complotdenken in de klas")
        self.assertEqual(draft.status_code, 404)

    def test_it_lets_members_opt_in_and_out(self) -> None:
        femke = self.log_in(self.femke)
        url = reverse("newsflash:subscription", args=["voorbeeldstad"])

        femke.post(url, {"subscribe": "yes"})
        self.assertTrue(
            NewsflashSubscription.objects.get(user=self.femke, coalition=self.coalition).subscribed
        )
        femke.post(url, {"subscribe": "no"})

        self.assertFalse(
            NewsflashSubscription.objects.get(user=self.femke, coalition=self.coalition).subscribed
        )
        actions = list(
            AuditEntry.objects.filter(actor=self.femke, action__startswith="newsflash_")
            .order_by("pk")
            .values_list("action", flat=True)
        )
        self.assertEqual(
            actions, [AuditAction.NEWSFLASH_SUBSCRIBED, AuditAction.NEWSFLASH_UNSUBSCRIBED]
        )

    def test_it_unsubscribes_through_the_mail_link_without_logging_in(self) -> None:
        self.compose()
        self.send(1)
        message = next(m for m in mail.outbox if m.to == [self.cees.email])
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        path = link.split("://", 1)[1].split("/", 1)[1]
        anonymous = self.client_class()

        confirm = anonymous.get("/" + path)
        self.assertContains(confirm, self.cees.email)
        self.assertIn("no-store", confirm["Cache-Control"])
        self.assertTrue(
            NewsflashSubscription.objects.get(user=self.cees, coalition=self.coalition).subscribed
        )
        done = anonymous.post("/" + path, {"List-Unsubscribe": "One-Click"})

        self.assertContains(done, "Je bent afgemeld.")
        self.assertFalse(
            NewsflashSubscription.objects.get(user=self.cees, coalition=self.coalition).subscribed
        )
        entry = AuditEntry.objects.get(action=AuditAction.NEWSFLASH_UNSUBSCRIBED)
        self.assertIsNone(entry.actor)
        self.assertEqual(entry.actor_label, self.cees.email)

    def test_it_refuses_made_up_or_borrowed_unsubscribe_links(self) -> None:
        tokens = [
            "nep-token",
            make_unsubscribe_token(self.coalition.pk, self.cees.pk) + "x",
            make_unsubscribe_token(self.other_coalition.pk, self.cees.pk),
        ]
        for token in tokens:
            with self.subTest(token=token):
                url = reverse("newsflash:unsubscribe", args=["voorbeeldstad", token])

                response = self.client_class().post(url)

                self.assertContains(response, "Deze afmeldlink klopt niet", status_code=400)
        self.assertTrue(
            NewsflashSubscription.objects.get(user=self.cees, coalition=self.coalition).subscribed
        )

    def test_it_skips_people_who_left_or_were_switched_off(self) -> None:
        gone = create_member(self.coalition, "weg@example.org", "Weg", Role.MEMBER)
        do_set_subscription(gone, self.coalition, gone, True)
        gone.is_active = False
        gone.save()
        newsflash = do_create_newsflash(
            self.anna, self.coalition, title="T", intro="I", roles=[], domains=[], entries=[]
        )

        self.send(newsflash.number)

        self.assertNotIn(["weg@example.org"], [m.to for m in mail.outbox])
