"""Read queries of the members' area; every one starts from what the given user may see."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model

from members.access import is_office
from members.models import MEMBERS_GROUP, Meeting, Poll, PollAnswer, Post, Reply, Task, Workspace


def workspaces_for(user):
    """The workspaces whose group the user is in (the office and superusers see all)."""
    queryset = Workspace.objects.select_related("group", "working_group")
    if user.is_superuser or is_office(user):
        return queryset
    return queryset.filter(group__in=user.groups.all())


def workspace_for(user, slug):
    return workspaces_for(user).filter(slug=slug).first()


def alliance_workspace():
    return Workspace.objects.filter(is_alliance=True).first()


def workspace_members(workspace):
    """Active members in the workspace's group, by name."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, groups=workspace.group)
        .select_related("member_profile__organisation")
        .order_by("last_name", "first_name", "username")
    )


def all_members():
    User = get_user_model()
    return User.objects.filter(is_active=True, groups__name=MEMBERS_GROUP).order_by("last_name", "first_name", "username")


def posts(workspace, kind=None):
    queryset = Post.objects.filter(workspace=workspace).select_related("author", "document")
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def documents(workspace):
    return get_document_model().objects.filter(collection=workspace.collection).order_by("-created_at")


def document_for(user, document_id):
    """A private document the user may open, or None (documents outside workspaces are not served here)."""
    return get_document_model().objects.filter(id=document_id, collection__workspace__in=workspaces_for(user)).first()


def upcoming_meetings(workspaces, *, now=None):
    now = now or timezone.now()
    return (
        Meeting.objects.filter(workspace__in=workspaces)
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("workspace")
        .order_by("start")
    )


def meetings_for_calendar(user):
    """Internal meetings of the user's workspaces from a year back on."""
    since = timezone.now() - timezone.timedelta(days=365)
    return Meeting.objects.filter(workspace__in=workspaces_for(user), start__gte=since).order_by("start")


# --- Roadmap ---


def tasks(*, workspace=None, status=None):
    queryset = Task.objects.prefetch_related("groups")
    if workspace is not None:
        queryset = queryset.filter(groups=workspace)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.distinct()


def can_edit_task(user, task):
    """The office edits every task; members edit the tasks of a working group they belong to."""
    if is_office(user) or user.is_superuser:
        return True
    return task.groups.filter(is_alliance=False, group__in=user.groups.all()).exists()


def editable_workspaces(user):
    """Workspaces the user may assign tasks to."""
    if is_office(user) or user.is_superuser:
        return Workspace.objects.all()
    return Workspace.objects.filter(is_alliance=False, group__in=user.groups.all())


# --- Polls ---


def polls_for(user):
    if is_office(user) or user.is_superuser:
        return Poll.objects.all()
    return Poll.objects.filter(Q(invitees=user) | Q(organiser=user)).distinct()


def can_see_poll(user, poll):
    return polls_for(user).filter(pk=poll.pk).exists()


def can_fix_poll(user, poll):
    return poll.organiser_id == user.pk or is_office(user) or user.is_superuser


@dataclass
class PollMatrix:
    options: list
    rows: list  # [(user, [value or "" per option])]
    counts: list  # [{"yes": n, "maybe": n, "no": n} per option]
    best: set = field(default_factory=set)  # option ids with the most yes+maybe


def poll_matrix(poll):
    options = list(poll.options.all())
    invitees = list(poll.invitees.order_by("last_name", "first_name", "username"))
    answers = {(a.option_id, a.user_id): a.value for a in PollAnswer.objects.filter(option__poll=poll)}
    rows = [(user, [answers.get((option.id, user.id), "") for option in options]) for user in invitees]
    counts = []
    for option in options:
        values = [answers.get((option.id, user.id)) for user in invitees]
        counts.append({value: values.count(value) for value in PollAnswer.Value.values})
    scores = [(c["yes"] * 2 + c["maybe"]) for c in counts]
    top = max(scores, default=0)
    best = {option.id for option, score in zip(options, scores, strict=True) if top and score == top}
    return PollMatrix(options=options, rows=rows, counts=counts, best=best)


def answers_of(user, poll):
    return {a.option_id: a.value for a in PollAnswer.objects.filter(option__poll=poll, user=user)}


# --- Digest ---


@dataclass
class DigestItems:
    posts: list
    replies: list
    documents: list
    meetings: list
    polls: list

    def __bool__(self):
        return any([self.posts, self.replies, self.documents, self.meetings, self.polls])


def digest_items(user, since):
    spaces = workspaces_for(user)
    return DigestItems(
        posts=list(Post.objects.filter(workspace__in=spaces, created_at__gt=since).select_related("workspace")),
        replies=list(
            Reply.objects.filter(post__workspace__in=spaces, created_at__gt=since)
            .exclude(author=user)
            .select_related("post__workspace")
        ),
        documents=list(
            get_document_model().objects.filter(collection__workspace__in=spaces, created_at__gt=since)
        ),
        meetings=list(Meeting.objects.filter(workspace__in=spaces, created_at__gt=since)),
        polls=list(Poll.objects.filter(invitees=user, created_at__gt=since, status=Poll.Status.OPEN)),
    )
