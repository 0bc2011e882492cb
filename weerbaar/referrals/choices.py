from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    """For whom a help offer is."""

    YOUNG_PEOPLE = "young_people", _("Young people")
    PARENTS = "parents", _("Parents and carers")
    PROFESSIONALS = "professionals", _("Professionals")
    SCHOOLS = "schools", _("Schools")


class OfferUrgency(models.TextChoices):
    CRISIS = "crisis", _("Crisis line, day and night")
    REGULAR = "regular", _("Regular help")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    PARTLY = "partly", _("Sometimes a contribution")
    PAID = "paid", _("Paid")


class Language(models.TextChoices):
    """Languages help is offered in; the keys are ISO 639-1 codes (exported as such)."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    BERBER = "ber", _("Tamazight (Berber)")
    PAPIAMENTO = "pap", _("Papiamento")


class Situation(models.TextChoices):
    """What is going on, in the finder's plain words; each maps to a theme (``finder.py``)."""

    NUDES = "nudes", _("Someone is sharing or threatening to share nude photos or videos")
    BULLYING = "bullying", _("Being bullied, excluded or threatened online")
    EXTREMISM = "extremism", _("Worried that someone is being drawn into extreme ideas")
    CONSPIRACY = "conspiracy", _("Someone close is lost in conspiracy theories")
    HATE = "hate", _("Hate or discrimination online")
    SCAM = "scam", _("Scammed or blackmailed for money online")
    GAMING = "gaming", _("Gaming or screen time is getting out of hand")
    OTHER = "other", _("Something else online that does not feel right")


class Visitor(models.TextChoices):
    YOUNG_PERSON = "young_person", _("I am a young person")
    PARENT = "parent", _("I am a parent or carer")
    PROFESSIONAL = "professional", _("I work with young people")


class FinderUrgency(models.TextChoices):
    DANGER = "danger", _("Someone is in danger now, or thinks about ending their life")
    SOON = "soon", _("It is serious; I want help this week")
    ADVICE = "advice", _("I have a question or want advice")


class AgeGroup(models.TextChoices):
    UNDER_12 = "under_12", _("Younger than 12")
    AGE_12_17 = "12_17", _("12 to 17")
    AGE_18_24 = "18_24", _("18 to 24")
    ADULT = "adult", _("25 or older")


class ReferralUrgency(models.TextChoices):
    """How soon the receiving partner must answer; the hours are in ``deadlines.py``."""

    URGENT = "urgent", _("Urgent: answer within 24 hours")
    SOON = "soon", _("Soon: answer within three days")
    REGULAR = "regular", _("Regular: answer within ten days")


class ContactPreference(models.TextChoices):
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")
    CHAT = "chat", _("By chat or app")
    IN_PERSON = "in_person", _("In person")
    VIA_REFERRER = "via_referrer", _("Through me, the referrer")


class SharingBasis(models.TextChoices):
    CONSENT = "consent", _("Consent")
    OTHER_BASIS = "other_basis", _("Another legal basis")


class ConsentGivenBy(models.TextChoices):
    PERSON = "person", _("The person themselves")
    PARENT = "parent", _("A parent or legal guardian")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Waiting for an answer")
    INFO_REQUESTED = "info_requested", _("More information asked")
    ACCEPTED = "accepted", pgettext_lazy("referral", "Accepted")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DeclineReason(models.TextChoices):
    """Why a partner declines; counted for the coordinator, so a list and not free text."""

    NOT_OUR_EXPERTISE = "expertise", _("Not our expertise")
    OUTSIDE_TARGET_GROUP = "target_group", _("Outside our target group or age range")
    OUTSIDE_AREA = "area", _("Outside our area")
    NO_CAPACITY = "capacity", _("No room at the moment")
    ALREADY_HELPED = "already_helped", _("Already receiving help elsewhere")
    OTHER = "other", _("Another reason")


class ReferralEventKind(models.TextChoices):
    SENT = "sent", _("Referred")
    INFO_REQUESTED = "info_requested", _("Asked for information")
    INFO_GIVEN = "info_given", _("Gave information")
    ACCEPTED = "accepted", pgettext_lazy("referral", "Accepted")
    DECLINED = "declined", _("Declined")
    REDIRECTED = "redirected", _("Referred to another offer")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMINDED = "reminded", _("Reminder sent")
    LINK_SENT = "link_sent", _("Answer link sent")
