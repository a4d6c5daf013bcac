"""The members' area's e-mails (German plain text from templates/members/emails/)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from members import ical
from members.tokens import digest_off_token, invitation_token, poll_link_token, site_url


def _send(to, subject, template, context, attachments=()):
    body = render_to_string(template, context)
    message = EmailMessage(subject=subject, body=body, to=[to])
    for attachment in attachments:
        message.attach(*attachment)
    return message.send()


def invitation_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return site_url(reverse("members:invitation_accept", args=[uid, invitation_token.make_token(user)]))


def send_invitation(user, invited_by=None):
    return _send(
        user.email,
        "Einladung in den Mitgliederbereich „Innenstädte mit Zukunft“",
        "members/emails/invitation.txt",
        {"user": user, "link": invitation_link(user), "invited_by": invited_by},
    )


def poll_answer_link(poll, user):
    return site_url(reverse("members:poll_answer_signed", args=[poll_link_token(poll, user)]))


def send_poll_invitation(poll, user):
    return _send(
        user.email,
        f"Terminumfrage: {poll.title}",
        "members/emails/poll_invitation.txt",
        {"poll": poll, "user": user, "link": poll_answer_link(poll, user), "options": list(poll.options.all())},
    )


def send_fixed_date(poll, meeting, user):
    attachment = ("termin.ics", ical.meetings_calendar([meeting], name=meeting.title), "text/calendar")
    return _send(
        user.email,
        f"Termin steht fest: {meeting.title}",
        "members/emails/poll_fixed.txt",
        {"poll": poll, "meeting": meeting, "user": user},
        attachments=[attachment],
    )


def send_digest(user, items):
    return _send(
        user.email,
        "Neues im Mitgliederbereich „Innenstädte mit Zukunft“",
        "members/emails/digest.txt",
        {
            "user": user,
            "items": items,
            "area_link": site_url(reverse("members:home")),
            "profile_link": site_url(reverse("members:profile")),
            "off_link": site_url(reverse("members:digest_off", args=[digest_off_token(user)])),
        },
    )
