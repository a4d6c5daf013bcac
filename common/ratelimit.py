"""Counting attempts per client (or per e-mail address) in a time window, for every limit of the site.

Django's cache holds the counts (Redis in production, so every worker shares them); keys are
hashed with the secret key, so the cache keeps no addresses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect

from common.clients import client_address


@dataclass(frozen=True)
class Limit:
    scope: str  # e.g. "vacancy-report"
    limit: int  # attempts allowed ...
    window_seconds: int  # ... per window

    def _key(self, who: str) -> str:
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{self.scope}:{who}".encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}"

    def reached(self, who: str) -> bool:
        """Whether ``who`` used up the limit, without counting."""
        return (cache.get(self._key(who)) or 0) >= self.limit

    def count(self, who: str) -> int:
        """Count one use of ``who``; returns the count in the current window."""
        key = self._key(who)
        cache.add(key, 0, timeout=self.window_seconds)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window_seconds)
            return 1

    def reset(self, who: str) -> None:
        """Start counting ``who`` afresh (e.g. after a successful login)."""
        cache.delete(self._key(who))

    def exceeded(self, who: str) -> bool:
        """Count one attempt; True once it goes beyond the limit."""
        return self.count(who) > self.limit


# Reset mails: per client address, and per e-mail address (beyond it no mail but the same answer:
# nobody learns whether the address has an account).
RESETS_PER_CLIENT = Limit("password-reset-client", limit=5, window_seconds=3600)
RESETS_PER_EMAIL = Limit("password-reset-email", limit=3, window_seconds=3600)


class PasswordResetLimitMixin:
    """For every password reset view (members' and the admin's): no mail flooding through it."""

    def form_valid(self, form):
        if RESETS_PER_CLIENT.exceeded(client_address(self.request)):
            form.add_error(None, "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anfragen. Bitte versuchen Sie es "
                                 "in einer Stunde erneut.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if RESETS_PER_EMAIL.exceeded(form.cleaned_data["email"].strip().casefold()):
            return redirect(self.get_success_url())
        return super().form_valid(form)
