"""The access matrix: every URL, every persona and two tenants, checked against ``policy.POLICY``.

Expected outcomes are computed from the rule a view declares, never written down per URL, so
the test keeps up with the policy. A URL pattern without a sample in ``SAMPLE_KWARGS`` fails
the test: a new page is not done until it is in the matrix.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from weerbaar.accounts.access import get_declared_permission
from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.accounts.policy import POLICY, Audience, Rule
from weerbaar.blueprint.actions import (
    do_add_plan_task,
    do_save_blueprint_step,
    do_save_maturity_scan,
    do_start_blueprint,
    do_submit_blueprint,
)
from weerbaar.blueprint.choices import Phase
from weerbaar.blueprint.models import BlueprintRequest, PlanTask
from weerbaar.campaigns.actions import (
    do_add_campaign_file,
    do_create_campaign,
    do_create_lobby_item,
    do_record_reach,
)
from weerbaar.campaigns.choices import Addressee, CampaignStatus, LobbyStatus, ReachMeasure
from weerbaar.campaigns.models import Campaign, CampaignFile, LobbyItem, ReachFigure
from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import Commitment
from weerbaar.events.actions import do_create_event, do_register_visitor
from weerbaar.events.models import Event, Registration
from weerbaar.events.tokens import make_cancel_token, make_confirmation_token
from weerbaar.interventions.actions import do_create_experiment, do_create_intervention
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.actions import (
    do_add_attachment,
    do_add_comment,
    do_create_knowledge_item,
)
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.files import CleanFile
from weerbaar.knowledge.models import Attachment, Comment, KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.newsflash.actions import do_create_newsflash, do_send_newsflash, do_set_subscription
from weerbaar.newsflash.tokens import make_unsubscribe_token
from weerbaar.partners.actions import (
    do_create_partner,
    do_link_membership_to_partner,
    do_submit_join_request,
)
from weerbaar.partners.models import JoinRequest, Partner
from weerbaar.referrals.actions import (
    CaseDetails,
    do_refer_case,
    do_save_crisis_line,
    do_save_help_offer,
)
from weerbaar.referrals.models import CrisisLine, HelpOffer, Referral
from weerbaar.signals.actions import do_report_signal
from weerbaar.signals.models import Signal
from weerbaar.trends.tests.fixtures import TrendObjects, make_trend_objects

Kwargs = dict[str, Any]
Sample = Kwargs | Callable[["AccessPolicyTestCase"], Kwargs]

FAKE_TOKEN = "not-a-real-token"

# One sample per URL name, in the coalition Voorbeeldstad where the coalition matters.
SAMPLE_KWARGS: dict[str, Sample] = {
    "platform_home": {},
    "accessibility": {},
    "help": {},
    "switch_language": {"language": "en"},
    "oidc_authentication_init": {},
    "oidc_authentication_callback": {},
    "accounts:home": {},
    "accounts:login": {},
    "accounts:logout": {},
    "accounts:password_reset": {},
    "accounts:password_reset_sent": {},
    "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
    "accounts:password_reset_complete": {},
    "accounts:accept_invitation": {"token": FAKE_TOKEN},
    "accounts:mfa_setup": {},
    "accounts:mfa_verify": {},
    "accounts:members": {"slug": "voorbeeldstad"},
    "accounts:invite": {"slug": "voorbeeldstad"},
    "accounts:change_role": lambda t: {
        "slug": "voorbeeldstad",
        "membership_id": t.cees_membership.pk,
    },
    "accounts:revoke_invitation": lambda t: {
        "slug": "voorbeeldstad",
        "invitation_id": t.invitation.pk,
    },
    "audit:log": {"slug": "voorbeeldstad"},
    "audit:platform_log": {},
    "coalitions:platform_admin": {},
    "coalitions:create": {},
    "coalitions:public_page": {"slug": "voorbeeldstad"},
    "coalitions:member_home": {"slug": "voorbeeldstad"},
    "coalitions:hub": {"slug": "voorbeeldstad"},
    "coalitions:settings": {"slug": "voorbeeldstad"},
    "knowledge:items": {"slug": "voorbeeldstad"},
    "knowledge:search": {"slug": "voorbeeldstad"},
    "knowledge:create": {"slug": "voorbeeldstad"},
    "knowledge:item": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:edit": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:delete": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:add_attachment": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:attachment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "attachment_id": t.attachment.pk,
    },
    "knowledge:remove_attachment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "attachment_id": t.attachment.pk,
    },
    # knowledge module (member home: weekly digest)
    "updates:digest": {"slug": "voorbeeldstad"},
    # knowledge module (discussion)
    "knowledge:add_comment": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:edit_comment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "comment_id": t.comment.pk,
    },
    "knowledge:remove_comment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "comment_id": t.comment.pk,
    },
    # knowledge module (interventions and experiments)
    "interventions:interventions": {"slug": "voorbeeldstad"},
    "interventions:create": {"slug": "voorbeeldstad"},
    "interventions:intervention": lambda t: {
        "slug": "voorbeeldstad",
        "intervention_id": t.intervention.pk,
    },
    "interventions:edit": lambda t: {"slug": "voorbeeldstad", "intervention_id": t.intervention.pk},
    "interventions:add_experiment": lambda t: {
        "slug": "voorbeeldstad",
        "intervention_id": t.intervention.pk,
    },
    "interventions:experiment": lambda t: {
        "slug": "voorbeeldstad",
        "intervention_id": t.intervention.pk,
        "experiment_id": t.experiment.pk,
    },
    "interventions:edit_experiment": lambda t: {
        "slug": "voorbeeldstad",
        "intervention_id": t.intervention.pk,
        "experiment_id": t.experiment.pk,
    },
    "interventions:finish_experiment": lambda t: {
        "slug": "voorbeeldstad",
        "intervention_id": t.intervention.pk,
        "experiment_id": t.experiment.pk,
    },
    "partners:join": {"slug": "voorbeeldstad"},
    "partners:join_thanks": {"slug": "voorbeeldstad"},
    "partners:join_requests": {"slug": "voorbeeldstad"},
    "partners:join_request": lambda t: {
        "slug": "voorbeeldstad",
        "join_request_id": t.join_request.pk,
    },
    "partners:partners": {"slug": "voorbeeldstad"},
    "partners:partner": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    # Bram's own organisation, so the partner admin is admitted as the policy says.
    "partners:edit_partner": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:logo": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:embedding": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:embedding_overview": {"slug": "voorbeeldstad"},
    "partners:invite_colleague": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:manage_colleague": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
        "membership_id": Membership.objects.get(user=t.bram, coalition=t.coalition).pk,
    },
    # Version 1 is published, version 2 a draft, in both coalitions.
    "covenant:covenant": {"slug": "voorbeeldstad"},
    "covenant:version": {"slug": "voorbeeldstad", "number": 1},
    "covenant:print": {"slug": "voorbeeldstad"},
    "covenant:pdf": {"slug": "voorbeeldstad"},
    "covenant:sign": {"slug": "voorbeeldstad"},
    "covenant:manage": {"slug": "voorbeeldstad"},
    "covenant:new_draft": {"slug": "voorbeeldstad"},
    "covenant:edit_draft": {"slug": "voorbeeldstad", "number": 2},
    "covenant:publish": {"slug": "voorbeeldstad", "number": 2},
    "covenant:overview": {"slug": "voorbeeldstad"},
    "dashboard:dashboard": {"slug": "voorbeeldstad"},
    "dashboard:export_partners": {"slug": "voorbeeldstad"},
    "dashboard:export_signatures": {"slug": "voorbeeldstad"},
    "dashboard:export_commitments": {"slug": "voorbeeldstad"},
    # signals module
    "signals:home": {"slug": "voorbeeldstad"},
    "signals:report": {"slug": "voorbeeldstad"},
    "signals:preview": {"slug": "voorbeeldstad"},
    # Cees reported it: only he reads it on "my signals".
    "signals:my_signal": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:queue": {"slug": "voorbeeldstad"},
    "signals:import": {"slug": "voorbeeldstad"},
    "signals:model_card": {"slug": "voorbeeldstad"},
    "signals:train_model": {"slug": "voorbeeldstad"},
    "signals:cluster": lambda t: {"slug": "voorbeeldstad", "cluster_id": t.signal.cluster_id},
    "signals:signal": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:status": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:assign": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:themes": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:note": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:follow_up": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:similar": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "covenant:partner_commitments": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
    },
    "covenant:record_delivery": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
        "commitment_id": t.commitment.pk,
    },
    # events module: a public event with a visitor's pending registration, in both coalitions.
    "events:calendar": {"slug": "voorbeeldstad"},
    "events:feed": {"slug": "voorbeeldstad"},
    "events:event": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:register": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:cancel_own": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:ics": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:confirm": lambda t: {
        "slug": "voorbeeldstad",
        "token": make_confirmation_token(t.registration.pk),
    },
    "events:cancel_link": lambda t: {
        "slug": "voorbeeldstad",
        "token": make_cancel_token(t.registration.pk),
    },
    "events:create": {"slug": "voorbeeldstad"},
    "events:edit": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:cancel_event": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:attendees": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:export": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    "events:report": lambda t: {"slug": "voorbeeldstad", "event_id": t.event.pk},
    # campaigns module: one campaign (with a reach figure and a file), one lobby item and one
    # newsflash, nº 1, sent to Cees (Dirk in the other coalition) and still being sent.
    "campaigns:campaigns": {"slug": "voorbeeldstad"},
    "campaigns:create": {"slug": "voorbeeldstad"},
    "campaigns:campaign": lambda t: {"slug": "voorbeeldstad", "campaign_id": t.campaign.pk},
    "campaigns:edit": lambda t: {"slug": "voorbeeldstad", "campaign_id": t.campaign.pk},
    "campaigns:add_reach": lambda t: {"slug": "voorbeeldstad", "campaign_id": t.campaign.pk},
    "campaigns:remove_reach": lambda t: {
        "slug": "voorbeeldstad",
        "campaign_id": t.campaign.pk,
        "figure_id": t.reach_figure.pk,
    },
    "campaigns:export_reach": lambda t: {"slug": "voorbeeldstad", "campaign_id": t.campaign.pk},
    "campaigns:add_file": lambda t: {"slug": "voorbeeldstad", "campaign_id": t.campaign.pk},
    "campaigns:file": lambda t: {
        "slug": "voorbeeldstad",
        "campaign_id": t.campaign.pk,
        "file_id": t.campaign_file.pk,
    },
    "campaigns:remove_file": lambda t: {
        "slug": "voorbeeldstad",
        "campaign_id": t.campaign.pk,
        "file_id": t.campaign_file.pk,
    },
    "campaigns:lobby": {"slug": "voorbeeldstad"},
    "campaigns:create_lobby_item": {"slug": "voorbeeldstad"},
    "campaigns:lobby_item": lambda t: {"slug": "voorbeeldstad", "item_id": t.lobby_item.pk},
    "campaigns:edit_lobby_item": lambda t: {"slug": "voorbeeldstad", "item_id": t.lobby_item.pk},
    "newsflash:archive": {"slug": "voorbeeldstad"},
    "newsflash:compose": {"slug": "voorbeeldstad"},
    "newsflash:subscription": {"slug": "voorbeeldstad"},
    "newsflash:unsubscribe": lambda t: {
        "slug": "voorbeeldstad",
        "token": make_unsubscribe_token(t.coalition.pk, t.cees.pk),
    },
    "newsflash:issue": {"slug": "voorbeeldstad", "number": 1},
    "newsflash:edit": {"slug": "voorbeeldstad", "number": 1},
    "newsflash:preview": {"slug": "voorbeeldstad", "number": 1},
    "newsflash:send": {"slug": "voorbeeldstad", "number": 1},
    "newsflash:deliveries": {"slug": "voorbeeldstad", "number": 1},
    # referrals module: the offer is of Bram's organisation; Cees referred the case to it.
    "referrals:finder": {"slug": "voorbeeldstad"},
    "referrals:offer": lambda t: {"slug": "voorbeeldstad", "offer_id": t.help_offer.pk},
    "referrals:hsds_export": {"slug": "voorbeeldstad"},
    "referrals:referrals": {"slug": "voorbeeldstad"},
    "referrals:refer": lambda t: {"slug": "voorbeeldstad", "offer_id": t.help_offer.pk},
    "referrals:referral": lambda t: {"slug": "voorbeeldstad", "referral_id": t.referral.pk},
    "referrals:answer_link": {"slug": "voorbeeldstad", "token": FAKE_TOKEN},
    "referrals:manage_offers": {"slug": "voorbeeldstad"},
    "referrals:create_offer": {"slug": "voorbeeldstad"},
    "referrals:edit_offer": lambda t: {"slug": "voorbeeldstad", "offer_id": t.help_offer.pk},
    "referrals:confirm_offer": lambda t: {"slug": "voorbeeldstad", "offer_id": t.help_offer.pk},
    "referrals:import_offers": {"slug": "voorbeeldstad"},
    "referrals:crisis_lines": {"slug": "voorbeeldstad"},
    "referrals:edit_crisis_line": lambda t: {"slug": "voorbeeldstad", "line_id": t.crisis_line.pk},
    "referrals:overview": {"slug": "voorbeeldstad"},
    # blueprint module
    "blueprint:start": {},
    "blueprint:resume": {"token": FAKE_TOKEN},
    "blueprint:step": {"step": "region"},
    "blueprint:plan": {},
    "blueprint:plan_download": {"fmt": "html"},
    "blueprint:submit": {},
    "blueprint:requests": {},
    "blueprint:review": lambda t: {"request_id": t.blueprint_request.pk},
    "blueprint:approve": lambda t: {"request_id": t.blueprint_request.pk},
    "blueprint:attach": lambda t: {"request_id": t.blueprint_request.pk},
    "blueprint:reject": lambda t: {"request_id": t.blueprint_request.pk},
    "blueprint:checklist": {"slug": "voorbeeldstad"},
    "blueprint:add_task": {"slug": "voorbeeldstad"},
    "blueprint:edit_task": lambda t: {"slug": "voorbeeldstad", "task_id": t.plan_task.pk},
    "blueprint:complete_task": lambda t: {"slug": "voorbeeldstad", "task_id": t.plan_task.pk},
    "blueprint:invite_organisations": {"slug": "voorbeeldstad"},
    "blueprint:maturity": {"slug": "voorbeeldstad"},
    "blueprint:maturity_scan": {"slug": "voorbeeldstad", "year": 2026},
    "blueprint:plan_export": {"slug": "voorbeeldstad", "fmt": "html"},
    "blueprint:maturity_export": {"slug": "voorbeeldstad", "year": 2026, "fmt": "html"},
    # trends module
    "trends:dashboard": {"slug": "voorbeeldstad"},
    "trends:sources": {"slug": "voorbeeldstad"},
    "trends:export_sources": {"slug": "voorbeeldstad"},
    "trends:create_source": {"slug": "voorbeeldstad"},
    "trends:edit_source": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:source_status": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:import": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:settings": {"slug": "voorbeeldstad"},
    "trends:terms": {"slug": "voorbeeldstad"},
    "trends:watch_lists": {"slug": "voorbeeldstad"},
    "trends:create_watch_list": {"slug": "voorbeeldstad"},
    "trends:edit_watch_list": lambda t: {
        "slug": "voorbeeldstad",
        "list_id": t.trends["voorbeeldstad"].watch_list.pk,
    },
    "trends:alerts": {"slug": "voorbeeldstad"},
    "trends:alert": lambda t: {
        "slug": "voorbeeldstad",
        "alert_id": t.trends["voorbeeldstad"].alert.pk,
    },
    "trends:alert_rules": {"slug": "voorbeeldstad"},
    "trends:create_alert_rule": {"slug": "voorbeeldstad"},
    "trends:edit_alert_rule": lambda t: {
        "slug": "voorbeeldstad",
        "rule_id": t.trends["voorbeeldstad"].rule.pk,
    },
    "trends:reports": {"slug": "voorbeeldstad"},
    "trends:create_report": {"slug": "voorbeeldstad"},
    "trends:report": lambda t: {
        "slug": "voorbeeldstad",
        "report_id": t.trends["voorbeeldstad"].report.pk,
    },
    "trends:report_pdf": lambda t: {
        "slug": "voorbeeldstad",
        "report_id": t.trends["voorbeeldstad"].report.pk,
    },
}

# The same URLs in the other coalition, Zeeuwse Kust, where only Dirk has a role.
OTHER_TENANT_KWARGS: dict[str, Sample] = {
    "knowledge:items": {"slug": "zeeuwse-kust"},
    "knowledge:search": {"slug": "zeeuwse-kust"},
    "knowledge:create": {"slug": "zeeuwse-kust"},
    "knowledge:item": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:edit": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:delete": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:add_attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
    },
    "knowledge:attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "attachment_id": t.other_attachment.pk,
    },
    "knowledge:remove_attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "attachment_id": t.other_attachment.pk,
    },
    # knowledge module (member home: weekly digest)
    "updates:digest": {"slug": "zeeuwse-kust"},
    # knowledge module (discussion)
    "knowledge:add_comment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
    },
    "knowledge:edit_comment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "comment_id": t.other_comment.pk,
    },
    "knowledge:remove_comment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "comment_id": t.other_comment.pk,
    },
    # knowledge module (interventions and experiments)
    "interventions:interventions": {"slug": "zeeuwse-kust"},
    "interventions:create": {"slug": "zeeuwse-kust"},
    "interventions:intervention": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
    },
    "interventions:edit": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
    },
    "interventions:add_experiment": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
    },
    "interventions:experiment": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
        "experiment_id": t.other_experiment.pk,
    },
    "interventions:edit_experiment": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
        "experiment_id": t.other_experiment.pk,
    },
    "interventions:finish_experiment": lambda t: {
        "slug": "zeeuwse-kust",
        "intervention_id": t.other_intervention.pk,
        "experiment_id": t.other_experiment.pk,
    },
    "accounts:members": {"slug": "zeeuwse-kust"},
    "accounts:invite": {"slug": "zeeuwse-kust"},
    "accounts:change_role": lambda t: {
        "slug": "zeeuwse-kust",
        "membership_id": t.dirk_membership.pk,
    },
    "accounts:revoke_invitation": lambda t: {
        "slug": "zeeuwse-kust",
        "invitation_id": t.other_invitation.pk,
    },
    "audit:log": {"slug": "zeeuwse-kust"},
    "coalitions:public_page": {"slug": "zeeuwse-kust"},
    "coalitions:member_home": {"slug": "zeeuwse-kust"},
    "coalitions:hub": {"slug": "zeeuwse-kust"},
    "coalitions:settings": {"slug": "zeeuwse-kust"},
    "partners:join": {"slug": "zeeuwse-kust"},
    "partners:join_thanks": {"slug": "zeeuwse-kust"},
    "partners:join_requests": {"slug": "zeeuwse-kust"},
    "partners:join_request": lambda t: {
        "slug": "zeeuwse-kust",
        "join_request_id": t.other_join_request.pk,
    },
    "partners:partners": {"slug": "zeeuwse-kust"},
    "partners:partner": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:edit_partner": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "partners:logo": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:embedding": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:embedding_overview": {"slug": "zeeuwse-kust"},
    "partners:invite_colleague": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "partners:manage_colleague": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
        "membership_id": Membership.objects.get(user=t.dirk, coalition=t.other_coalition).pk,
    },
    "covenant:covenant": {"slug": "zeeuwse-kust"},
    "covenant:version": {"slug": "zeeuwse-kust", "number": 1},
    "covenant:print": {"slug": "zeeuwse-kust"},
    "covenant:pdf": {"slug": "zeeuwse-kust"},
    "covenant:sign": {"slug": "zeeuwse-kust"},
    "covenant:manage": {"slug": "zeeuwse-kust"},
    "covenant:new_draft": {"slug": "zeeuwse-kust"},
    "covenant:edit_draft": {"slug": "zeeuwse-kust", "number": 2},
    "covenant:publish": {"slug": "zeeuwse-kust", "number": 2},
    "covenant:overview": {"slug": "zeeuwse-kust"},
    "dashboard:dashboard": {"slug": "zeeuwse-kust"},
    "dashboard:export_partners": {"slug": "zeeuwse-kust"},
    "dashboard:export_signatures": {"slug": "zeeuwse-kust"},
    "dashboard:export_commitments": {"slug": "zeeuwse-kust"},
    # signals module
    "signals:home": {"slug": "zeeuwse-kust"},
    "signals:report": {"slug": "zeeuwse-kust"},
    "signals:preview": {"slug": "zeeuwse-kust"},
    "signals:my_signal": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:queue": {"slug": "zeeuwse-kust"},
    "signals:import": {"slug": "zeeuwse-kust"},
    "signals:model_card": {"slug": "zeeuwse-kust"},
    "signals:train_model": {"slug": "zeeuwse-kust"},
    "signals:cluster": lambda t: {
        "slug": "zeeuwse-kust",
        "cluster_id": t.other_signal.cluster_id,
    },
    "signals:signal": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:status": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:assign": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:themes": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:note": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:follow_up": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:similar": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "covenant:partner_commitments": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "covenant:record_delivery": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
        "commitment_id": t.other_commitment.pk,
    },
    # events module
    "events:calendar": {"slug": "zeeuwse-kust"},
    "events:feed": {"slug": "zeeuwse-kust"},
    "events:event": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:register": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:cancel_own": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:ics": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:confirm": lambda t: {
        "slug": "zeeuwse-kust",
        "token": make_confirmation_token(t.other_registration.pk),
    },
    "events:cancel_link": lambda t: {
        "slug": "zeeuwse-kust",
        "token": make_cancel_token(t.other_registration.pk),
    },
    "events:create": {"slug": "zeeuwse-kust"},
    "events:edit": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:cancel_event": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:attendees": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:export": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    "events:report": lambda t: {"slug": "zeeuwse-kust", "event_id": t.other_event.pk},
    # campaigns module
    "campaigns:campaigns": {"slug": "zeeuwse-kust"},
    "campaigns:create": {"slug": "zeeuwse-kust"},
    "campaigns:campaign": lambda t: {"slug": "zeeuwse-kust", "campaign_id": t.other_campaign.pk},
    "campaigns:edit": lambda t: {"slug": "zeeuwse-kust", "campaign_id": t.other_campaign.pk},
    "campaigns:add_reach": lambda t: {"slug": "zeeuwse-kust", "campaign_id": t.other_campaign.pk},
    "campaigns:remove_reach": lambda t: {
        "slug": "zeeuwse-kust",
        "campaign_id": t.other_campaign.pk,
        "figure_id": t.other_reach_figure.pk,
    },
    "campaigns:export_reach": lambda t: {
        "slug": "zeeuwse-kust",
        "campaign_id": t.other_campaign.pk,
    },
    "campaigns:add_file": lambda t: {"slug": "zeeuwse-kust", "campaign_id": t.other_campaign.pk},
    "campaigns:file": lambda t: {
        "slug": "zeeuwse-kust",
        "campaign_id": t.other_campaign.pk,
        "file_id": t.other_campaign_file.pk,
    },
    "campaigns:remove_file": lambda t: {
        "slug": "zeeuwse-kust",
        "campaign_id": t.other_campaign.pk,
        "file_id": t.other_campaign_file.pk,
    },
    "campaigns:lobby": {"slug": "zeeuwse-kust"},
    "campaigns:create_lobby_item": {"slug": "zeeuwse-kust"},
    "campaigns:lobby_item": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_lobby_item.pk},
    "campaigns:edit_lobby_item": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_lobby_item.pk,
    },
    "newsflash:archive": {"slug": "zeeuwse-kust"},
    "newsflash:compose": {"slug": "zeeuwse-kust"},
    "newsflash:subscription": {"slug": "zeeuwse-kust"},
    "newsflash:unsubscribe": lambda t: {
        "slug": "zeeuwse-kust",
        "token": make_unsubscribe_token(t.other_coalition.pk, t.dirk.pk),
    },
    "newsflash:issue": {"slug": "zeeuwse-kust", "number": 1},
    "newsflash:edit": {"slug": "zeeuwse-kust", "number": 1},
    "newsflash:preview": {"slug": "zeeuwse-kust", "number": 1},
    "newsflash:send": {"slug": "zeeuwse-kust", "number": 1},
    "newsflash:deliveries": {"slug": "zeeuwse-kust", "number": 1},
    # referrals module
    "referrals:finder": {"slug": "zeeuwse-kust"},
    "referrals:offer": lambda t: {"slug": "zeeuwse-kust", "offer_id": t.other_help_offer.pk},
    "referrals:hsds_export": {"slug": "zeeuwse-kust"},
    "referrals:referrals": {"slug": "zeeuwse-kust"},
    "referrals:refer": lambda t: {"slug": "zeeuwse-kust", "offer_id": t.other_help_offer.pk},
    "referrals:referral": lambda t: {"slug": "zeeuwse-kust", "referral_id": t.other_referral.pk},
    "referrals:answer_link": {"slug": "zeeuwse-kust", "token": FAKE_TOKEN},
    "referrals:manage_offers": {"slug": "zeeuwse-kust"},
    "referrals:create_offer": {"slug": "zeeuwse-kust"},
    "referrals:edit_offer": lambda t: {"slug": "zeeuwse-kust", "offer_id": t.other_help_offer.pk},
    "referrals:confirm_offer": lambda t: {
        "slug": "zeeuwse-kust",
        "offer_id": t.other_help_offer.pk,
    },
    "referrals:import_offers": {"slug": "zeeuwse-kust"},
    "referrals:crisis_lines": {"slug": "zeeuwse-kust"},
    "referrals:edit_crisis_line": lambda t: {
        "slug": "zeeuwse-kust",
        "line_id": t.other_crisis_line.pk,
    },
    "referrals:overview": {"slug": "zeeuwse-kust"},
    # blueprint module
    "blueprint:checklist": {"slug": "zeeuwse-kust"},
    "blueprint:add_task": {"slug": "zeeuwse-kust"},
    "blueprint:edit_task": lambda t: {"slug": "zeeuwse-kust", "task_id": t.other_plan_task.pk},
    "blueprint:complete_task": lambda t: {
        "slug": "zeeuwse-kust",
        "task_id": t.other_plan_task.pk,
    },
    "blueprint:invite_organisations": {"slug": "zeeuwse-kust"},
    "blueprint:maturity": {"slug": "zeeuwse-kust"},
    "blueprint:maturity_scan": {"slug": "zeeuwse-kust", "year": 2026},
    "blueprint:plan_export": {"slug": "zeeuwse-kust", "fmt": "html"},
    "blueprint:maturity_export": {"slug": "zeeuwse-kust", "year": 2026, "fmt": "html"},
    # trends module
    "trends:dashboard": {"slug": "zeeuwse-kust"},
    "trends:sources": {"slug": "zeeuwse-kust"},
    "trends:export_sources": {"slug": "zeeuwse-kust"},
    "trends:create_source": {"slug": "zeeuwse-kust"},
    "trends:edit_source": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:source_status": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:import": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:settings": {"slug": "zeeuwse-kust"},
    "trends:terms": {"slug": "zeeuwse-kust"},
    "trends:watch_lists": {"slug": "zeeuwse-kust"},
    "trends:create_watch_list": {"slug": "zeeuwse-kust"},
    "trends:edit_watch_list": lambda t: {
        "slug": "zeeuwse-kust",
        "list_id": t.trends["zeeuwse-kust"].watch_list.pk,
    },
    "trends:alerts": {"slug": "zeeuwse-kust"},
    "trends:alert": lambda t: {
        "slug": "zeeuwse-kust",
        "alert_id": t.trends["zeeuwse-kust"].alert.pk,
    },
    "trends:alert_rules": {"slug": "zeeuwse-kust"},
    "trends:create_alert_rule": {"slug": "zeeuwse-kust"},
    "trends:edit_alert_rule": lambda t: {
        "slug": "zeeuwse-kust",
        "rule_id": t.trends["zeeuwse-kust"].rule.pk,
    },
    "trends:reports": {"slug": "zeeuwse-kust"},
    "trends:create_report": {"slug": "zeeuwse-kust"},
    "trends:report": lambda t: {
        "slug": "zeeuwse-kust",
        "report_id": t.trends["zeeuwse-kust"].report.pk,
    },
    "trends:report_pdf": lambda t: {
        "slug": "zeeuwse-kust",
        "report_id": t.trends["zeeuwse-kust"].report.pk,
    },
}

# Pages that answer "gone" or "not found" for a made-up token while still being reachable, and
# the logo of the sample partner, which has none (partners/tests/test_partner_logo.py covers
# who may see a logo).
TOKEN_PAGES = frozenset(
    {
        "accounts:accept_invitation",
        "accounts:password_reset_confirm",
        "partners:logo",
        "referrals:answer_link",
        "blueprint:resume",
    }
)

# Pages where a role the policy admits may still be refused by an object check: only the
# author (or a coordinator) edits a knowledge item (knowledge/tests cover who exactly), and
# only the two organisations of a referral read it (referrals/tests cover who exactly).
OBJECT_CHECKED_PAGES = frozenset(
    {
        # signals module: only the reporter reads a signal on "my signals".
        "signals:my_signal",
        "knowledge:edit",
        "knowledge:add_attachment",
        "knowledge:remove_attachment",
        # knowledge module (discussion: own reactions; coordinators moderate)
        "knowledge:edit_comment",
        "knowledge:remove_comment",
        # knowledge module (interventions and experiments)
        "interventions:edit",
        "interventions:edit_experiment",
        "interventions:finish_experiment",
        "referrals:referral",
    }
)

ALLOWED_STATUSES = frozenset({200, 302, 405})
TOKEN_PAGE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class Route:
    name: str | None
    description: str
    pattern: URLPattern

    @property
    def takes_slug(self) -> bool:
        converters: dict[str, Any] = getattr(self.pattern.pattern, "converters", {})
        return "slug" in converters


def walk_patterns(
    patterns: list[URLPattern | URLResolver], namespace: str = "", prefix: str = ""
) -> Iterator[Route]:
    """Every ``URLPattern`` below ``patterns``, with its full (namespaced) name."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}{entry.namespace}:"
            yield from walk_patterns(entry.url_patterns, inner, prefix + str(entry.pattern))
        else:
            name = f"{namespace}{entry.name}" if entry.name else None
            yield Route(name, prefix + str(entry.pattern), entry)


