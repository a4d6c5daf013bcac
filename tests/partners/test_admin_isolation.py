"""The isolation matrix: a partner's people reach only their own organisation's offers and profile
in the Wagtail admin (list, search, edit, delete, chooser, history); alliance editors reach all."""

import pytest
from django.urls import reverse

from partners.models import Partner, SupportOffer
from vacancy.models import VacancyReport

from .factories import PartnerFactory, SupportOfferFactory, alliance_editor, partner_person

LIST = "wagtailsnippets_partners_supportoffer:list"
EDIT = "wagtailsnippets_partners_supportoffer:edit"
DELETE = "wagtailsnippets_partners_supportoffer:delete"
HISTORY = "wagtailsnippets_partners_supportoffer:history"
ADD = "wagtailsnippets_partners_supportoffer:add"
CHOOSE = "wagtailsnippetchoosers_partners_supportoffer:choose"
CHOOSE_RESULTS = "wagtailsnippetchoosers_partners_supportoffer:choose_results"
CHOSEN = "wagtailsnippetchoosers_partners_supportoffer:chosen"
PARTNER_LIST = "wagtailsnippets_partners_partner:list"
PARTNER_EDIT = "wagtailsnippets_partners_partner:edit"


@pytest.fixture
def world(search_index):
    with search_index():  # the public list and the API read the search index
        thex = PartnerFactory(name="ThEx")
        leg = PartnerFactory(name="LEG Thüringen")
        return {
            "thex": thex,
            "leg": leg,
            "thex_offer": SupportOfferFactory(provider=thex, title="Nachfolge-Club Thüringen"),
            "leg_offer": SupportOfferFactory(provider=leg, title="Ansiedlungsservice Digitalwirtschaft"),
            "thex_user": partner_person(thex, "thex"),
            "leg_user": partner_person(leg, "leg"),
            "editor": alliance_editor(),
        }


def refused(response):
    """Another organisation's object does not exist for this user (404); a view the user's role may
    not use at all is refused the Wagtail way (redirect to the dashboard with a message)."""
    if response.status_code == 404:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def login(client, user):
    client.force_login(user)
    return client


def offer_form(offer, **changes):
    data = {
        "title": offer.title, "provider": offer.provider_id, "description": offer.description,
        "categories": offer.categories, "target_groups": offer.target_groups, "stages": offer.stages,
        "tags": "", "region": "thueringen", "cost": offer.cost, "funding_share": "", "url": "",
        "contact_email": "", "valid_from": "", "valid_until": "", "external_id": offer.external_id or "",
    }
    data.update(changes)
    return data


def test_partner_lists_only_own_offers(client, world):
    html = login(client, world["thex_user"]).get(reverse(LIST)).content.decode()
    assert "Nachfolge-Club Thüringen" in html
    assert "Ansiedlungsservice Digitalwirtschaft" not in html


def test_partner_search_in_listing_finds_only_own_offers(client, world):
    login(client, world["thex_user"])
    html = client.get(reverse(LIST), {"q": "Ansiedlungsservice"}).content.decode()
    assert "Ansiedlungsservice Digitalwirtschaft" not in html
    html = client.get(reverse(LIST), {"q": "Nachfolge"}).content.decode()
    assert "Nachfolge-Club Thüringen" in html


def test_partner_cannot_open_or_change_another_partners_offer(client, world):
    login(client, world["thex_user"])
    leg_offer = world["leg_offer"]
    assert refused(client.get(reverse(EDIT, args=[leg_offer.pk])))
    response = client.post(reverse(EDIT, args=[leg_offer.pk]), offer_form(leg_offer, title="Gekapert"))
    assert refused(response)
    leg_offer.refresh_from_db()
    assert leg_offer.title == "Ansiedlungsservice Digitalwirtschaft"
    assert leg_offer.latest_revision is None
    assert refused(client.get(reverse(HISTORY, args=[leg_offer.pk])))


def test_partner_cannot_delete_another_partners_offer(client, world):
    login(client, world["thex_user"])
    response = client.post(reverse(DELETE, args=[world["leg_offer"].pk]))
    assert refused(response)
    assert SupportOffer.objects.filter(pk=world["leg_offer"].pk).exists()


def test_partner_can_edit_and_delete_own_offer(client, world):
    login(client, world["thex_user"])
    offer = world["thex_offer"]
    assert client.get(reverse(EDIT, args=[offer.pk])).status_code == 200
    response = client.post(reverse(DELETE, args=[offer.pk]))
    assert response.status_code == 302
    assert not SupportOffer.objects.filter(pk=offer.pk).exists()


