"""One login throttle for every way in: the members' area, the Wagtail admin, the municipal tools,
Django's admin and page passwords.

Every login form calls ``django.contrib.auth.authenticate``; the authentication backend below
refuses, without checking the password, an account that failed too often from one client address,
so no login path is left unthrottled. Failures are counted from Django's ``user_login_failed``
signal and cleared by a successful login. The key is account + address: another visitor (behind
the proxy: another client address) still gets in, and nobody can lock a member out from afar.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from common.clients import client_address
from common.ratelimit import Limit

LOGIN_FAILURES = Limit("login-failures", limit=5, window_seconds=15 * 60)
PAGE_PASSWORD_FAILURES = Limit("page-password-failures", limit=5, window_seconds=15 * 60)

THROTTLE_MESSAGE = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut "
    "oder setzen Sie Ihr Passwort zurück."
)
PAGE_PASSWORD_THROTTLE_MESSAGE = (
    "Zu viele falsche Passwörter. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut."
)


def _who(username: str | None, request) -> str:
    return f"{(username or '').strip().casefold()}|{client_address(request)}"


def _username(credentials: dict) -> str:
    return credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD) or ""


class ThrottledModelBackend(ModelBackend):
    """Django's model backend, which first refuses accounts locked for this client address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and LOGIN_FAILURES.reached(_who(username or kwargs.get(get_user_model().USERNAME_FIELD),
                                                               request)):
            request.login_throttled = True
            raise PermissionDenied  # no other backend tries either
        return super().authenticate(request, username=username, password=password, **kwargs)


def _count_failure(sender, credentials=None, request=None, **kwargs):
    if request is not None and not getattr(request, "login_throttled", False):
        LOGIN_FAILURES.count(_who(_username(credentials or {}), request))


def _clear_failures(sender, request=None, user=None, **kwargs):
    if request is not None and user is not None:
        LOGIN_FAILURES.reset(_who(user.get_username(), request))


def connect() -> None:
    user_login_failed.connect(_count_failure, dispatch_uid="login_failure_counted")
    user_logged_in.connect(_clear_failures, dispatch_uid="login_failures_cleared")


class ThrottleMessageMixin:
    """For every login form (an ``AuthenticationForm``): a locked account hears why."""

    def get_invalid_login_error(self):
        if getattr(self.request, "login_throttled", False):
            return forms.ValidationError(THROTTLE_MESSAGE, code="throttled")
        return super().get_invalid_login_error()


def page_password_locked(restriction_id: int, request) -> bool:
    return PAGE_PASSWORD_FAILURES.reached(f"{restriction_id}|{client_address(request)}")


def page_password_failed(restriction_id: int, request) -> None:
    PAGE_PASSWORD_FAILURES.count(f"{restriction_id}|{client_address(request)}")


class LoginForm(ThrottleMessageMixin, AuthenticationForm):
    """The site's own login pages (members' area, municipal tools)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Benutzername oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.",
        "inactive": "Dieses Konto ist deaktiviert.",
    }


class AdminLoginForm(ThrottleMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


class DjangoAdminLoginForm(ThrottleMessageMixin, AdminAuthenticationForm):
    """Django's own admin (``/django-admin/``)."""
