"""iCalendar (RFC 5545) output for meetings and public events, built with the icalendar package."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Innenstädte mit Zukunft//Mitgliederbereich//DE"
UID_DOMAIN = "innenstaedte-thueringen.de"


def _one_line(text) -> str:
    """Titles, places and calendar names on one line: some properties cannot carry line breaks
    (an editor's newline in a meeting title answered 500)."""
    return " ".join(str(text or "").split())


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _one_line(name))
    calendar.add("x-wr-timezone", "Europe/Berlin")
    return calendar


def _event(uid, title, start, end, place="", description="", url=""):
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("summary", _one_line(title))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", start.astimezone(datetime.UTC))
    event.add("dtend", (end or start + datetime.timedelta(hours=2)).astimezone(datetime.UTC))
    if place:
        event.add("location", _one_line(place))
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event


def meeting_event(meeting):
    return _event(
        f"sitzung-{meeting.pk}", meeting.title, meeting.start, meeting.end, meeting.place, meeting.description
    )


def public_event(page, base_url=""):
    url = (base_url.rstrip("/") + page.url) if page.url else ""
    return _event(f"termin-{page.pk}", page.title, page.start, page.end, page.place, page.teaser, url)


def meetings_calendar(meetings, name="Sitzungen im Mitgliederbereich"):
    calendar = _calendar(name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()


def events_calendar(pages, base_url="", name="Termine – Innenstädte mit Zukunft"):
    calendar = _calendar(name)
    for page in pages:
        calendar.add_component(public_event(page, base_url))
    return calendar.to_ical()
