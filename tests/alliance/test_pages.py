"""Every alliance page type renders with real content, in German, with its listings in order."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance import models
from tests.alliance import factories

pytestmark = pytest.mark.django_db


def html_of(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_working_group_pages_show_members_goals_reports_and_projects(client, home_page):
    group = factories.WorkingGroupPageFactory(title="AG Klima", short_name="AG Klima")
    factories.WorkingGroupMemberFactory(page=group, organisation="Handwerkskammer (HWK)", role="Mitglied")
    factories.PilotProjectPageFactory(title="Wanderbaumallee", working_group=group)

    index_html = html_of(client, group.get_parent().specific)
    assert "AG Klima" in index_html and group.url in index_html

    html = html_of(client, group)
    assert "Handwerkskammer (HWK)" in html
    assert "Leerstand verringern" in html
    assert "Wie geht es weiter?" in html and "Bericht: Frank Emrich, VTW" in html
    assert "Wanderbaumallee" in html


def test_pilot_project_pages_show_status_group_and_dates_and_filter_by_status(client, home_page):
    group = factories.WorkingGroupPageFactory(title="AG Wohnen und Leben in der Stadt")
    running = factories.PilotProjectPageFactory(title="Wanderbaumallee", working_group=group)
    factories.PilotProjectPageFactory(title="Klimabaum-Guide", status=models.PilotProjectStatus.IDEA)

    html = html_of(client, running)
    assert "in Umsetzung" in html
    assert "AG Wohnen und Leben in der Stadt" in html
    assert "1. Mai 2023" in html and "Gotha, Nordhausen" in html
    assert "Eingeweiht in Gotha." in html

    index = running.get_parent().specific
    filtered = html_of(client, index, "?status=idea")
    assert "Klimabaum-Guide" in filtered and "Wanderbaumallee" not in filtered
    unknown = html_of(client, index, "?status=gibtsnicht")
    assert "Klimabaum-Guide" in unknown and "Wanderbaumallee" in unknown


def test_meeting_page_renders_agenda_documents_gallery_and_minutes(client, home_page, settings, tmp_path):
    # Documents are served from the file system (the in-memory test storage has no real path).
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    meeting = factories.MeetingPageFactory(title="3. Bündnistreffen")
    factories.MeetingAgendaItemFactory(page=meeting, title="Begrüßung", speakers="Frank Emrich, VTW")
    factories.MeetingAgendaItemFactory(page=meeting, title="Diskussion", speakers="")
    document = factories.MeetingDocumentFactory(page=meeting, title="Präsentation zum Treffen").document
    factories.MeetingPhotoFactory(page=meeting, alt_text="Teilnehmende im Plenum", caption="Fotos: LEG")

    html = html_of(client, meeting)
    assert "7. September 2023" in html and "VTW, Erfurt" in html
    assert re.search(r'<th scope="row">1</th>\s*<td>Begrüßung', html)
    assert re.search(r'<th scope="row">2</th>\s*<td>Diskussion', html)
    assert "Frank Emrich, VTW" in html
    assert f'href="{document.url}"' in html and "Präsentation zum Treffen" in html
    assert 'alt="Teilnehmende im Plenum"' in html and "Fotos: LEG" in html
    assert "Verfügungsfonds" in html

    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content if download.streaming else [download.content]).startswith(b"%PDF")

    index_html = html_of(client, meeting.get_parent().specific)
    assert "3. Bündnistreffen" in index_html


def test_news_index_lists_newest_first_and_paginates(client, home_page):
    for day in range(1, 13):
        factories.NewsPageFactory(title=f"Meldung vom {day:02d}.", date=datetime.date(2023, 9, day))
    index = models.NewsIndexPage.objects.get()

    first = html_of(client, index)
    assert first.index("Meldung vom 12.") < first.index("Meldung vom 11.")
    assert "Meldung vom 01." not in first
    assert 'aria-label="Seitennavigation"' in first

    second = html_of(client, index, "?seite=2")
    assert "Meldung vom 01." in second and "Meldung vom 12." not in second
    assert html_of(client, index, "?seite=kaputt").count("Meldung vom 12.") == 1
    assert "Meldung vom 01." in html_of(client, index, "?seite=999")


def test_news_page_shows_image_with_alt_text(client, home_page):
    image = factories.ImageFactory()
    news = factories.NewsPageFactory(
        title="Wanderbaumallee in Gotha eingeweiht", image=image, image_alt="Bäume in Kübeln auf dem Markt"
    )
    html = html_of(client, news)
    assert "Wanderbaumallee in Gotha eingeweiht" in html
    assert 'alt="Bäume in Kübeln auf dem Markt"' in html
    assert "8. September 2023" in html


def test_unpublished_news_stays_out_of_the_listing(client, home_page):
    factories.NewsPageFactory(title="Öffentliche Meldung")
    factories.NewsPageFactory(title="Entwurf einer Meldung", live=False)
    html = html_of(client, models.NewsIndexPage.objects.get())
    assert "Öffentliche Meldung" in html and "Entwurf einer Meldung" not in html


def test_event_index_lists_upcoming_before_past(client, home_page):
    now = timezone.now()
    factories.EventPageFactory(title="Vergangenes Treffen", start=now - datetime.timedelta(days=400))
    factories.EventPageFactory(title="Übernächstes Treffen", start=now + datetime.timedelta(days=60))
    factories.EventPageFactory(title="Nächstes Treffen", start=now + datetime.timedelta(days=10))
    factories.EventPageFactory(
        title="Laufender Kongress", start=now - datetime.timedelta(hours=2), end=now + datetime.timedelta(hours=20)
    )

    html = html_of(client, models.EventIndexPage.objects.get())
    upcoming, past = html.split('id="vergangene-termine"')
    assert "Kommende Termine" in upcoming
    assert upcoming.index("Laufender Kongress") < upcoming.index("Nächstes Treffen") < upcoming.index("Übernächstes")
    assert "Vergangenes Treffen" in past and "Vergangenes Treffen" not in upcoming


def test_event_index_says_so_when_nothing_is_upcoming(client, home_page):
    factories.EventPageFactory(title="Altes Treffen", start=timezone.now() - datetime.timedelta(days=3))
    html = html_of(client, models.EventIndexPage.objects.get())
    assert "Zurzeit sind keine Termine angekündigt." in html
    assert "Altes Treffen" in html


def test_event_page_shows_date_place_and_registration_only_while_upcoming(client, home_page):
    start = timezone.make_aware(datetime.datetime(2030, 3, 10, 10, 0))
    upcoming = factories.EventPageFactory(title="5. Bündnistreffen", start=start, place="Erfurt")
    html = html_of(client, upcoming)
    assert "10. März 2030, 10:00 Uhr" in html and "Erfurt" in html
    assert "Zur Anmeldung" in html

    past = factories.EventPageFactory(title="NSP-Kongress", start=timezone.now() - datetime.timedelta(days=30))
    html = html_of(client, past)
    assert "vergangen" in html and "Zur Anmeldung" not in html


def test_validation_messages_are_german(home_page):
    news = models.NewsPage(title="Meldung", slug="meldung", image=factories.ImageFactory(), image_alt="")
    with pytest.raises(ValidationError) as error:
        news.full_clean()
    assert "Alternativtext" in str(error.value)

    project = models.PilotProjectPage(
        title="Projekt", slug="projekt", start_date=datetime.date(2024, 1, 2), end_date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "Das Ende darf nicht vor dem Beginn liegen." in str(error.value)


def test_page_tree_rules_keep_details_under_their_index(home_page):
    for index_model, detail_model in [
        (models.WorkingGroupIndexPage, models.WorkingGroupPage),
        (models.PilotProjectIndexPage, models.PilotProjectPage),
        (models.MeetingIndexPage, models.MeetingPage),
        (models.NewsIndexPage, models.NewsPage),
        (models.EventIndexPage, models.EventPage),
    ]:
        assert index_model.can_exist_under(home_page)
        assert not detail_model.can_exist_under(home_page)
        index = factories.get_index(index_model, index_model._meta.model_name)
        assert detail_model.can_exist_under(index)
        assert index_model.allowed_subpage_models() == [detail_model]
