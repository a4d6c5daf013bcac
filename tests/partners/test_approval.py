"""Approval: what a partner creates or changes goes public only after an alliance editor approves
it in the workflow; until then the public sees the last approved version, the partner the state."""

import pytest
from django.urls import reverse

from partners.models import SupportOffer

from .factories import PartnerFactory, SupportOfferFactory, alliance_editor, partner_person
from .test_admin_isolation import ADD, EDIT, LIST, offer_form

WORKFLOW_ACTION = "wagtailsnippets_partners_supportoffer:workflow_action"


@pytest.fixture
def people(db):
    thex = PartnerFactory(name="ThEx")
    return {"thex": thex, "partner": partner_person(thex, "thex"), "editor": alliance_editor()}


@pytest.fixture
def indexed(search_index):
    """``with indexed(): ...``: the writes inside reach the search index (the public list reads it)."""
    return search_index


def public_titles(client):
    client.logout()
    return {row["title"] for row in client.get("/api/v1/offers", {"page_size": 100}).json()["results"]}


def workflow_action(client, editor, offer, action):
    offer.refresh_from_db()
    task_state = offer.current_workflow_task_state
    client.force_login(editor)
    url = reverse(WORKFLOW_ACTION, args=[offer.pk, action, task_state.pk])
    return client.post(url, {"comment": "Bitte Kontakt ergänzen." if action == "reject" else ""})


def test_new_offer_goes_live_only_after_approval(client, people, indexed):
    client.force_login(people["partner"])
    template = SupportOffer(title="Mentoring für Frauen", provider=people["thex"], categories=["mentoring"],
                            target_groups=["founder"])
    with indexed():
        response = client.post(reverse(ADD), {**offer_form(template), "action-submit": "1"})
    assert response.status_code == 302
    offer = SupportOffer.objects.get(title="Mentoring für Frauen")
    assert offer.workflow_in_progress
    assert "wartet auf Freigabe" in client.get(reverse(LIST)).content.decode()
    assert "Mentoring für Frauen" not in public_titles(client)
    assert client.get(offer.get_absolute_url()).status_code == 404

    with indexed():
        response = workflow_action(client, people["editor"], offer, "approve")
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.live and not offer.workflow_in_progress
    assert "Mentoring für Frauen" in public_titles(client)
    client.force_login(people["partner"])
    assert "freigegeben (online)" in client.get(reverse(LIST)).content.decode()


def test_change_of_a_live_offer_stays_private_until_approved(client, people, indexed):
    with indexed():
        offer = SupportOfferFactory(provider=people["thex"], title="Nachfolge-Club")
    client.force_login(people["partner"])
    with indexed():
        response = client.post(reverse(EDIT, args=[offer.pk]),
                               {**offer_form(offer, title="Nachfolge-Club Ostthüringen"), "action-submit": "1"})
    assert response.status_code == 302
    assert public_titles(client) == {"Nachfolge-Club"}
    client.force_login(people["partner"])
    html = client.get(reverse(EDIT, args=[offer.pk])).content.decode()
    assert "Nachfolge-Club Ostthüringen" in html  # the partner keeps working on the draft

    with indexed():
        workflow_action(client, people["editor"], offer, "approve")
    assert public_titles(client) == {"Nachfolge-Club Ostthüringen"}


def test_partner_cannot_publish_directly(client, people, indexed):
    with indexed():
        offer = SupportOfferFactory(provider=people["thex"], title="Nachfolge-Club")
    client.force_login(people["partner"])
    with indexed():
        client.post(reverse(EDIT, args=[offer.pk]),
                    {**offer_form(offer, title="Sofort online?"), "action-publish": "1"})
    assert public_titles(client) == {"Nachfolge-Club"}
    offer.refresh_from_db()
    assert offer.title == "Nachfolge-Club" and offer.has_unpublished_changes


def test_rejected_change_is_shown_to_the_partner_and_stays_private(client, people, indexed):
    with indexed():
        offer = SupportOfferFactory(provider=people["thex"], title="Nachfolge-Club")
    client.force_login(people["partner"])
    with indexed():
        client.post(reverse(EDIT, args=[offer.pk]), {**offer_form(offer, title="Fehlerhaft"), "action-submit": "1"})
        workflow_action(client, people["editor"], offer, "reject")
    assert public_titles(client) == {"Nachfolge-Club"}
    client.force_login(people["partner"])
    assert "Änderungen angefordert" in client.get(reverse(LIST)).content.decode()


def test_editor_publishes_directly(client, people, indexed):
    with indexed():
        offer = SupportOfferFactory(provider=people["thex"], title="Nachfolge-Club")
    client.force_login(people["editor"])
    with indexed():
        response = client.post(reverse(EDIT, args=[offer.pk]),
                               {**offer_form(offer, title="Nachfolge-Club 2027"), "action-publish": "1"})
    assert response.status_code == 302
    assert public_titles(client) == {"Nachfolge-Club 2027"}
