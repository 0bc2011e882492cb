"""Mail about help offers and referrals, in Dutch (the people mailed chose no language here).

Mail never carries what a case is about: only that there is one, and a link to read it after
logging in (or the single-use answer link). E-mail is not a safe place for case content.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from weerbaar.covenant.notifications import get_partner_admin_emails
from weerbaar.partners.models import Partner
from weerbaar.referrals.models import HelpOffer, Referral


def _send(subject: str, lines: list[str], url: str, recipients: list[str]) -> None:
    body = "\n\n".join([_("Hello,"), *lines, url, "Weerbaar"]) + "\n"
    # One mail per person: the people of different organisations do not see each other.
    for recipient in sorted(set(recipients)):
        EmailMessage(subject, body, to=[recipient]).send()


def _url(name: str, **kwargs: object) -> str:
    return str(settings.SITE_URL) + reverse(name, kwargs=kwargs)


def get_receiving_emails(partner: Partner) -> list[str]:
    """The partner admins who answer referrals for ``partner``; empty when it has no accounts."""
    return get_partner_admin_emails(partner.coalition, partner)


def notify_receiver_of_referral(referral: Referral, *, reminder: bool = False) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        if reminder:
            subject = _("Reminder: referral #%(number)s is waiting for your answer") % {
                "number": referral.pk
            }
        else:
            subject = _("New referral #%(number)s for %(offer)s") % {
                "number": referral.pk,
                "offer": referral.offer.title,
            }
        _send(
            subject,
            [
                _("A partner in %(coalition)s referred a case to your offer “%(offer)s”.")
                % {"coalition": referral.coalition.name, "offer": referral.offer.title},
                _("Log in to read it and to accept it, decline it or ask for information:"),
            ],
            _url("referrals:referral", slug=referral.coalition.slug, referral_id=referral.pk),
            get_receiving_emails(referral.offer.partner),
        )


def notify_link(referral: Referral, email: str, token: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            _("Referral #%(number)s for %(offer)s")
            % {
                "number": referral.pk,
                "offer": referral.offer.title,
            },
            [
                _("A partner in %(coalition)s referred a case to your offer “%(offer)s”.")
                % {"coalition": referral.coalition.name, "offer": referral.offer.title},
                _(
                    "With this personal link you can read it and answer once, within 14 days. "
                    "Do not forward it."
                ),
            ],
            _url("referrals:answer_link", slug=referral.coalition.slug, token=token),
            [email],
        )


def notify_referrer(referral: Referral, what: str) -> None:
    """Tell the referrer that the receiving partner took a step (``what``: the new status)."""
    if referral.referred_by is None or not referral.referred_by.is_active:
        return
    with translation.override(settings.LANGUAGE_CODE):
        messages = {
            "accepted": _("%(partner)s accepted your referral #%(number)s."),
            "declined": _(
                "%(partner)s declined your referral #%(number)s. Read why, and choose another "
                "offer for the person:"
            ),
            "info_requested": _("%(partner)s has a question about your referral #%(number)s."),
            "closed": _("Referral #%(number)s to %(partner)s has been closed."),
        }
        line = messages[what] % {"partner": referral.offer.partner.name, "number": referral.pk}
        _send(
            _("Referral #%(number)s: %(status)s")
            % {"number": referral.pk, "status": referral.get_status_display().lower()},
            [line],
            _url("referrals:referral", slug=referral.coalition.slug, referral_id=referral.pk),
            [referral.referred_by.email],
        )


def notify_offer_confirmation(offer: HelpOffer) -> bool:
    """Ask the partner admins to confirm that ``offer`` is still right; False when nobody to ask."""
    recipients = get_receiving_emails(offer.partner)
    if not recipients:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            _("Is “%(offer)s” still right?") % {"offer": offer.title},
            [
                _(
                    "Nobody has confirmed the help offer “%(offer)s” for six months. Offers that "
                    "are not confirmed are shown lower in the help finder."
                )
                % {"offer": offer.title},
                _("Check it, change what is no longer right, and confirm it:"),
            ],
            _url("referrals:edit_offer", slug=offer.coalition.slug, offer_id=offer.pk),
            recipients,
        )
    return True
