"""Signed links of the members' area: invitations, poll answers without login."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

INVITATION_MAX_AGE = 7 * 24 * 3600
POLL_LINK_MAX_AGE = 60 * 24 * 3600
POLL_SALT = "members.poll-answer"


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Like the password reset token, but valid for a week and under its own salt.

    The hash covers the password and last login, so the link stops working once the password is set.
    """

    key_salt = "members.tokens.InvitationTokenGenerator"
    max_age = INVITATION_MAX_AGE

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        return (self._num_seconds(self._now()) - ts) <= self.max_age


invitation_token = InvitationTokenGenerator()


class PollLinkError(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def poll_link_token(poll, user):
    return signing.dumps({"p": poll.pk, "u": user.pk}, salt=POLL_SALT, compress=True)


def read_poll_link_token(token, max_age=None):
    """(poll id, user id) from a signed link; a tampered or expired link raises PollLinkError."""
    try:
        data = signing.loads(token, salt=POLL_SALT, max_age=max_age or POLL_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise PollLinkError("Dieser Link ist abgelaufen. Bitte melden Sie sich an, um abzustimmen.", 410)
    except signing.BadSignature:
        raise PollLinkError("Dieser Link ist ungültig.", 403)
    return data.get("p"), data.get("u")


DIGEST_SALT = "members.digest-off"


def digest_off_token(user):
    return signing.dumps(user.pk, salt=DIGEST_SALT)


def read_digest_off_token(token):
    """The user id from an unsubscribe link (no expiry: switching off must always work), or None."""
    try:
        return signing.loads(token, salt=DIGEST_SALT)
    except signing.BadSignature:
        return None


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
