import factory
from django.contrib.auth import get_user_model

from partners.models import Partner, SupportOffer
from partners.services import add_alliance_editor, add_partner_person


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = Partner.Kind.AGENCY


class SupportOfferFactory(factory.django.DjangoModelFactory):
    """A published (approved) offer."""

    class Meta:
        model = SupportOffer

    provider = factory.SubFactory(PartnerFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    description = "Beratung für Gründende in der Innenstadt."
    categories = factory.LazyFunction(lambda: ["business_plan"])
    target_groups = factory.LazyFunction(lambda: ["founder"])
    stages = factory.LazyFunction(list)
    statewide = True
    cost = "free"
    live = True


def partner_person(partner, username):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    add_partner_person(user, partner)
    return user


def alliance_editor(username="redaktion"):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    return add_alliance_editor(user)


def offer_catalogue() -> dict:
    """Three partners and three offers the public offer pages and the offer search start from:
    a successor's club and a founder's loan statewide, a founder's pilot in Jena only."""
    thex = PartnerFactory(name="ThEx", kind="state_agency", description="Thüringer Zentrum für Existenzgründungen")
    leg = PartnerFactory(name="LEG Thüringen", kind="state_agency")
    jena = PartnerFactory(name="Stadt Jena", kind="municipality", town="Jena")
    return {
        "thex": thex, "leg": leg, "jena": jena,
        "club": SupportOfferFactory(
            provider=thex, title="Nachfolge-Club", categories=["succession", "networking"],
            target_groups=["successor"], stages=["succession"], cost="free",
        ),
        "microloan": SupportOfferFactory(
            provider=thex, title="Beantragung Mikrodarlehen", categories=["microloan", "financing"],
            target_groups=["founder"], stages=["founding"], cost="subsidized",
            description="Kleinkredit für die Gründung; Nachfolge ist hier kein Thema.",
        ),
        "lotse": SupportOfferFactory(
            provider=jena, title="Gründungslotse Jena", categories=["location"], target_groups=["founder"],
            stages=[], statewide=False, municipalities=["Jena"], cost="free",
        ),
    }
