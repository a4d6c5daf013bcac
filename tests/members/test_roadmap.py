"""The roadmap (Fahrplan): table filterable by group and status; members edit their group's tasks."""

from django.urls import reverse

from members.models import Task
from tests.members.factories import TaskFactory


def test_table_filters_by_group_and_status(client_for, member, ag_klima, ag_wulis):
    TaskFactory(title="Wanderbaumallee planen", groups=[ag_klima], status=Task.Status.OPEN)
    TaskFactory(title="Blick der Stadt auswählen", groups=[ag_wulis], status=Task.Status.OPEN)
    TaskFactory(title="Klimabaum-Guide drucken", groups=[ag_klima], status=Task.Status.DONE)
    client = client_for(member)
    html = client.get(reverse("members:roadmap")).content.decode()
    assert all(t in html for t in ["Wanderbaumallee planen", "Blick der Stadt auswählen", "Klimabaum-Guide drucken"])
    html = client.get(reverse("members:roadmap"), {"gruppe": "ag-klima"}).content.decode()
    assert "Wanderbaumallee planen" in html and "Blick der Stadt auswählen" not in html
    html = client.get(reverse("members:roadmap"), {"gruppe": "ag-klima", "stand": "done"}).content.decode()
    assert "Klimabaum-Guide drucken" in html and "Wanderbaumallee planen" not in html
    # Unknown filter values show everything rather than failing.
    assert client.get(reverse("members:roadmap"), {"stand": "kaputt", "gruppe": "x"}).status_code == 200


def test_members_edit_only_their_groups_tasks(client_for, member, ag_klima, ag_wulis):
    own = TaskFactory(title="Wanderbaumallee planen", groups=[ag_klima])
    foreign = TaskFactory(title="Blick der Stadt auswählen", groups=[ag_wulis])
    client = client_for(member)
    html = client.get(reverse("members:roadmap")).content.decode()
    assert reverse("members:task_edit", args=[own.pk]) in html
    assert reverse("members:task_edit", args=[foreign.pk]) not in html

    data = {"title": own.title, "period": "10-11/2023", "status": "in_progress", "responsible": "AG Klima"}
    assert client.post(reverse("members:task_edit", args=[own.pk]), data).status_code == 302
    own.refresh_from_db()
    assert own.status == "in_progress" and own.period == "10-11/2023"
    assert list(own.groups.all()) == [ag_klima]  # members cannot reassign

    response = client.post(reverse("members:task_edit", args=[foreign.pk]), {**data, "title": foreign.title})
    assert response.status_code == 403
    foreign.refresh_from_db()
    assert foreign.status == "open"


def test_alliance_tasks_are_the_offices(client_for, member, office, alliance):
    task = TaskFactory(title="Zwischenbericht", groups=[alliance])
    data = {"title": task.title, "period": "10/2023", "status": "done", "groups": [alliance.pk]}
    assert client_for(member).post(reverse("members:task_edit", args=[task.pk]), data).status_code == 403
    assert client_for(office).post(reverse("members:task_edit", args=[task.pk]), data).status_code == 302
    task.refresh_from_db()
    assert task.status == "done"


def test_create_with_free_text_period_and_german_errors(client_for, member, ag_klima, ag_wulis):
    TaskFactory(title="Schon da", groups=[ag_klima], position=3)
    client = client_for(member)
    response = client.post(reverse("members:task_create"), {"title": "Ohne Termin", "status": "open", "groups": [ag_klima.pk]})
    assert response.status_code == 200
    assert "Bitte einen Termin" in response.content.decode()
    response = client.post(
        reverse("members:task_create"),
        {"title": "Fremde Gruppe", "period": "Ende 2023", "status": "open", "groups": [ag_wulis.pk]},
    )
    assert response.status_code == 200 and not Task.objects.filter(title="Fremde Gruppe").exists()
    response = client.post(
        reverse("members:task_create"),
        {"title": "Gemeinsame AG-Sitzung", "period": "10-11/2023", "status": "open", "groups": [ag_klima.pk]},
    )
    assert response.status_code == 302
    assert Task.objects.get(title="Gemeinsame AG-Sitzung").period == "10-11/2023"
    assert list(Task.objects.values_list("title", flat=True))[-1] == "Gemeinsame AG-Sitzung"  # new tasks go last
