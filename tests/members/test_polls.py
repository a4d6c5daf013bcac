"""Date polls: invitations with signed links, answers without login, the matrix, fixing a date with .ics."""

import re
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from icalendar import Calendar

from alliance.models import EventPage
from members.models import Meeting, Poll, PollAnswer
from tests.alliance.factories import EventIndexPageFactory
from tests.members.factories import make_member


@pytest.fixture
def poll(client_for, office, member, ag_klima):
    colleague = make_member(ag_klima, username="kurt", first_name="Kurt", last_name="Kollege")
    response = client_for(office).post(
        reverse("members:poll_create"),
        {
            "title": "Gemeinsame AG-Sitzung",
            "place": "Erfurt",
            "workspace": ag_klima.pk,
            "options": "12.10.2030 10:00-13:00\n19.10.2030 14:00-17:00\n\n02.11.2030 10:00",
            "invite_groups": [ag_klima.pk],
        },
    )
    assert response.status_code == 302
    poll = Poll.objects.get(title="Gemeinsame AG-Sitzung")
    assert set(poll.invitees.all()) == {member, colleague}
    return poll


def _link_for(user):
    message = next(m for m in mail.outbox if m.to == [user.email] and "Terminumfrage" in m.subject)
    return "/intern/umfrage/" + re.search(r"/intern/umfrage/(\S+)/", message.body).group(1) + "/"


def test_bad_dates_get_a_german_message(client_for, office, ag_klima):
    response = client_for(office).post(
        reverse("members:poll_create"),
        {"title": "X", "workspace": ag_klima.pk, "options": "nächste Woche", "invite_groups": [ag_klima.pk]},
    )
    assert response.status_code == 200
    assert "ist kein Termin" in response.content.decode()
    assert not Poll.objects.exists()


def test_invitee_answers_from_the_signed_link_without_login(client, poll, member):
    assert poll.options.count() == 3
    link = _link_for(member)
    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "Gemeinsame AG-Sitzung" in page.content.decode()
    first, second, third = poll.options.all()
    response = client.post(link, {f"option-{first.pk}": "yes", f"option-{second.pk}": "maybe", f"option-{third.pk}": "no"})
    assert response.status_code == 302
    assert dict(PollAnswer.objects.filter(user=member).values_list("option_id", "value")) == {
        first.pk: "yes", second.pk: "maybe", third.pk: "no",
    }
    # Changing one's mind overwrites, never duplicates.
    client.post(link, {f"option-{third.pk}": "yes"})
    assert PollAnswer.objects.filter(user=member).count() == 3
    assert PollAnswer.objects.get(user=member, option=third).value == "yes"


def test_tampered_link_is_refused(client, poll, member, office):
    link = _link_for(member)
    token = link.split("/")[-2]
    forged = signing.dumps({"p": poll.pk, "u": office.pk}, salt="members.poll-answer", key="falscher-schluessel")
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged):
        response = client.get(f"/intern/umfrage/{bad}/")
        assert response.status_code == 403
        assert "ungültig" in response.content.decode()
        assert client.post(f"/intern/umfrage/{bad}/", {"option-1": "yes"}).status_code == 403
    assert not PollAnswer.objects.exists()


def test_expired_link_is_refused(client, poll, member):
    link = _link_for(member)
    with mock.patch("members.tokens.POLL_LINK_MAX_AGE", -1):
        response = client.get(link)
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()


def test_link_of_someone_no_longer_invited_is_refused(client, poll, member):
    link = _link_for(member)
    poll.invitees.remove(member)
    assert client.get(link).status_code == 404


def test_matrix_counts_and_fixing_mails_an_ics(client, client_for, poll, member, office):
    first, second, _ = poll.options.all()
    client.post(_link_for(member), {f"option-{first.pk}": "no", f"option-{second.pk}": "yes"})
    colleague = poll.invitees.exclude(pk=member.pk).get()
    client.post(_link_for(colleague), {f"option-{first.pk}": "maybe", f"option-{second.pk}": "yes"})

    organiser = client_for(office)
    html = organiser.get(reverse("members:poll_detail", args=[poll.pk])).content.decode()
    assert "Klara Klima" in html and "Kurt Kollege" in html
    matrix = html.split('class="poll-matrix"')[1]
    assert re.search(r"<th scope=\"row\">ja</th><td>0</td><td>2</td><td>0</td>", matrix.replace("\n", ""))

    mail.outbox.clear()
    response = organiser.post(reverse("members:poll_fix", args=[poll.pk]), {"option": second.pk})
    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.status == Poll.Status.FIXED and poll.fixed_option == second
    meeting = Meeting.objects.get()
    assert meeting.start == second.start and meeting.workspace == poll.workspace
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, colleague.email])
    filename, content, mimetype = mail.outbox[0].attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == second.start
    assert str(event.get("summary")) == "Gemeinsame AG-Sitzung"
    # The fixed meeting shows in the workspace; the poll takes no more answers.
    assert "Gemeinsame AG-Sitzung" in client_for(member).get(reverse("members:workspace", args=["ag-klima"])).content.decode()
    assert client_for(office).post(reverse("members:poll_fix", args=[poll.pk]), {"option": first.pk}).status_code == 302
    assert Meeting.objects.count() == 1


def test_fixing_as_public_event_publishes_an_event_page(client_for, poll, office, home_page):
    EventIndexPageFactory()
    option = poll.options.first()
    client_for(office).post(reverse("members:poll_fix", args=[poll.pk]), {"option": option.pk, "public": "1"})
    event = EventPage.objects.live().public().get(title="Gemeinsame AG-Sitzung")
    assert event.start == option.start and event.place == "Erfurt"


def test_only_the_organiser_or_office_fixes(client_for, poll, member):
    option = poll.options.first()
    response = client_for(member).post(reverse("members:poll_fix", args=[poll.pk]), {"option": option.pk})
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_member_answers_in_the_area(client_for, poll, member):
    client = client_for(member)
    option = poll.options.first()
    client.post(reverse("members:poll_detail", args=[poll.pk]), {f"option-{option.pk}": "maybe"})
    assert PollAnswer.objects.get(user=member, option=option).value == "maybe"
