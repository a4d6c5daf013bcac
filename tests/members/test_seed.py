"""members.demo: workspaces of the three AGs and the alliance, the slide's roadmap, one open poll, demo logins."""

from django.urls import reverse

from members import demo
from members.models import Meeting, Poll, Post, Task, Workspace


def test_seed_is_idempotent_and_gives_a_working_demo(client, db):
    demo.seed(None)
    demo.seed(None)
    assert set(Workspace.objects.values_list("slug", flat=True)) == {"buendnis", "ag-wulis", "ag-klima", "ag-leerstand"}
    assert Task.objects.count() == len(demo.ROADMAP) == 7
    assert Task.objects.filter(title="Gemeinsame AG-Sitzung", period="10-11/2023").exists()
    assert Task.objects.get(title="4. Bündnistreffen: Bilanz 2023/Ziele 2024").period == "30.11.2023"
    assert Post.objects.count() == len(demo.POSTS) + 1  # and the AG Klima minutes with their PDF
    assert Poll.objects.filter(status=Poll.Status.OPEN).count() == 1
    assert Meeting.objects.count() == 3
    minutes = Post.objects.get(kind=Post.Kind.MINUTES, workspace__slug="ag-klima")
    assert client.get(minutes.document.url).status_code == 302  # private: anonymous is sent to the login

    role, username, password = demo.DEMO_LOGINS[0]
    assert client.post(reverse("members:login"), {"username": username, "password": password}).status_code == 302
    html = client.get(reverse("members:workspace", args=["ag-wulis"])).content.decode()
    assert "Der schönste Blick der Stadt" in html
    assert "Gemeinsame AG-Sitzung" in client.get(reverse("members:home")).content.decode()
    roadmap = client.get(reverse("members:roadmap")).content.decode()
    assert "Ideenfindung/Konzeptionierung der nächsten drei Pilotprojekte" in roadmap


def test_publishing_a_working_group_creates_its_private_workspace(client, home_page):
    from tests.alliance.factories import WorkingGroupPageFactory

    page = WorkingGroupPageFactory(title="AG Mobilität")
    space = Workspace.objects.get(working_group=page)
    assert space.name == "AG Mobilität" and not space.is_alliance
    assert space.collection.get_view_restrictions().filter(groups=space.group).exists()
    page.save_revision().publish()
    assert Workspace.objects.filter(working_group=page).count() == 1

    demo.seed(None)  # the demo reuses workspaces made on publication
    assert Workspace.objects.count() == 5
