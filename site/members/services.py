"""What changes in the members' area: workspaces, invitations, posts, polls, digests, login throttling."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from members import emails, selectors
from members.models import (
    MEMBERS_GROUP,
    OFFICE_GROUP,
    Meeting,
    MemberProfile,
    Poll,
    PollAnswer,
    PollOption,
    Post,
    Reply,
    Workspace,
    new_calendar_token,
)

PRIVATE_COLLECTION = "Intern (nur Mitglieder)"

# --- Workspaces and groups ---


def private_root_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
    members = members_group()
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(members)
    return collection


def members_group():
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


def office_group():
    group, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="members", codename="manage_members"))
    return group


def ensure_workspace(*, slug, name, working_group=None, is_alliance=False, description="", position=0):
    """The workspace with this slug, created with its group and its private document collection."""
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is None and working_group is not None:
        workspace = Workspace.objects.filter(working_group=working_group).first()
    if workspace is not None:
        return workspace
    group = members_group() if is_alliance else Group.objects.get_or_create(name=f"{MEMBERS_GROUP} {name}")[0]
    parent = private_root_collection()
    collection = parent.get_children().filter(name=name, workspace__isnull=True).first() or parent.add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return Workspace.objects.create(
        slug=slug,
        name=name,
        working_group=working_group,
        is_alliance=is_alliance,
        description=description,
        group=group,
        collection=collection,
        position=position,
    )


def workspace_for_working_group(page):
    """Every published working group gets its workspace (the first publication creates it)."""
    slug = page.slug
    if Workspace.objects.filter(slug=slug).exclude(working_group=page).exists():
        slug = f"{slug}-{page.pk}"
    name = page.title if not Workspace.objects.filter(name=page.title).exclude(working_group=page).exists() else slug
    return ensure_workspace(slug=slug, name=name, working_group=page, description=f"Arbeitsbereich der {page.title}.")


def set_member_workspaces(user, workspaces):
    """Membership of the given working-group workspaces; every member stays in the alliance group."""
    workspace_groups = Group.objects.filter(workspace__isnull=False)
    user.groups.remove(*workspace_groups.exclude(workspace__in=workspaces).exclude(name=MEMBERS_GROUP))
    user.groups.add(members_group(), *[workspace.group for workspace in workspaces])


# --- Accounts ---


def invite_member(*, email, first_name, last_name, organisation=None, workspaces=(), invited_by=None):
    """Create the account without a usable password and mail the one-time link that sets it."""
    User = get_user_model()
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists():
        raise ValidationError({"email": "Für diese E-Mail-Adresse gibt es schon ein Konto."})
    with transaction.atomic():
        user = User(username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip())
        user.set_unusable_password()
        user.save()
        MemberProfile.objects.create(
            user=user, organisation=organisation, invited_at=timezone.now(), invited_by=invited_by
        )
        set_member_workspaces(user, workspaces)
    emails.send_invitation(user, invited_by)
    return user


def resend_invitation(user, invited_by=None):
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    profile.invited_at = timezone.now()
    profile.save(update_fields=["invited_at"])
    emails.send_invitation(user, invited_by)


def set_active(user, active):
    """Deactivated members cannot log in and lose their session at once; their posts stay."""
    user.is_active = active
    user.save(update_fields=["is_active"])


def profile_of(user):
    return MemberProfile.objects.get_or_create(user=user)[0]


def renew_calendar_token(user):
    profile = profile_of(user)
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token"])
    return profile.calendar_token


# --- Posts and documents ---


def create_post(*, workspace, author, title, body, kind=Post.Kind.NEWS, document=None):
    return Post.objects.create(workspace=workspace, author=author, title=title, body=body, kind=kind, document=document)


def add_reply(*, post, author, body):
    return Reply.objects.create(post=post, author=author, body=body)


def upload_document(*, workspace, user, title, file):
    Document = get_document_model()
    document = Document(title=title, file=file, collection=workspace.collection, uploaded_by_user=user)
    document.save()
    return document


# --- Date polls ---


def create_poll(*, organiser, workspace, title, options, invitees, description="", place=""):
    """A poll with its proposed dates; every invitee gets a signed link to answer without logging in."""
    with transaction.atomic():
        poll = Poll.objects.create(
            organiser=organiser, workspace=workspace, title=title, description=description, place=place
        )
        for start, end in options:
            PollOption.objects.create(poll=poll, start=start, end=end)
        poll.invitees.set(invitees)
    for user in poll.invitees.all():
        if user.email:
            emails.send_poll_invitation(poll, user)
    return poll


def answer_poll(poll, user, values):
    """Store one answer per option ({option id: yes/maybe/no}); unknown options and values are ignored."""
    if poll.status != Poll.Status.OPEN:
        raise ValidationError("Diese Umfrage ist abgeschlossen.")
    options = {option.id: option for option in poll.options.all()}
    for option_id, value in values.items():
        if option_id in options and value in PollAnswer.Value.values:
            PollAnswer.objects.update_or_create(
                option=options[option_id], user=user, defaults={"value": value, "answered_at": timezone.now()}
            )


def fix_poll(poll, option, *, public=False):
    """Fix the date: it becomes an internal meeting (and a public event page if asked), mailed with an .ics."""
    if poll.status != Poll.Status.OPEN:
        raise ValidationError("Für diese Umfrage steht der Termin schon fest.")
    if option.poll_id != poll.pk:
        raise ValidationError("Dieser Termin gehört nicht zur Umfrage.")
    end = option.end or option.start + datetime.timedelta(hours=2)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            workspace=poll.workspace,
            title=poll.title,
            start=option.start,
            end=end,
            place=poll.place,
            description=poll.description,
        )
        if public:
            meeting.public_event = _publish_event(poll, option.start, end)
            meeting.save(update_fields=["public_event"])
        poll.status = Poll.Status.FIXED
        poll.fixed_option = option
        poll.meeting = meeting
        poll.save(update_fields=["status", "fixed_option", "meeting"])
    for user in poll.invitees.filter(is_active=True):
        if user.email:
            emails.send_fixed_date(poll, meeting, user)
    return meeting


def _publish_event(poll, start, end):
    from alliance.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.first()
    if index is None:
        raise ValidationError("Es gibt keine Terminübersicht auf der Website; bitte intern festlegen.")
    page = EventPage(title=poll.title, start=start, end=end, place=poll.place, teaser=poll.description[:400])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Digest ---

DIGEST_MIN_INTERVAL = datetime.timedelta(hours=23)
DIGEST_FIRST_WINDOW = datetime.timedelta(days=1)


def send_digests(now=None):
    """One e-mail per member with something new since their last digest; at most one a day; opt-out respected."""
    now = now or timezone.now()
    sent = 0
    profiles = MemberProfile.objects.filter(
        digest_enabled=True, user__is_active=True, user__groups__name=MEMBERS_GROUP
    ).select_related("user")
    for profile in profiles.distinct():
        if profile.last_digest_at and now - profile.last_digest_at < DIGEST_MIN_INTERVAL:
            continue
        if not profile.user.email:
            continue
        since = profile.last_digest_at or now - DIGEST_FIRST_WINDOW
        items = selectors.digest_items(profile.user, since)
        if items:
            emails.send_digest(profile.user, items)
            sent += 1
        profile.last_digest_at = now
        profile.save(update_fields=["last_digest_at"])
    return sent