def test_chooser_shows_only_own_offers(client, world):
    login(client, world["thex_user"])
    html = client.get(reverse(CHOOSE)).json()["html"]
    assert "Nachfolge-Club Thüringen" in html
    assert "Ansiedlungsservice Digitalwirtschaft" not in html
    html = client.get(reverse(CHOOSE_RESULTS), {"q": "Ansiedlungsservice"}).content.decode()
    assert "Ansiedlungsservice" in html  # the query is echoed: the page rendered
    assert "Ansiedlungsservice Digitalwirtschaft" not in html
    assert client.get(reverse(CHOSEN, args=[world["leg_offer"].pk])).status_code == 404
    assert client.get(reverse(CHOSEN, args=[world["thex_offer"].pk])).status_code == 200


def test_partner_cannot_file_an_offer_under_another_partner(client, world):
    login(client, world["thex_user"])
    template = SupportOffer(
        title="Untergeschoben", provider=world["leg"], categories=["mentoring"], target_groups=["founder"],
    )
    response = client.post(reverse(ADD), offer_form(template))
    assert response.status_code == 200  # form shown again with an error
    assert not SupportOffer.objects.filter(title="Untergeschoben").exists()
    response = client.post(reverse(ADD), offer_form(template, provider=world["thex"].pk))
    assert response.status_code == 302
    created = SupportOffer.objects.get(title="Untergeschoben")
    assert created.provider == world["thex"]
    assert created.live is False  # a draft until an alliance editor approves it


def test_partner_edits_own_profile_only(client, world):
    login(client, world["thex_user"])
    html = client.get(reverse(PARTNER_LIST)).content.decode()
    assert "ThEx" in html and "LEG Thüringen" not in html
    assert client.get(reverse(PARTNER_EDIT, args=[world["thex"].pk])).status_code == 200
    assert refused(client.get(reverse(PARTNER_EDIT, args=[world["leg"].pk])))
    response = client.post(reverse(PARTNER_EDIT, args=[world["leg"].pk]), {"name": "Gekapert", "kind": "agency"})
    assert refused(response)
    assert Partner.objects.get(pk=world["leg"].pk).name == "LEG Thüringen"


def test_editor_sees_and_edits_everything(client, world):
    login(client, world["editor"])
    html = client.get(reverse(LIST)).content.decode()
    assert "Nachfolge-Club Thüringen" in html and "Ansiedlungsservice Digitalwirtschaft" in html
    assert client.get(reverse(EDIT, args=[world["leg_offer"].pk])).status_code == 200
    assert client.get(reverse(EDIT, args=[world["thex_offer"].pk])).status_code == 200
    html = client.get(reverse(CHOOSE)).json()["html"]
    assert "Nachfolge-Club Thüringen" in html and "Ansiedlungsservice Digitalwirtschaft" in html
    html = client.get(reverse(PARTNER_LIST)).content.decode()
    assert "ThEx" in html and "LEG Thüringen" in html


def test_listing_shows_the_approval_state(client, world):
    SupportOfferFactory(provider=world["thex"], title="Mentoring für Frauen", live=False)
    html = login(client, world["thex_user"]).get(reverse(LIST)).content.decode()
    assert "Entwurf (noch nicht zur Freigabe eingereicht)" in html
    assert "freigegeben (online)" in html


def test_editor_grants_a_partner_login_in_the_admin(client, world):
    from django.contrib.auth import get_user_model

    newcomer = get_user_model().objects.create_user(username="ihk", password="pw")
    ihk = PartnerFactory(name="IHK Erfurt", kind="chamber")
    SupportOfferFactory(provider=ihk, title="Gründungssprechtag IHK")
    login(client, world["editor"])
    response = client.post(reverse("wagtailsnippets_partners_partnermembership:add"),
                           {"user": newcomer.pk, "partner": ihk.pk})
    assert response.status_code == 302
    client.force_login(newcomer)
    html = client.get(reverse(LIST)).content.decode()
    assert "Gründungssprechtag IHK" in html and "Nachfolge-Club Thüringen" not in html

    login(client, world["editor"])
    membership = newcomer.partner_membership
    client.post(reverse("wagtailsnippets_partners_partnermembership:delete", args=[membership.pk]))
    client.force_login(newcomer)
    response = client.get(reverse(LIST))
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))  # no admin access


def test_partner_people_cannot_manage_logins(client, world):
    login(client, world["thex_user"])
    assert refused(client.get(reverse("wagtailsnippets_partners_partnermembership:list")))


