"""Factories and index helpers for the matching (seeker) tests."""

from __future__ import annotations

import factory
from django.utils import timezone

from matching.models import SeekerProfile
from partners.models import SupportOffer
from search.services import rebuild
from tests.premises.factories import PartnerFactory

ARNSTADT = (50.8345, 10.9470)


def index_all():
    """Put the database's public premises and offers into the (embedded) search engine."""
    rebuild("premises", progress=False)
    rebuild("offers", progress=False)


class SupportOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportOffer

    external_id = factory.Sequence(lambda n: f"O-{n:04d}")
    provider = factory.SubFactory(PartnerFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    categories = factory.LazyFunction(lambda: ["business_plan"])
    target_groups = factory.LazyFunction(lambda: ["founder"])
    stages = factory.LazyFunction(list)
    statewide = True
    municipalities = factory.LazyFunction(list)


class SeekerProfileFactory(factory.django.DjangoModelFactory):
    """A confirmed saved search for retail space in Erfurt (20 km, 50–120 m², up to 900 €)."""

    class Meta:
        model = SeekerProfile

    kind = "founder"
    use_types = factory.LazyFunction(lambda: ["retail"])
    city = "Erfurt"
    latitude = 50.97734
    longitude = 11.03536
    radius_km = 20.0
    area_min = 50.0
    area_max = 120.0
    rent_max = 900.0
    features = factory.LazyFunction(list)
    needs = factory.LazyFunction(list)
    email = factory.Sequence(lambda n: f"suchende{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)
