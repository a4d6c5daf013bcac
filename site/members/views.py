"""Views of the members' area (/intern/); thin: access rules in access.py, work in services.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_POST

from alliance import selectors as alliance_selectors
from common.ratelimit import PasswordResetLimitMixin
from members import forms, ical, selectors, services
from members.access import is_office, member_required, office_required
from members.models import Meeting, MemberProfile, Poll, PollAnswer, Post, Task, Workspace
from members.tokens import PollLinkError, invitation_token, read_digest_off_token, read_poll_link_token

# --- Login, password, invitation ---


class LoginView(auth_views.LoginView):
    template_name = "members/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("members:home")


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("members:login")


class PasswordResetView(PasswordResetLimitMixin, auth_views.PasswordResetView):
    template_name = "members/password_reset.html"
    email_template_name = "members/emails/password_reset.txt"
    subject_template_name = "members/emails/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_set.html"
    success_url = reverse_lazy("members:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"


def invitation_accept(request, uidb64, token):
    """The one-time link: set a password, then straight into the area. Used or expired links are refused."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist, ValidationError):
        user = None
    if user is None or not user.is_active or not invitation_token.check_token(user, token):
        return render(request, "members/invitation_invalid.html", status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(request, "Willkommen! Ihr Passwort ist gespeichert.")
        return redirect("members:home")
    return render(request, "members/invitation_accept.html", {"form": form, "invited_user": user})


# --- Overview and workspaces ---


@member_required
def home(request):
    spaces = selectors.workspaces_for(request.user)
    open_polls = selectors.polls_for(request.user).filter(status=Poll.Status.OPEN)
    return render(
        request,
        "members/home.html",
        {
            "workspaces": spaces,
            "meetings": selectors.upcoming_meetings(spaces)[:10],
            "open_polls": open_polls,
            "recent_posts": Post.objects.filter(workspace__in=spaces).select_related("workspace", "author")[:8],
            "is_office": is_office(request.user),
        },
    )


def _workspace_or_404(request, slug):
    workspace = selectors.workspace_for(request.user, slug)
    if workspace is None:
        raise Http404("Bereich nicht gefunden.")
    return workspace


@member_required
def workspace(request, slug):
    space = _workspace_or_404(request, slug)
    public_events = alliance_selectors.upcoming_events()[:5] if space.is_alliance else []
    return render(
        request,
        "members/workspace.html",
        {
            "workspace": space,
            "members": selectors.workspace_members(space),
            "news": selectors.posts(space, Post.Kind.NEWS)[:20],
            "minutes": selectors.posts(space, Post.Kind.MINUTES)[:20],
            "documents": selectors.documents(space)[:30],
            "meetings": selectors.upcoming_meetings([space]),
            "public_events": public_events,
            "polls": space.polls.filter(status=Poll.Status.OPEN),
            "tasks": selectors.tasks(workspace=space).exclude(status=Task.Status.DONE),
        },
    )


@member_required
def post_create(request, slug):
    space = _workspace_or_404(request, slug)
    form = forms.PostForm(request.POST or None)
    doc_form = forms.DocumentForm(request.POST or None, request.FILES or None)
    with_file = bool(request.FILES.get("file"))
    if request.method == "POST" and form.is_valid() and (not with_file or doc_form.is_valid()):
        document = None
        if with_file:
            document = services.upload_document(
                workspace=space, user=request.user, title=doc_form.cleaned_data["title"], file=doc_form.cleaned_data["file"]
            )
        post = services.create_post(workspace=space, author=request.user, document=document, **form.cleaned_data)
        messages.success(request, "Der Beitrag ist veröffentlicht.")
        return redirect("members:post_detail", slug=space.slug, post_id=post.pk)
    doc_form.fields["title"].required = False
    doc_form.fields["file"].required = False
    return render(request, "members/post_form.html", {"workspace": space, "form": form, "doc_form": doc_form})


@member_required
def post_detail(request, slug, post_id):
    space = _workspace_or_404(request, slug)
    post = get_object_or_404(Post.objects.select_related("author", "document"), pk=post_id, workspace=space)
    form = forms.ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_reply(post=post, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Ihre Antwort ist gespeichert.")
        return redirect("members:post_detail", slug=space.slug, post_id=post.pk)
    return render(
        request,
        "members/post_detail.html",
        {"workspace": space, "post": post, "replies": post.replies.select_related("author"), "form": form},
    )


@member_required
def document_upload(request, slug):
    space = _workspace_or_404(request, slug)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.upload_document(workspace=space, user=request.user, **form.cleaned_data)
        messages.success(request, "Das Dokument ist hochgeladen.")
        return redirect("members:workspace", slug=space.slug)
    return render(request, "members/document_form.html", {"workspace": space, "form": form})


@member_required
def document_download(request, document_id):
    """Private documents go only through here (and Wagtail's view-restricted URL), never the storage URL."""
    document = selectors.document_for(request.user, document_id)
    if document is None:
        raise Http404("Dokument nicht gefunden.")
    document.file.open("rb")
    return FileResponse(document.file, as_attachment=True, filename=document.filename)


# --- Roadmap ---


@member_required
def roadmap(request):
    spaces = list(Workspace.objects.all())
    slug = request.GET.get("gruppe", "")
    status = request.GET.get("stand", "")
    selected = next((space for space in spaces if space.slug == slug), None)
    if status not in Task.Status.values:
        status = ""
    rows = [
        (task, selectors.can_edit_task(request.user, task))
        for task in selectors.tasks(workspace=selected, status=status or None)
    ]
    return render(
        request,
        "members/roadmap.html",
        {
            "rows": rows,
            "groups": spaces,
            "selected": selected,
            "status": status,
            "status_choices": Task.Status.choices,
            "can_create": selectors.editable_workspaces(request.user).exists(),
        },
    )


@member_required
def task_edit(request, task_id=None):
    task = get_object_or_404(Task, pk=task_id) if task_id else None
    allowed = selectors.editable_workspaces(request.user)
    if task is not None and not selectors.can_edit_task(request.user, task):
        return render(request, "members/forbidden.html", {"message": "Nur Mitglieder der verantwortlichen Gruppe "
                                                                      "können diese Aufgabe bearbeiten."}, status=403)
    if task is None and not allowed.exists():
        return render(request, "members/forbidden.html", {"message": "Sie gehören keiner Arbeitsgruppe an."}, status=403)
    form = forms.TaskForm(request.POST or None, instance=task, allowed_groups=allowed)
    if task is not None and not is_office(request.user):
        # Members keep the responsibility as it is; only the office reassigns tasks.
        del form.fields["groups"]
    if request.method == "POST" and form.is_valid():
        if task is None:
            form.instance.position = (Task.objects.aggregate(last=Max("position"))["last"] or 0) + 1
        form.save()
        messages.success(request, "Die Aufgabe ist gespeichert.")
        return redirect("members:roadmap")
    return render(request, "members/task_form.html", {"form": form, "task": task})


# --- Date polls ---


@member_required
def poll_list(request):
    return render(request, "members/poll_list.html", {"polls": selectors.polls_for(request.user).select_related("workspace")})


@member_required
def poll_create(request):
    form = forms.PollForm(
        request.POST or None,
        workspaces=selectors.workspaces_for(request.user),
        members=selectors.all_members(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        poll = services.create_poll(
            organiser=request.user,
            workspace=data["workspace"],
            title=data["title"],
            description=data["description"],
            place=data["place"],
            options=data["options"],
            invitees=form.invitees(),
        )
        messages.success(request, f"Die Umfrage ist angelegt; {poll.invitees.count()} Einladungen sind verschickt.")
        return redirect("members:poll_detail", poll_id=poll.pk)
    return render(request, "members/poll_form.html", {"form": form})


def _answers_from_post(request, poll):
    values = {}
    for option in poll.options.all():
        value = request.POST.get(f"option-{option.pk}")
        if value:
            values[option.pk] = value
    return values


def _option_rows(poll, user):
    answers = selectors.answers_of(user, poll)
    return [(option, answers.get(option.pk, "")) for option in poll.options.all()]


@member_required
def poll_detail(request, poll_id):
    poll = get_object_or_404(Poll, pk=poll_id)
    if not selectors.can_see_poll(request.user, poll):
        raise Http404("Umfrage nicht gefunden.")
    invited = poll.invitees.filter(pk=request.user.pk).exists()
    if request.method == "POST" and invited:
        try:
            services.answer_poll(poll, request.user, _answers_from_post(request, poll))
            messages.success(request, "Ihre Antworten sind gespeichert.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("members:poll_detail", poll_id=poll.pk)
    return render(
        request,
        "members/poll_detail.html",
        {
            "poll": poll,
            "matrix": selectors.poll_matrix(poll),
            "invited": invited,
            "option_rows": _option_rows(poll, request.user),
            "values": PollAnswer.Value.choices,
            "can_fix": selectors.can_fix_poll(request.user, poll) and poll.status == Poll.Status.OPEN,
        },
    )


@member_required
@require_POST
def poll_fix(request, poll_id):
    poll = get_object_or_404(Poll, pk=poll_id)
    if not selectors.can_see_poll(request.user, poll):
        raise Http404("Umfrage nicht gefunden.")
    if not selectors.can_fix_poll(request.user, poll):
        return render(request, "members/forbidden.html", {"message": "Nur die Organisatorin oder der Organisator legt "
                                                                      "den Termin fest."}, status=403)
    option = poll.options.filter(pk=request.POST.get("option")).first()
    if option is None:
        messages.error(request, "Bitte einen der vorgeschlagenen Termine wählen.")
        return redirect("members:poll_detail", poll_id=poll.pk)
    try:
        services.fix_poll(poll, option, public=request.POST.get("public") == "1")
        messages.success(request, "Der Termin steht fest; alle Eingeladenen haben eine E-Mail mit Kalenderdatei erhalten.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("members:poll_detail", poll_id=poll.pk)


def poll_answer_signed(request, token):
    """Answering from the e-mail link, without logging in; tampered or expired links are refused."""
    try:
        poll_id, user_id = read_poll_link_token(token)
    except PollLinkError as error:
        return render(request, "members/link_invalid.html", {"message": error.message}, status=error.status)
    poll = Poll.objects.filter(pk=poll_id, invitees__pk=user_id, invitees__is_active=True).first()
    if poll is None:
        return render(request, "members/link_invalid.html", {"message": "Diese Umfrage gibt es nicht mehr."}, status=404)
    user = poll.invitees.get(pk=user_id)
    if request.method == "POST":
        try:
            services.answer_poll(poll, user, _answers_from_post(request, poll))
            messages.success(request, "Danke! Ihre Antworten sind gespeichert.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("members:poll_answer_signed", token=token)
    return render(
        request,
        "members/poll_answer.html",
        {
            "poll": poll,
            "answerer": user,
            "option_rows": _option_rows(poll, user),
            "values": PollAnswer.Value.choices,
        },
    )


# --- Profile and calendar feeds ---


@member_required
def profile(request):
    member_profile = services.profile_of(request.user)
    form = forms.ProfileForm(request.POST if request.method == "POST" else None, instance=member_profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Ihre Einstellungen sind gespeichert.")
        return redirect("members:profile")
    feed_url = request.build_absolute_uri(reverse("members:calendar_member", args=[member_profile.calendar_token]))
    return render(
        request,
        "members/profile.html",
        {
            "form": form,
            "member_profile": member_profile,
            "feed_url": feed_url,
            "public_feed_url": request.build_absolute_uri(reverse("members:calendar_public")),
            "workspaces": selectors.workspaces_for(request.user),
        },
    )


def digest_off(request, token):
    """One click from the digest e-mail switches it off, without logging in (confirmed by POST)."""
    user_id = read_digest_off_token(token)
    member_profile = MemberProfile.objects.filter(user_id=user_id).first() if user_id else None
    if member_profile is None:
        return render(request, "members/link_invalid.html", {"message": "Dieser Link ist ungültig."}, status=403)
    if request.method == "POST":
        member_profile.digest_enabled = False
        member_profile.save(update_fields=["digest_enabled"])
        return render(request, "members/digest_off.html", {"done": True})
    return render(request, "members/digest_off.html", {"done": False})


@member_required
def meeting_create(request, slug):
    space = _workspace_or_404(request, slug)
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.workspace = space
        meeting.save()
        messages.success(request, "Die Sitzung ist eingetragen.")
        return redirect("members:workspace", slug=space.slug)
    return render(request, "members/meeting_form.html", {"workspace": space, "form": form})


@member_required
def meeting_ics(request, meeting_id):
    meeting = get_object_or_404(Meeting, pk=meeting_id, workspace__in=selectors.workspaces_for(request.user))
    response = _ics(ical.meetings_calendar([meeting], name=meeting.title), "sitzung.ics")
    response["Content-Disposition"] = 'attachment; filename="sitzung.ics"'
    return response


@member_required
@require_POST
def calendar_renew(request):
    services.renew_calendar_token(request.user)
    messages.success(request, "Ihre Kalenderadresse ist erneuert; die alte Adresse funktioniert nicht mehr.")
    return redirect("members:profile")


def _ics(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_public(request):
    """Public events of the site (the same ones the events page lists)."""
    pages = list(alliance_selectors.upcoming_events()) + list(alliance_selectors.past_events()[:20])
    return _ics(ical.events_calendar(pages, request.build_absolute_uri("/")), "termine.ics")


def calendar_member(request, token):
    """A member's internal meetings behind a secret address; renewing the address ends the old one."""
    member_profile = (
        MemberProfile.objects.filter(calendar_token=token, user__is_active=True).select_related("user").first()
    )
    if member_profile is None:
        raise Http404("Unbekannte Kalenderadresse.")
    return _ics(ical.meetings_calendar(selectors.meetings_for_calendar(member_profile.user)), "sitzungen.ics")


# --- Office (Geschäftsstelle) ---


@office_required
def office_members(request):
    User = get_user_model()
    people = (
        User.objects.filter(member_profile__isnull=False)
        .select_related("member_profile__organisation")
        .prefetch_related("groups")
        .order_by("-is_active", "last_name", "first_name")
    )
    return render(request, "members/office_members.html", {"people": people})


@office_required
def office_invite(request):
    form = forms.InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invite_member(invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Die Einladung an {user.email} ist verschickt.")
            return redirect("members:office_members")
    return render(request, "members/office_invite.html", {"form": form})


@office_required
def office_member_edit(request, user_id):
    User = get_user_model()
    person = get_object_or_404(User, pk=user_id, member_profile__isnull=False)
    member_profile = person.member_profile
    initial = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "organisation": member_profile.organisation,
        "workspaces": Workspace.objects.filter(is_alliance=False, group__in=person.groups.all()),
    }
    form = forms.MemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person.first_name, person.last_name = data["first_name"], data["last_name"]
        person.save(update_fields=["first_name", "last_name"])
        member_profile.organisation = data["organisation"]
        member_profile.save(update_fields=["organisation"])
        services.set_member_workspaces(person, data["workspaces"])
        messages.success(request, "Die Angaben sind gespeichert.")
        return redirect("members:office_members")
    return render(request, "members/office_member_edit.html", {"form": form, "person": person})


@office_required
@require_POST
def office_member_active(request, user_id):
    User = get_user_model()
    person = get_object_or_404(User, pk=user_id, member_profile__isnull=False)
    if person == request.user:
        messages.error(request, "Sie können Ihr eigenes Konto nicht deaktivieren.")
    elif person.is_superuser and not request.user.is_superuser:
        # The office manages members, not the platform's administrators (issue 21.15).
        messages.error(request, "Administratorkonten kann nur eine Administratorin oder ein Administrator ändern.")
    else:
        active = request.POST.get("active") == "1"
        services.set_active(person, active)
        messages.success(request, f"{person.get_full_name() or person.username} ist {'aktiviert' if active else 'deaktiviert'}.")
    return redirect("members:office_members")


@office_required
@require_POST
def office_member_reinvite(request, user_id):
    User = get_user_model()
    person = get_object_or_404(User, pk=user_id, member_profile__isnull=False, is_active=True)
    services.resend_invitation(person, request.user)
    messages.success(request, f"Die Einladung an {person.email} ist erneut verschickt.")
    return redirect("members:office_members")
