"""seed_demo builds the alliance and toolbox demo from the 3rd Bündnistreffen, and running it
again changes nothing."""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from alliance.models import EventIndexPage, MeetingPage, PilotProjectPage, WorkingGroupMember, WorkingGroupPage
from toolbox.models import MeasurePage

pytestmark = pytest.mark.django_db


def counts():
    result = {
        model.__name__: model.objects.count()
        for app in ("alliance", "toolbox")
        for model in apps.get_app_config(app).get_models()
    }
    result.update(pages=Page.objects.count(), images=Image.objects.count(), documents=Document.objects.count())
    return result


def test_seed_demo_twice_gives_the_same_content_once(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("seed_demo", force=True, stdout=open("/dev/null", "w"))  # the seeders stay idempotent
    assert counts() == first

    assert first["WorkingGroupPage"] == 3
    assert first["PilotProjectPage"] == 4
    assert first["MeetingPage"] == 2
    assert first["EventPage"] == 3
    assert first["NewsPage"] >= 3
    assert first["MeasurePage"] >= 1
    assert first["GoodPracticePage"] == 4
    for name in (
        "WorkingGroupIndexPage",
        "PilotProjectIndexPage",
        "MeetingIndexPage",
        "NewsIndexPage",
        "EventIndexPage",
        "MeasureIndexPage",
        "GoodPracticeIndexPage",
    ):
        assert first[name] == 1, name


def test_seeded_pages_answer_and_carry_the_meeting_content(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    for page in Page.objects.live().filter(depth__gte=3):
        # a page may hand over to an app view (e.g. the toolbox's Kompass); it must end in a 200
        assert client.get(page.url, follow=True).status_code == 200, page.url

    third = MeetingPage.objects.get(slug="3-buendnistreffen-2023")
    assert third.agenda_items.count() == 6
    assert third.documents.count() >= 1 and third.photos.count() >= 1
    assert all(photo.alt_text for photo in third.photos.all())
    html = client.get(third.url).content.decode()
    assert "Corina Fischer, LEG / Markus Meier, ThEx" in html

    wanderbaum = PilotProjectPage.objects.get(slug="wanderbaumallee")
    assert wanderbaum.working_group.title == "AG Klima"
    assert wanderbaum.municipalities == ["Gotha", "Nordhausen", "Pößneck"]

    events_html = client.get(EventIndexPage.objects.get().url).content.decode()
    upcoming, past = events_html.split('id="vergangene-termine"')
    assert "5. Bündnistreffen 2027 (Demo)" in upcoming
    assert "4. Bündnistreffen" in past and "NSP-Kongress" in past


def test_seed_keeps_personal_contact_data_out(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert not WorkingGroupMember.objects.exclude(name="").exists()
    for page in WorkingGroupPage.objects.all():
        html = client.get(page.url).content.decode()
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        assert not re.search(r"[\w.-]+@[\w-]+\.\w+", main), page.url
        assert not re.search(r"\+49|Tel\.?:|Mobil:", main), page.url

    b4 = MeasurePage.objects.get(code="B4")
    assert [f.share for f in b4.funding_programmes.all()] == ["80 %", "50-90 %", "variiert"]
    assert b4.steps.count() == 4