def test_bulk_delete_of_another_partners_offer_is_refused(client, world):
    login(client, world["thex_user"])
    url = reverse("wagtail_bulk_action", args=["partners", "supportoffer", "delete"])
    client.post(f"{url}?id={world['leg_offer'].pk}")
    assert SupportOffer.objects.filter(pk=world["leg_offer"].pk).exists()
    client.post(f"{url}?id={world['thex_offer'].pk}")
    assert not SupportOffer.objects.filter(pk=world["thex_offer"].pk).exists()


def test_api_serves_no_drafts_even_to_their_partner(client, world, search_index):
    with search_index():
        SupportOfferFactory(provider=world["leg"], title="LEG-Entwurf", live=False)
        SupportOfferFactory(provider=world["thex"], title="ThEx-Entwurf", live=False)
    login(client, world["thex_user"])
    results = client.get("/api/v1/offers", {"page_size": 100}).json()["results"]
    assert {row["title"] for row in results} == {"Nachfolge-Club Thüringen", "Ansiedlungsservice Digitalwirtschaft"}


def test_partner_cannot_change_the_import_key(client, world):
    offer = world["thex_offer"]
    offer.external_id = "S-O02"
    offer.save()
    login(client, world["thex_user"])
    client.post(reverse(EDIT, args=[offer.pk]), offer_form(offer, title="Nachfolge-Club neu", external_id="GEKAPERT"))
    offer.refresh_from_db()
    draft = offer.get_latest_revision_as_object()
    assert draft.title == "Nachfolge-Club neu"  # the draft was saved ...
    assert draft.external_id == "S-O02"  # ... without the changed import key


def _profile_form(partner, **changes):
    data = {
        "name": partner.name, "slug": partner.slug, "kind": partner.kind, "town": partner.town, "logo": "",
        "description": partner.description, "region": partner.region, "website": partner.website,
        "contact_name": partner.contact_name, "contact_email": partner.contact_email,
        "contact_phone": partner.contact_phone, "address": partner.address,
    }
    data.update(changes)
    return data


def test_a_partner_cannot_rename_itself_into_a_town_and_take_its_reports(client, world):
    """Issue 21.1: renamed to "Erfurt" with kind "municipality", a partner received Erfurt's
    vacancy reports and Erfurt's staff no longer saw them. Name, kind, town and website are the
    office's to set; the description and contact stay the partner's."""
    erfurt = PartnerFactory(name="Stadt Erfurt", kind="municipality", town="Erfurt")
    login(client, world["thex_user"])
    response = client.post(reverse(PARTNER_EDIT, args=[world["thex"].pk]), _profile_form(
        world["thex"], name="Erfurt", slug="erfurt", kind="municipality", town="Erfurt",
        website="https://phishing.example.com", description="Wir beraten Gründerinnen in ganz Thüringen.",
    ))
    assert response.status_code == 302
    thex = Partner.objects.get(pk=world["thex"].pk)
    assert (thex.name, thex.kind, thex.town, thex.website) == ("ThEx", world["thex"].kind, "", "")
    assert thex.description == "Wir beraten Gründerinnen in ganz Thüringen."
    form = client.get(reverse(PARTNER_EDIT, args=[thex.pk])).content.decode()
    assert "Nur die Geschäftsstelle ändert das" in form

    client.logout()
    response = client.post("/api/v1/vacancy-reports", {
        "city": "Erfurt", "street": "Anger", "house_number": "1", "note": "Leer seit Mai.",
    }, content_type="application/json")
    assert response.status_code == 201
    assert VacancyReport.objects.get().municipality == erfurt


def test_the_office_sets_name_kind_town_and_website(client, world):
    login(client, world["editor"])
    response = client.post(reverse(PARTNER_EDIT, args=[world["leg"].pk]), _profile_form(
        world["leg"], name="LEG Thüringen mbH", website="https://www.leg-thueringen.de",
    ))
    assert response.status_code == 302
    leg = Partner.objects.get(pk=world["leg"].pk)
    assert (leg.name, leg.website) == ("LEG Thüringen mbH", "https://www.leg-thueringen.de")


