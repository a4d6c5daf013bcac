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