class AccessPolicyTestCase(PersonasTestCase):
    cees_membership: Membership
    dirk_membership: Membership
    invitation: Invitation
    other_invitation: Invitation
    partner: Partner
    other_partner: Partner
    join_request: JoinRequest
    other_join_request: JoinRequest
    commitment: Commitment
    other_commitment: Commitment
    knowledge_item: KnowledgeItem
    other_knowledge_item: KnowledgeItem
    attachment: Attachment
    other_attachment: Attachment
    signal: Signal
    other_signal: Signal
    comment: Comment
    other_comment: Comment
    intervention: Intervention
    other_intervention: Intervention
    experiment: Experiment
    other_experiment: Experiment
    event: Event
    other_event: Event
    registration: Registration
    other_registration: Registration
    # campaigns module
    campaign: Campaign
    other_campaign: Campaign
    reach_figure: ReachFigure
    other_reach_figure: ReachFigure
    campaign_file: CampaignFile
    other_campaign_file: CampaignFile
    lobby_item: LobbyItem
    other_lobby_item: LobbyItem
    help_offer: HelpOffer
    other_help_offer: HelpOffer
    referral: Referral
    other_referral: Referral
    crisis_line: CrisisLine
    other_crisis_line: CrisisLine
    blueprint_request: BlueprintRequest
    plan_task: PlanTask
    other_plan_task: PlanTask
    trends: dict[str, TrendObjects]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.cees_membership = Membership.objects.get(user=cls.cees, coalition=cls.coalition)
        cls.dirk_membership = Membership.objects.get(user=cls.dirk, coalition=cls.other_coalition)
        cls.invitation, _token = do_invite_member(
            cls.anna, cls.coalition, "nieuw@example.org", Role.MEMBER
        )
        cls.other_invitation, _token = do_invite_member(
            None, cls.other_coalition, "nieuw@example.org", Role.MEMBER
        )
        cls.partner = do_create_partner(cls.anna, cls.coalition, name="Bibliotheek", domains=[])
        cls.other_partner = do_create_partner(None, cls.other_coalition, name="GGD", domains=[])
        do_link_membership_to_partner(
            cls.anna, Membership.objects.get(user=cls.bram, coalition=cls.coalition), cls.partner
        )
        cls.join_request, cls.other_join_request = (
            do_submit_join_request(
                coalition,
                organisation_name="Buurthuis",
                domains=["civil_society"],
                website="",
                contact_name="Els",
                contact_email="els@example.org",
                motivation="Wij doen graag mee.",
                endorsed_principles=[],
            )
            for coalition in (cls.coalition, cls.other_coalition)
        )
        for coalition in (cls.coalition, cls.other_coalition):
            first = do_create_covenant_draft(cls.anna, coalition, title="Convenant", body="Tekst")
            do_publish_covenant_version(cls.anna, first)
            do_create_covenant_draft(cls.anna, coalition, title="Convenant 2", body="Tekst")
        cls.commitment, cls.other_commitment = (
            do_pledge_commitment(
                cls.anna, partner, year=2026, kind=CommitmentKind.KNOWLEDGE, description="Kennis"
            )
            for partner in (cls.partner, cls.other_partner)
        )
        cls.knowledge_item, cls.other_knowledge_item = (
            do_create_knowledge_item(
                author,
                coalition,
                kind=KnowledgeKind.ARTICLE,
                themes=[],
                target_groups=[],
                title="Nepnieuws",
                summary="Over nepnieuws.",
                body="",
                links="",
                author_organisation=None,
                published_on=datetime.date(2026, 1, 1),
                tags="",
                visibility=Visibility.PUBLIC,
            )
            for author, coalition in ((cls.anna, cls.coalition), (cls.dirk, cls.other_coalition))
        )
        cls.attachment, cls.other_attachment = (
            do_add_attachment(
                cls.anna, item, CleanFile(b"%PDF-1.4 test", "pdf", "application/pdf", "a.pdf")
            )
            for item in (cls.knowledge_item, cls.other_knowledge_item)
        )
        cls.comment, cls.other_comment = (
            do_add_comment(author, item.coalition, item, "Mooi!")
            for author, item in (
                (cls.anna, cls.knowledge_item),
                (cls.dirk, cls.other_knowledge_item),
            )
        )
        cls.intervention, cls.other_intervention = (
            do_create_intervention(
                author,
                coalition,
                name="Filterbubbel.nl",
                summary="Een website over filterbubbels.",
                kind="website",
                status="running",
                visibility=Visibility.PUBLIC,
            )
            for author, coalition in ((cls.anna, cls.coalition), (cls.dirk, cls.other_coalition))
        )
        cls.experiment, cls.other_experiment = (
            do_create_experiment(
                intervention.created_by,
                intervention,
                question="Werkt het?",
                location="Bibliotheek",
                participants="Ouders",
                starts_on=datetime.date(2026, 1, 1),
            )
            for intervention in (cls.intervention, cls.other_intervention)
        )
        cls.trends = {c.slug: make_trend_objects(c) for c in (cls.coalition, cls.other_coalition)}

        # signals module: two identical reports per coalition, so they share a cluster.
        for reporter, coalition, name in (
            (cls.cees, cls.coalition, "signal"),
            (cls.dirk, cls.other_coalition, "other_signal"),
        ):
            for _number in range(2):
                reported = do_report_signal(
                    reporter,
                    coalition,
                    text="Een filmpje met een nepbericht over de school gaat rond op TikTok.",
                    platforms=["tiktok"],
                    space="open",
                    age_group="12_15",
                    area=None,
                    first_seen=None,
                    urgency="concern",
                )
            setattr(cls, name, reported)
        start = timezone.now() + datetime.timedelta(days=30)
        cls.event, cls.other_event = (
            do_create_event(
                None,
                coalition,
                kind="meeting",
                title="Netwerkbijeenkomst",
                description="",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                location="Stadhuis",
                online_link="",
                audience="public",
                capacity=10,
                registration_deadline=None,
            )
            for coalition in (cls.coalition, cls.other_coalition)
        )
        cls.registration, cls.other_registration = (
            do_register_visitor(event, name="Els", email="els@example.org", organisation="")
            for event in (cls.event, cls.other_event)
        )
        # campaigns module
        cls.campaign, cls.other_campaign = (
            do_create_campaign(
                None,
                coalition,
                title="Check je bron",
                goal="Jongeren checken een bron.",
                target_groups=[],
                target_group_note="",
                message="Eerst checken, dan delen.",
                channels=[],
                starts_on=datetime.date(2026, 1, 1),
                ends_on=None,
                status=CampaignStatus.RUNNING,
                partners=[],
                links="",
                is_public=True,
                knowledge_items=[],
            )
            for coalition in (cls.coalition, cls.other_coalition)
        )
        cls.reach_figure, cls.other_reach_figure = (
            do_record_reach(
                None,
                campaign,
                measured_on=datetime.date(2026, 2, 1),
                measure=ReachMeasure.IMPRESSIONS,
                value=100,
            )
            for campaign in (cls.campaign, cls.other_campaign)
        )
        cls.campaign_file, cls.other_campaign_file = (
            do_add_campaign_file(
                None, campaign, CleanFile(b"%PDF-1.4 test", "pdf", "application/pdf", "a.pdf")
            )
            for campaign in (cls.campaign, cls.other_campaign)
        )
        cls.lobby_item, cls.other_lobby_item = (
            do_create_lobby_item(
                None,
                coalition,
                topic="Meldknop",
                ask="Een meldknop in elke app.",
                addressee=Addressee.PLATFORM,
                addressee_name="",
                status=LobbyStatus.SENT,
                outcome="",
                links="",
                knowledge_items=[],
            )
            for coalition in (cls.coalition, cls.other_coalition)
        )
        for coalition, reader in ((cls.coalition, cls.cees), (cls.other_coalition, cls.dirk)):
            do_set_subscription(reader, coalition, reader, True)
            newsflash = do_create_newsflash(
                None, coalition, title="Eerste", intro="Hallo", roles=[], domains=[], entries=[]
            )
            do_send_newsflash(cls.anna, newsflash)
        cls.help_offer, cls.other_help_offer = (
            do_save_help_offer(
                None,
                partner.coalition,
                partner,
                title="Spreekuur",
                description="Langskomen met vragen.",
                themes=["cyberbullying"],
                audiences=["parents"],
                email="hulp@example.org",
            )
            for partner in (cls.partner, cls.other_partner)
        )
        youth_work = do_create_partner(cls.anna, cls.coalition, name="Jongerenwerk", domains=[])
        do_link_membership_to_partner(cls.anna, cls.cees_membership, youth_work)
        do_link_membership_to_partner(None, cls.dirk_membership, cls.other_partner)
        case = CaseDetails(
            age_group="12_17",
            theme="cyberbullying",
            description="Wordt gepest in een groepsapp.",
            urgency="regular",
            contact_preference="phone",
            sharing_basis="other_basis",
            legal_basis="Jeugdwet",
        )
        cls.cees_membership.refresh_from_db()
        cls.dirk_membership.refresh_from_db()
        cls.referral = do_refer_case(cls.cees, cls.cees_membership, cls.help_offer, case)
        cls.other_referral = do_refer_case(
            cls.dirk, cls.dirk_membership, cls.other_help_offer, case
        )
        cls.crisis_line, cls.other_crisis_line = (
            do_save_crisis_line(None, coalition, name="113", phone="0800-0113", when_to_call="Nu")
            for coalition in (cls.coalition, cls.other_coalition)
        )
        # blueprint module
        cls.blueprint_request, _token = do_start_blueprint()
        do_save_blueprint_step(
            cls.blueprint_request,
            "region",
            {"municipalities": ["Veere"], "population": "under_50k", "urbanity": "rural"},
        )
        do_submit_blueprint(
            cls.blueprint_request,
            contact_name="Els",
            contact_email="els@example.org",
            contact_organisation="Gemeente Veere",
        )
        for coalition in (cls.coalition, cls.other_coalition):
            do_save_maturity_scan(cls.anna, coalition, year=2026, levels={"partners": 2}, facts={})
        cls.plan_task, cls.other_plan_task = (
            do_add_plan_task(cls.anna, coalition, phase=Phase.URGENCY, title="Memo")
            for coalition in (cls.coalition, cls.other_coalition)
        )

    # Helpers

    def routes(self) -> list[Route]:
        return list(walk_patterns(get_resolver().url_patterns))

    def personas(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "cees (member)": self.cees,
            "bram (partner admin)": self.bram,
            "femke (analyst)": self.femke,
            "anna (coordinator)": self.anna,
            "dirk (other coalition)": self.dirk,
            "pieter (platform admin)": self.pieter,
        }

    def client_for(self, user: User | None, *, verified: bool = True) -> Client:
        client = Client()
        if user is not None:
            self.log_in(user, verified=verified, client=client)
        return client

    def build_url(self, name: str, sample: Sample) -> tuple[str, Kwargs]:
        kwargs = sample(self) if callable(sample) else sample
        return reverse(name, kwargs=kwargs), kwargs

    def rule_of(self, route: Route) -> Rule:
        permission = get_declared_permission(route.pattern.callback)
        assert permission is not None, f"{route.description} declares no permission"
        return POLICY[permission]

    def role_in(self, user: User, kwargs: Kwargs) -> Role | None:
        if "slug" not in kwargs:
            return None
        membership = Membership.objects.filter(
            user=user, coalition=Coalition.objects.get(slug=kwargs["slug"])
        ).first()
        return Role(membership.role) if membership is not None else None

    def expects_access(self, rule: Rule, user: User | None, kwargs: Kwargs) -> bool | None:
        """True: allowed; False: 403; None: sent to the login page."""
        if rule.audience == Audience.ANYONE:
            return True
        if user is None:
            return None
        if rule.audience == Audience.AUTHENTICATED:
            return True
        if rule.audience == Audience.PLATFORM_ADMIN:
            return user.is_platform_admin
        return rule.admits_role(self.role_in(user, kwargs))

    def redirect_path(self, response: HttpResponseBase) -> str:
        if response.status_code != 302:
            return ""
        return urlsplit(response["Location"]).path

    def is_login_redirect(self, response: HttpResponseBase) -> bool:
        return self.redirect_path(response) == reverse("accounts:login")

    def is_mfa_redirect(self, response: HttpResponseBase) -> bool:
        return self.redirect_path(response) in {
            reverse("accounts:mfa_verify"),
            reverse("accounts:mfa_setup"),
        }

    def assert_allowed(self, route_name: str, rule: Rule, response: HttpResponseBase) -> None:
        statuses = ALLOWED_STATUSES | (TOKEN_PAGE_STATUSES if route_name in TOKEN_PAGES else set())
        if route_name in OBJECT_CHECKED_PAGES:
            statuses |= {403}
        self.assertIn(response.status_code, statuses)
        self.assertFalse(self.is_login_redirect(response), "sent to the login page")
        if not rule.before_mfa:
            self.assertFalse(self.is_mfa_redirect(response), "sent to two-step verification")

    def check_matrix(self, samples: dict[str, Sample], *, only_slug_routes: bool) -> set[str]:
        """GET every route as every persona; returns the names of the routes checked."""
        clients = {label: self.client_for(user) for label, user in self.personas().items()}
        checked: set[str] = set()
        for route in self.routes():
            if only_slug_routes and not route.takes_slug:
                continue
            with self.subTest(url=route.description):
                self.assertIsNotNone(
                    get_declared_permission(route.pattern.callback),
                    f"The view of {route.description!r} declares no permission; decorate it "
                    "with @requires(Permission.…).",
                )
                if route.name is None or route.name not in samples:
                    table = "OTHER_TENANT_KWARGS" if only_slug_routes else "SAMPLE_KWARGS"
                    self.fail(
                        f"URL pattern {route.description!r} (name {route.name!r}) is not covered "
                        f"by the access matrix: give it a name and add it to {table} in "
                        "weerbaar/accounts/tests/test_access_policy.py."
                    )
            if route.name is None or route.name not in samples:
                continue
            url, kwargs = self.build_url(route.name, samples[route.name])
            rule = self.rule_of(route)
            checked.add(route.name)
            for label, user in self.personas().items():
                with self.subTest(url=url, persona=label):
                    response = clients[label].get(url)
                    self.assertLess(response.status_code, 500)
                    expected = self.expects_access(rule, user, kwargs)
                    if expected is None:
                        self.assertTrue(
                            self.is_login_redirect(response),
                            f"expected a redirect to the login page, got {response.status_code}",
                        )
                    elif expected:
                        self.assert_allowed(route.name, rule, response)
                    else:
                        self.assertEqual(response.status_code, 403)
        return checked

    # Tests

    def test_it_gives_every_persona_what_the_policy_says_on_every_url(self) -> None:
        checked = self.check_matrix(SAMPLE_KWARGS, only_slug_routes=False)

        self.assertEqual(checked, {route.name for route in self.routes()})

    def test_it_keeps_every_persona_to_their_own_coalition(self) -> None:
        checked = self.check_matrix(OTHER_TENANT_KWARGS, only_slug_routes=True)

        self.assertEqual(checked, {route.name for route in self.routes() if route.takes_slug})

    def test_it_refuses_anna_every_coordinator_page_of_another_coalition(self) -> None:
        client = self.client_for(self.anna)
        coordinator_pages = 0
        for route in self.routes():
            if route.name not in OTHER_TENANT_KWARGS:
                continue
            rule = self.rule_of(route)
            if rule.audience != Audience.COALITION_ROLES or Role.COORDINATOR not in rule.roles:
                continue
            url, _kwargs = self.build_url(route.name, OTHER_TENANT_KWARGS[route.name])
            with self.subTest(url=url):
                coordinator_pages += 1
                self.assertEqual(client.get(url).status_code, 403)

        self.assertGreaterEqual(coordinator_pages, 4)

    def test_it_sends_privileged_people_through_two_step_verification_first(self) -> None:
        for user in (self.anna, self.femke, self.pieter):
            client = self.client_for(user, verified=False)
            for route in self.routes():
                if route.name not in SAMPLE_KWARGS:
                    continue
                rule = self.rule_of(route)
                if rule.audience == Audience.ANYONE or rule.before_mfa:
                    continue
                url, _kwargs = self.build_url(route.name, SAMPLE_KWARGS[route.name])
                with self.subTest(url=url, persona=user.email):
                    response = client.get(url)

                    self.assertEqual(self.redirect_path(response), reverse("accounts:mfa_verify"))
                    self.assertIn("next=", response["Location"])

    def test_it_finds_patterns_in_included_namespaces(self) -> None:
        names = {route.name for route in self.routes()}

        self.assertIn("accounts:change_role", names)
        self.assertIn("audit:log", names)
        self.assertIn("platform_home", names)
