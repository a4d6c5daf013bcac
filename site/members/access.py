"""Who may see what in the members' area, and the response headers that keep it private.

Anonymous visitors are sent to the login; logged-in people who are not members get a 404, so the
area never tells an outsider what exists.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.views import page_not_found
from members.models import MEMBERS_GROUP


def is_office(user):
    """The office (Geschäftsstelle) invites and manages members."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("members.manage_members"))


def is_member(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or is_office(user):
        return True
    return user.groups.filter(name=MEMBERS_GROUP).exists()


def private(view):
    """Never cached by shared caches, never indexed: every view under /intern/ goes through this."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as exception:
            response = page_not_found(request, exception)
        return mark_private(response)

    return wrapper


def mark_private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def member_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("members:login"))
        if not is_member(request.user):
            raise Http404("Kein Zugang zum Mitgliederbereich.")
        return view(request, *args, **kwargs)

    return wrapper


def office_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("members:login"))
        if not is_office(request.user):
            raise Http404("Nur für die Geschäftsstelle.")
        return view(request, *args, **kwargs)

    return wrapper
