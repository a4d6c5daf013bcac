"""Saved searches of seekers: double opt-in, signed links, one-click unsubscribe, GDPR export and
deletion, and the cleanup of unconfirmed profiles. Mails are German.

Links carry a signed profile id (django.core.signing, one salt per purpose), so no account and no
stored secret is needed; the confirmation link expires with the profile (7 days).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from matching.models import SeekerProfile
from premises.models import PremisesInquiry

UNCONFIRMED_DAYS = 7
PURPOSES = ("confirm", "manage", "unsubscribe")


def seeker_token(profile: SeekerProfile, purpose: str) -> str:
    assert purpose in PURPOSES
    return signing.dumps(profile.pk, salt=f"matching.seeker.{purpose}", compress=True)


def profile_for_token(token: str, purpose: str) -> SeekerProfile | None:
    """The profile a signed link names, or None (forged, expired or already deleted)."""
    max_age = timedelta(days=UNCONFIRMED_DAYS) if purpose == "confirm" else None
    try:
        pk = signing.loads(token, salt=f"matching.seeker.{purpose}", max_age=max_age)
    except signing.BadSignature:
        return None
    return SeekerProfile.objects.filter(pk=pk).first()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def seeker_link(profile: SeekerProfile, purpose: str) -> str:
    names = {"confirm": "seekers:confirm", "manage": "seekers:manage", "unsubscribe": "seekers:unsubscribe"}
    return absolute_url(reverse(names[purpose], args=[seeker_token(profile, purpose)]))


def send_seeker_mail(profile: SeekerProfile, *, subject: str, template: str, context: dict) -> None:
    """A German plain-text mail to the seeker with the manage and one-click unsubscribe links."""
    unsubscribe = seeker_link(profile, "unsubscribe")
    body = render_to_string(template, {
        **context, "profile": profile, "manage_url": seeker_link(profile, "manage"), "unsubscribe_url": unsubscribe,
    })
    EmailMessage(
        subject=subject, body=body, to=[profile.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    ).send()


MAX_UNCONFIRMED_PER_ADDRESS = 3


def seeker_confirmations_pending(email: str) -> bool:
    """True when this address already has enough unconfirmed searches: no more confirmation mails
    to it until one is confirmed or expires (nobody can flood a stranger's inbox)."""
    pending = SeekerProfile.objects.filter(email__iexact=email.strip(), confirmed_at__isnull=True)
    return pending.count() >= MAX_UNCONFIRMED_PER_ADDRESS


def seeker_profile_save(*, fields: dict, email: str, allow_contact: bool = False) -> SeekerProfile:
    """Store a search with an e-mail address and send the confirmation link (double opt-in)."""
    profile = SeekerProfile.objects.create(**fields, email=email.strip(), allow_contact=allow_contact)
    send_seeker_mail(
        profile, subject="Bitte bestätigen Sie Ihre gespeicherte Suche",
        template="matching/seekers/mail_confirm.txt",
        context={"confirm_url": seeker_link(profile, "confirm"), "days": UNCONFIRMED_DAYS},
    )
    return profile


def seeker_profile_confirm(profile: SeekerProfile, *, now: datetime | None = None) -> SeekerProfile:
    """Confirm once; alerts then report listings new or changed after this moment."""
    if profile.confirmed_at is None:
        profile.confirmed_at = now or timezone.now()
        profile.unsubscribed_at = None
        profile.save(update_fields=["confirmed_at", "unsubscribed_at", "updated_at"])
    return profile


def seeker_profile_unsubscribe(profile: SeekerProfile, *, now: datetime | None = None) -> SeekerProfile:
    if profile.unsubscribed_at is None:
        profile.unsubscribed_at = now or timezone.now()
        profile.save(update_fields=["unsubscribed_at", "updated_at"])
    return profile


def _profile_data(profile: SeekerProfile) -> dict:
    fields = [f.name for f in SeekerProfile._meta.concrete_fields]
    data = {}
    for name in fields:
        value = getattr(profile, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data["alerts"] = [
        {"sent_at": alert.sent_at.isoformat(), "premises": [p.title for p in alert.premises.all()]}
        for alert in profile.alerts.prefetch_related("premises")
    ]
    return data


def seeker_data_export(profile: SeekerProfile) -> dict:
    """Everything stored about the person behind ``profile`` (GDPR Art. 15/20): their saved searches
    under this e-mail address with the alerts sent, and the inquiries they sent from that address."""
    profiles = _same_person(profile)
    inquiries = PremisesInquiry.objects.filter(email__iexact=profile.email).select_related("premises") if profile.email else []
    return {
        "email": profile.email,
        "exported_at": timezone.now().isoformat(),
        "saved_searches": [_profile_data(p) for p in profiles],
        "inquiries": [
            {"premises": i.premises.title, "name": i.name, "email": i.email, "phone": i.phone, "message": i.message,
             "created_at": i.created_at.isoformat()}
            for i in inquiries
        ],
    }


def _same_person(profile: SeekerProfile):
    if profile.email:
        return SeekerProfile.objects.filter(email__iexact=profile.email).order_by("pk")
    return SeekerProfile.objects.filter(pk=profile.pk)


@transaction.atomic
def seeker_data_delete(profile: SeekerProfile) -> int:
    """Delete every trace of the person (GDPR Art. 17): all saved searches under this e-mail
    address, their alert log, and the inquiries sent from it. Returns the number of rows deleted."""
    deleted = 0
    if profile.email:
        deleted += PremisesInquiry.objects.filter(email__iexact=profile.email).delete()[0]
    deleted += _same_person(profile).delete()[0]
    return deleted


def seeker_delete_unconfirmed(*, now: datetime | None = None, days: int = UNCONFIRMED_DAYS) -> int:
    """Saved searches never confirmed within ``days`` are deleted (data minimisation)."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    _, per_model = SeekerProfile.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return per_model.get(SeekerProfile._meta.label, 0)
