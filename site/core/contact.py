"""Spam protection and mail of the contact form: a honeypot field and a per-IP rate limit.

Bots fill every field they find, people never see the honeypot; the rate limit counts every
POST per client address in the shared cache (use Redis in production so workers share it).
"""

import logging
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from wagtail.admin.mail import send_mail
from wagtail.contrib.forms.forms import FormBuilder

from common.clients import client_address

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
RATE_LIMIT = 5  # submissions per client address ...
RATE_WINDOW_SECONDS = 60 * 60  # ... within this window

HONEYPOT_MESSAGE = (
    "Ihre Nachricht wurde nicht gesendet, weil sie wie automatisch erzeugt aussieht. "
    "Bitte lassen Sie das Feld „Website“ leer und versuchen Sie es erneut."
)
RATE_LIMIT_MESSAGE = (
    "Von Ihrem Anschluss wurden in kurzer Zeit zu viele Nachrichten gesendet. "
    "Bitte versuchen Sie es in einer Stunde erneut oder schreiben Sie uns eine E-Mail."
)


class ContactFormBuilder(FormBuilder):
    """The editor's fields plus the honeypot, which is hidden from people by CSS and aria."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            label="Website (bitte leer lassen)",
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields


@dataclass
class Refusal:
    message: str
    status: int


def refusal(request, page):
    """Why this POST is refused (spam or too many), or None when it may be processed."""
    key = f"contact-rate:{page.pk}:{client_address(request)}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    if request.POST.get(HONEYPOT_FIELD, "").strip():
        return Refusal(HONEYPOT_MESSAGE, 400)
    if count > RATE_LIMIT:
        return Refusal(RATE_LIMIT_MESSAGE, 429)
    return None


def send_submission_mail(page, form, recipients):
    subject = page.subject or f"Neue Nachricht über „{page.title}“"
    body = page.render_email(form)
    reply_to = [value for value in form.cleaned_data.values() if isinstance(value, str) and _is_email(value)][:1]
    from_address = page.from_address or settings.DEFAULT_FROM_EMAIL
    try:
        send_mail(subject, body, recipients, from_address, reply_to=reply_to or None)
    except Exception:
        # The submission is stored already; editors find it in the admin even when mail is down.
        logger.exception("Kontaktformular: E-Mail an %s konnte nicht gesendet werden", recipients)


def _is_email(value):
    try:
        forms.EmailField().clean(value)
    except forms.ValidationError:
        return False
    return True
