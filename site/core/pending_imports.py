"""Import files between preview and confirmation: stored once, claimed once, never kept.

Two confirmations of the same preview (a double click, two tabs) run the import once: the
second finds nothing to claim and is told so. Files nobody confirms are gone after a day.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from core.models import PendingImport

MAX_AGE = timedelta(days=1)


def store(*, user, kind: str, name: str, text: str, replaces: str = "") -> str:
    """Keep ``text`` for the user's confirmation; returns its token. ``replaces``: the token of an
    earlier preview of the same user, now superseded."""
    PendingImport.objects.filter(created_at__lt=timezone.now() - MAX_AGE).delete()
    if replaces:
        PendingImport.objects.filter(user=user, token=replaces).delete()
    token = uuid.uuid4().hex
    PendingImport.objects.create(token=token, user=user, kind=kind, name=name[:255], text=text)
    return token


def claim(*, user, kind: str, token: str) -> PendingImport | None:
    """The pending file for this token, removed in the same step; None if it is expired, another
    user's, or already claimed by a concurrent confirmation."""
    pending = PendingImport.objects.filter(
        user=user, kind=kind, token=token or "", created_at__gte=timezone.now() - MAX_AGE
    ).first()
    if pending is None:
        return None
    deleted, _ = PendingImport.objects.filter(pk=pending.pk).delete()
    return pending if deleted else None