def test_no_second_partner_under_a_look_alike_name(client, world):
    login(client, world["editor"])
    response = client.post(reverse(PARTNER_EDIT, args=[world["leg"].pk]), _profile_form(world["leg"], name="ThEx "))
    assert response.status_code == 200
    assert "Eine Partnerorganisation dieses Namens gibt es schon." in response.content.decode()
    response = client.post(reverse(PARTNER_EDIT, args=[world["leg"].pk]), _profile_form(world["leg"], name="thex"))
    assert "Eine Partnerorganisation dieses Namens gibt es schon." in response.content.decode()
    assert Partner.objects.get(pk=world["leg"].pk).name == "LEG Thüringen"


BULK_ACTIONS = [("partners", "supportoffer", "delete"), ("partners", "partner", "delete"),
                ("auth", "user", "delete"), ("auth", "user", "set_active_state")]


@pytest.mark.parametrize("app_label, model_name, action", BULK_ACTIONS)
def test_bulk_action_pages_show_no_label_of_another_organisation(client, world, app_label, model_name, action):
    """Issue 21.2: Wagtail's bulk-action confirmation listed the labels of any ids in the address."""
    targets = {"supportoffer": world["leg_offer"], "partner": world["leg"], "user": world["leg_user"]}
    target = targets[model_name]
    login(client, world["thex_user"])
    url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
    for query in (f"id={target.pk}", f"id={target.pk}&id={world['thex_offer'].pk}", "id=all"):
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 302, 404), query
        body = response.content.decode()
        assert str(target) not in body, query
        assert "Ansiedlungsservice Digitalwirtschaft" not in body and "LEG Thüringen" not in body, query


def test_bulk_select_all_offers_only_the_own_objects(client, world):
    login(client, world["thex_user"])
    url = reverse("wagtail_bulk_action", args=["partners", "supportoffer", "delete"])
    body = client.get(f"{url}?id=all").content.decode()
    assert "Nachfolge-Club Thüringen" in body and "Ansiedlungsservice Digitalwirtschaft" not in body
    client.post(f"{url}?id=all")
    assert list(SupportOffer.objects.values_list("title", flat=True)) == ["Ansiedlungsservice Digitalwirtschaft"]


def test_the_office_still_bulk_deletes_any_offer(client, world):
    login(client, world["editor"])
    url = reverse("wagtail_bulk_action", args=["partners", "supportoffer", "delete"])
    body = client.get(f"{url}?id={world['leg_offer'].pk}&id={world['thex_offer'].pk}").content.decode()
    assert "Nachfolge-Club Thüringen" in body and "Ansiedlungsservice Digitalwirtschaft" in body


def test_site_history_and_its_export_show_only_the_own_organisations_activity(client, world):
    """Issue 21.5: the site-history report (and its CSV/XLSX export) showed other partners' activity."""
    from wagtail.log_actions import log

    log(world["thex_offer"], "wagtail.edit", user=world["thex_user"])
    log(world["leg_offer"], "wagtail.edit", user=world["leg_user"])
    log(world["leg"], "wagtail.edit", user=world["leg_user"])
    login(client, world["thex_user"])
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/",
                "/admin/reports/site-history/?export=csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        body = body.decode()
        assert "Nachfolge-Club Thüringen" in body, url
        assert "Ansiedlungsservice Digitalwirtschaft" not in body and "LEG Thüringen" not in body, url
    login(client, world["editor"])
    body = client.get("/admin/reports/site-history/results/").content.decode()
    assert "Nachfolge-Club Thüringen" in body and "Ansiedlungsservice Digitalwirtschaft" in body


def test_an_offer_saved_from_an_older_version_is_refused_and_keeps_the_newer_one(client, world):
    """Issue 21.21: the office and the partner's person editing one offer overwrote each other."""
    offer = world["thex_offer"]
    loaded = offer.save_revision(user=world["thex_user"])
    loaded_fields = {"loaded_revision_id": loaded.pk, "loaded_revision_created_at": loaded.created_at.isoformat()}
    login(client, world["editor"])
    first = client.post(reverse(EDIT, args=[offer.pk]), {**offer_form(offer, title="Nachfolge-Club (Büro)"),
                                                         **loaded_fields})
    assert first.status_code == 302
    login(client, world["thex_user"])
    second = client.post(reverse(EDIT, args=[offer.pk]), {**offer_form(offer, title="Nachfolge-Club (ThEx)"),
                                                          **loaded_fields})
    assert second.status_code == 200
    page = second.content.decode()
    assert "hat jemand anderes eine neuere Fassung gespeichert" in page
    assert "Nachfolge-Club (ThEx)" in page  # what they typed is still in the form
    latest = SupportOffer.objects.get(pk=offer.pk).latest_revision.as_object()
    assert latest.title == "Nachfolge-Club (Büro)"
