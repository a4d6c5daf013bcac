"""Read queries of the alliance pages: only live, public pages ever reach a listing."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.utils import timezone

from alliance import models as alliance_models
from core.selectors import public_pages


def _children(model, parent):
    queryset = public_pages(model.objects.live())
    if parent is not None:
        queryset = queryset.child_of(parent)
    return queryset


def working_groups(*, parent=None):
    return _children(alliance_models.WorkingGroupPage, parent).order_by("path")


def pilot_projects(*, parent=None, working_group=None, status=None):
    queryset = _children(alliance_models.PilotProjectPage, parent).select_related("working_group")
    if working_group is not None:
        queryset = queryset.filter(working_group=working_group)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("path")


def meetings(*, parent=None):
    """Meetings, newest first."""
    return _children(alliance_models.MeetingPage, parent).order_by("-date")


def news(*, parent=None):
    """News, newest first."""
    return _children(alliance_models.NewsPage, parent).select_related("image").order_by("-date", "-first_published_at")


def upcoming_events(*, parent=None, now=None):
    """Events that have not ended yet, soonest first (a running event counts as upcoming)."""
    now = now or timezone.now()
    queryset = _children(alliance_models.EventPage, parent)
    return queryset.filter(_not_ended(now)).order_by("start")


def past_events(*, parent=None, now=None):
    """Events that are over, most recent first."""
    now = now or timezone.now()
    queryset = _children(alliance_models.EventPage, parent)
    return queryset.exclude(_not_ended(now)).order_by("-start")


def _not_ended(now):
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)


def paginate(queryset, page_number, *, per_page=10):
    """A page of results; a wrong or too large page number gives the first or last page, never an error."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
