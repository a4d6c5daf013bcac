"""iCal feeds: public events for everyone, internal meetings behind a per-member secret address."""

import datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from members.models import Meeting
from tests.alliance.factories import EventIndexPageFactory, EventPageFactory


def _summaries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return [str(event.get("summary")) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def _meeting(workspace, title):
    return Meeting.objects.create(workspace=workspace, title=title, start=timezone.now() + datetime.timedelta(days=7))


def test_public_feed_has_public_events_only(client, home_page, ag_klima):
    EventIndexPageFactory()
    EventPageFactory(title="NSP-Kongress Jena", start=timezone.now() + datetime.timedelta(days=30))
    _meeting(ag_klima, "Interne AG-Klima-Sitzung")
    summaries = _summaries(client.get(reverse("members:calendar_public")))
    assert "NSP-Kongress Jena" in summaries
    assert "Interne AG-Klima-Sitzung" not in summaries


def test_secret_feed_shows_own_meetings_and_renewal_ends_the_old_address(client, client_for, member, ag_klima, ag_wulis):
    _meeting(ag_klima, "Sitzung AG Klima")
    _meeting(ag_wulis, "Sitzung AG WULIS")
    old = reverse("members:calendar_member", args=[member.member_profile.calendar_token])
    assert _summaries(client.get(old)) == ["Sitzung AG Klima"]

    area = client_for(member)
    assert old.split("/")[-1] in area.get(reverse("members:profile")).content.decode()
    area.post(reverse("members:calendar_renew"))
    member.member_profile.refresh_from_db()
    new = reverse("members:calendar_member", args=[member.member_profile.calendar_token])
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert _summaries(client.get(new)) == ["Sitzung AG Klima"]


def test_unknown_or_deactivated_feed_is_404(client, member, ag_klima):
    _meeting(ag_klima, "Sitzung AG Klima")
    url = reverse("members:calendar_member", args=[member.member_profile.calendar_token])
    assert client.get(reverse("members:calendar_member", args=["geraten"])).status_code == 404
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_members_add_a_meeting_and_download_its_ics(client_for, member, other_member, ag_klima):
    client = client_for(member)
    response = client.post(
        reverse("members:meeting_create", args=[ag_klima.slug]),
        {"title": "AG-Klima-Treffen", "start": "2030-03-12T10:00", "end": "2030-03-12T09:00"},
    )
    assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()
    response = client.post(
        reverse("members:meeting_create", args=[ag_klima.slug]),
        {"title": "AG-Klima-Treffen", "start": "2030-03-12T10:00", "end": "2030-03-12T12:00", "place": "Erfurt"},
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="AG-Klima-Treffen")
    assert "AG-Klima-Treffen" in client.get(reverse("members:workspace", args=[ag_klima.slug])).content.decode()
    assert _summaries(client.get(reverse("members:meeting_ics", args=[meeting.pk]))) == ["AG-Klima-Treffen"]
    assert client_for(other_member).get(reverse("members:meeting_ics", args=[meeting.pk])).status_code == 404


def test_a_meeting_whose_title_holds_line_breaks_still_downloads(client_for, member, ag_klima):
    """Issue 21.17: a newline in the title answered 500."""
    meeting = _meeting(ag_klima, "Sitzung AG Klima\nmit Gästen\r\naus Gotha")
    response = client_for(member).get(reverse("members:meeting_ics", args=[meeting.pk]))
    assert _summaries(response) == ["Sitzung AG Klima mit Gästen aus Gotha"]
