"""Nobody but members sees anything under /intern/: every URL name of members.urls is walked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import Meeting, Post
from members.urls import PUBLIC_URL_NAMES, urlpatterns

SECRET = "Geheimwort-Quittenbaum"


@pytest.fixture
def area(ag_klima, member, office):
    post = services.create_post(workspace=ag_klima, author=member, title=f"Beitrag {SECRET}", body=SECRET)
    document = services.upload_document(
        workspace=ag_klima, user=member, title=f"Dokument {SECRET}", file=_file(f"{SECRET}.txt")
    )
    poll = services.create_poll(
        organiser=member,
        workspace=ag_klima,
        title=f"Umfrage {SECRET}",
        options=[(timezone.now() + datetime.timedelta(days=3), None)],
        invitees=[member],
    )
    meeting = Meeting.objects.create(
        workspace=ag_klima, title=f"Sitzung {SECRET}", start=timezone.now() + datetime.timedelta(days=5)
    )
    task = services_task(ag_klima)
    return {
        "slug": ag_klima.slug,
        "post_id": post.pk,
        "document_id": document.pk,
        "task_id": task.pk,
        "poll_id": poll.pk,
        "meeting_id": meeting.pk,
        "user_id": member.pk,
        "uidb64": "MQ",
        "token": "falsch-123",
    }


def services_task(workspace):
    from tests.members.factories import TaskFactory

    return TaskFactory(title=f"Aufgabe {SECRET}", groups=[workspace])


def _file(name):
    from django.core.files.base import ContentFile

    return ContentFile(SECRET.encode(), name=name)


def _url(pattern, values):
    names = pattern.pattern.converters.keys()
    return reverse(f"members:{pattern.name}", kwargs={name: values[name] for name in names})


MEMBER_URLS = [p for p in urlpatterns if p.name not in PUBLIC_URL_NAMES]


def test_every_internal_url_is_walked():
    assert len(MEMBER_URLS) >= 15
    assert {"home", "workspace", "document_download", "roadmap", "poll_detail", "office_members"} <= {
        p.name for p in MEMBER_URLS
    }


@pytest.mark.parametrize("pattern", MEMBER_URLS, ids=lambda p: p.name)
def test_anonymous_is_sent_to_login_and_sees_nothing(client, area, pattern):
    url = _url(pattern, area)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("members:login") + "?next=")
        assert SECRET not in response.content.decode()
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("pattern", MEMBER_URLS, ids=lambda p: p.name)
def test_logged_in_non_member_gets_404(client_for, outsider, area, pattern):
    client = client_for(outsider)
    url = _url(pattern, area)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 404, url
        assert SECRET not in response.content.decode()
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("pattern", MEMBER_URLS, ids=lambda p: p.name)
def test_deactivated_member_is_sent_to_login(client_for, member, area, pattern):
    client = client_for(member)
    services.set_active(member, False)
    response = client.get(_url(pattern, area))
    assert response.status_code == 302
    assert SECRET not in response.content.decode()


def test_member_of_other_group_does_not_see_the_workspace(client_for, other_member, area):
    client = client_for(other_member)
    assert client.get(reverse("members:workspace", args=[area["slug"]])).status_code == 404
    assert client.get(reverse("members:post_detail", args=[area["slug"], area["post_id"]])).status_code == 404
    assert client.get(reverse("members:document_download", args=[area["document_id"]])).status_code == 404
    assert client.get(reverse("members:poll_detail", args=[area["poll_id"]])).status_code == 404
    assert SECRET not in client.get(reverse("members:home")).content.decode()


def test_member_sees_the_workspace(client_for, member, area):
    client = client_for(member)
    response = client.get(reverse("members:workspace", args=[area["slug"]]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Beitrag {SECRET}" in html and f"Dokument {SECRET}" in html and f"Sitzung {SECRET}" in html
    assert "Klara Klima" in html
    assert response["X-Robots-Tag"].startswith("noindex")


def test_office_only_pages_are_404_for_members(client_for, member, office):
    client = client_for(member)
    assert client.get(reverse("members:office_members")).status_code == 404
    assert client_for(office).get(reverse("members:office_members")).status_code == 200


@pytest.mark.parametrize("name", sorted(PUBLIC_URL_NAMES))
def test_open_urls_show_nothing_of_the_area(client, area, name):
    pattern = next(p for p in urlpatterns if p.name == name)
    response = client.get(_url(pattern, area))
    assert response.status_code in {200, 302, 403, 404, 405}
    assert SECRET not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    if "token" in pattern.pattern.converters:
        assert response.status_code in {403, 404} or "Link ungültig" in response.content.decode()


def test_posts_list_in_area_with_reply(client_for, member, area):
    client = client_for(member)
    url = reverse("members:post_detail", args=[area["slug"], area["post_id"]])
    response = client.post(url, {"body": "Gute Idee, ich bin dabei."})
    assert response.status_code == 302
    assert "Gute Idee, ich bin dabei." in client.get(url).content.decode()
    assert Post.objects.get(pk=area["post_id"]).replies.count() == 1


def test_a_new_post_without_title_is_shown_again_with_a_german_message(client_for, member, area):
    """Issue 21.11: any validation error of the new-post form answered 500."""
    client = client_for(member)
    url = reverse("members:post_create", args=[area["slug"]])
    response = client.post(url, {"title": "", "body": "Text ohne Titel"})
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert "Text ohne Titel" in response.content.decode()  # nothing typed is lost
    assert not Post.objects.filter(body="Text ohne Titel").exists()
