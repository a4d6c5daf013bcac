"""Match alerts: a confirmed saved search gets one German mail per batch, at most daily, naming
the listings that are new or changed since its last alert (or its confirmation) and fit it.

Run by ``manage.py send_match_alerts`` (daily, e.g. from cron). Fitting is decided by the same
engine query and rules as the seeker's own search, restricted to the changed listings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from matching.matchmaking import PremisesSearchUnavailable, match_premises, request_from_profile
from matching.models import SeekerAlert, SeekerProfile
from matching.seekers import absolute_url, send_seeker_mail
from premises.models import Premises

MIN_INTERVAL = timedelta(hours=23)  # "at most daily", with slack for a cron job that runs a bit early
MAX_LISTINGS_PER_MAIL = 10


@dataclass
class AlertBatch:
    checked: int = 0
    mailed: int = 0
    listings: int = 0
    engine_down: bool = False


def send_match_alerts(*, now: datetime | None = None) -> AlertBatch:
    now = now or timezone.now()
    batch = AlertBatch()
    due = SeekerProfile.objects.alertable().exclude(last_alert_at__gt=now - MIN_INTERVAL).order_by("pk")
    profiles = list(due)
    if not profiles:
        return batch
    oldest = min(p.last_alert_at or p.confirmed_at for p in profiles)
    changed = list(
        Premises.objects.filter(status=Premises.Status.PUBLISHED, updated_at__gt=oldest, updated_at__lte=now)
        .values_list("pk", "updated_at")
    )
    for profile in profiles:
        batch.checked += 1
        since = profile.last_alert_at or profile.confirmed_at
        ids = [pk for pk, updated in changed if updated > since]
        if not ids or not profile.use_types:
            continue
        try:
            matches = match_premises(request_from_profile(profile, limit=MAX_LISTINGS_PER_MAIL), only_ids=ids)
        except PremisesSearchUnavailable:
            # Engine down: stop here; the next run reports everything since each search's last alert.
            batch.engine_down = True
            break
        if not matches:
            continue
        send_seeker_mail(
            profile,
            subject=_subject(len(matches)),
            template="matching/seekers/mail_alert.txt",
            context={"matches": [(m, absolute_url(m.premises.get_absolute_url())) for m in matches]},
        )
        alert = SeekerAlert.objects.create(profile=profile, sent_at=now)
        alert.premises.set([m.premises for m in matches])
        SeekerProfile.objects.filter(pk=profile.pk).update(last_alert_at=now)
        batch.mailed += 1
        batch.listings += len(matches)
    return batch


def _subject(count: int) -> str:
    if count == 1:
        return "Eine neue passende Fläche für Ihre Suche"
    return f"{count} neue passende Flächen für Ihre Suche"
