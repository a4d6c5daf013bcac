"""The permission matrix (issue 21): for a town's login and a partner's login, every admin view of
one object that Wagtail registers for a partner-owned snippet (edit, delete, inspect, history,
usage, revisions, unpublish, workflow history, preview, ...) refuses another organisation's object
and shows none of its labels; listings, choosers and bulk actions likewise."""

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from partners.permissions import PartnerOwnedPermissionPolicy
from premises.models import PremisesInquiry
from tests.partners.factories import PartnerFactory, SupportOfferFactory, partner_person
from tests.premises.factories import PremisesFactory
from tests.vacancy.factories import TownFactory, UnitFactory, town_user
from vacancy.models import VacancyReport

pytestmark = pytest.mark.django_db

SECRET = "Geheimsache-Jena"  # in every label of the other organisation's objects


@pytest.fixture
def jena_objects():
    jena = TownFactory(name="Stadt Jena", town="Jena")  # partner names are public (the directory)
    premises = PremisesFactory(title=f"Laden {SECRET}", lister=jena, city="Jena")
    return {
        "partner": jena,
        "premises": premises,
        "premisesinquiry": PremisesInquiry.objects.create(premises=premises, name=f"Anfrage {SECRET}",
                                                          email="anfrage@example.org", message="Noch frei?"),
        "supportoffer": SupportOfferFactory(provider=jena, title=f"Beratung {SECRET}"),
        "unit": UnitFactory(external_id=f"J-{SECRET}", municipality=jena, city="Jena", street=f"Gasse {SECRET}",
                            house_number="1"),
        "vacancyreport": VacancyReport.objects.create(municipality=jena, city="Jena", street=f"Weg {SECRET}",
                                                      house_number="2", reporter_email="nachbar@example.org"),
    }


@pytest.fixture(params=["town", "partner"])
def foreign_login(request, client):
    if request.param == "town":
        user = town_user(TownFactory(name="Stadt Erfurt"), "erfurt")
    else:
        user = partner_person(PartnerFactory(name="ThEx", kind="agency"), "thex")
    client.force_login(user)
    return client


def _owned_snippet_viewsets():
    for model in get_snippet_models():
        if isinstance(policy_registry.get_by_type(model), PartnerOwnedPermissionPolicy):
            yield model, model.snippet_viewset


def _object_urls(viewset, pk):
    namespace = viewset.url_namespace
    for pattern in viewset.get_urlpatterns():
        name = getattr(pattern, "name", None)
        if not name or "pk" not in str(pattern.pattern):
            continue
        try:
            yield reverse(f"{namespace}:{name}", kwargs={"pk": pk})
        except NoReverseMatch:
            continue


def test_no_admin_view_of_one_object_shows_another_organisations_object(foreign_login, jena_objects):
    checked = []
    for model, viewset in _owned_snippet_viewsets():
        target = jena_objects.get(model._meta.model_name)
        if target is None:
            continue
        for url in _object_urls(viewset, target.pk):
            response = foreign_login.get(url)
            body = response.content.decode(errors="replace") if not response.streaming else ""
            assert response.status_code in (302, 403, 404), f"{url}: {response.status_code}"
            assert SECRET not in body, url
            checked.append(url)
    assert len(checked) >= 20, checked  # every owned model's object views were walked


def test_no_listing_chooser_or_bulk_action_shows_another_organisations_labels(foreign_login, jena_objects):
    for model, viewset in _owned_snippet_viewsets():
        target = jena_objects.get(model._meta.model_name)
        if target is None:
            continue
        urls = [reverse(f"{viewset.url_namespace}:list") + "?q=Geheimsache"]
        chooser = getattr(viewset, "chooser_viewset", None)
        if chooser is not None:
            urls.append(reverse(f"{chooser.url_namespace}:choose") + "?q=Geheimsache")
        urls += [reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, action])
                 + f"?id={target.pk}" for action in ("delete",)]
        for url in urls:
            response = foreign_login.get(url)
            assert SECRET not in response.content.decode(errors="replace"), url
    history = foreign_login.get("/admin/reports/site-history/results/")
    assert SECRET not in history.content.decode()
