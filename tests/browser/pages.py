"""Where the tested pages live."""

from __future__ import annotations

from django.urls import reverse

from premises.models import Premises


def match_form_url() -> str:
    return reverse("seekers:start")


def a_public_listing() -> Premises:
    return Premises.objects.public().exclude(latitude=None).order_by("pk").first()
