"""Factories of the toolbox: measures under the one catalogue page, municipalities with people
allowed to plan, plans and worksheets (through the services, so history is written as in use)."""

import factory
from django.contrib.auth import get_user_model

from core.models import HomePage
from partners.models import Partner, PartnerMembership
from toolbox import services
from toolbox.models import HeatPlan, MeasureFunding, MeasureIndexPage, MeasurePage, MeasureStep


def catalogue():
    index = MeasureIndexPage.objects.first()
    if index is None:
        index = MeasureIndexPage(title="Kommunale Hitze-Toolbox", slug="hitze-toolbox")
        HomePage.objects.first().add_child(instance=index)
        index.save_revision().publish()
    return index


class MeasurePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasurePage

    title = factory.Sequence(lambda n: f"Testmaßnahme {n}")
    slug = factory.Sequence(lambda n: f"testmassnahme-{n}")
    code = factory.Sequence(lambda n: f"T{n}")
    strategy = "information"
    level = "basic"
    effort = "medium"
    cost = "low"
    description = "<p>Plakate und Flyer zum Thema Hitze und Gesundheit.</p>"

    @classmethod
    def _create(cls, model_class, *args, funding=(), steps=(), **kwargs):
        page = model_class(*args, **kwargs)
        page.funding_programmes = [MeasureFunding(via=v, programme=p, share=s) for v, p, s in funding]
        page.steps = [MeasureStep(title=title) for title in steps]
        catalogue().add_child(instance=page)
        page.save_revision().publish()
        return page


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Stadt Musterhausen {n}")
    kind = Partner.Kind.MUNICIPALITY
    town = factory.LazyAttribute(lambda o: o.name.removeprefix("Stadt "))


def municipality_person(municipality, username):
    user = get_user_model().objects.create_user(username=username, password="pw", first_name="Erika", last_name=username)
    user.groups.add(services.municipality_group())
    PartnerMembership.objects.create(user=user, partner=municipality)
    return user


def plan_for(municipality, *measures, user=None) -> HeatPlan:
    plan = services.plan_for_municipality(municipality, user)
    for measure in measures:
        services.add_measure(plan, measure, user)
    return plan
