"""factory_boy factories of vacancy management."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from partners.models import Partner, PartnerMembership
from vacancy.demo import TOWN_PERMISSIONS
from vacancy.models import TargetMix, TargetShare, Unit, UnitUse


class TownFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = "Stadt Erfurt"
    kind = Partner.Kind.MUNICIPALITY
    town = factory.LazyAttribute(lambda o: o.name.removeprefix("Stadt ").removeprefix("Landeshauptstadt "))
    contact_email = factory.LazyAttribute(lambda o: f"leerstand@{o.name.split()[-1].lower()}.example.org")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    external_id = factory.Sequence(lambda n: f"U-{n:04d}")
    municipality = factory.SubFactory(TownFactory)
    city = "Erfurt"
    street = "Marktstraße"
    house_number = factory.Sequence(lambda n: str(n + 1))
    floor = "eg"
    zone = "Altstadt"
    use = "retail"
    business_name = factory.LazyAttribute(lambda o: "" if o.use == "vacant" else "Laden")
    area_sqm = Decimal("80")
    latitude = 50.97734
    longitude = 11.03536

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create:
            UnitUse.objects.create(unit=obj, use=obj.use, business_name=obj.business_name,
                                   started=obj.vacant_since if obj.use == "vacant" else None)


def target_mix(town, city, shares: dict[str, int], *, zone="Altstadt", name="Altstadt") -> TargetMix:
    mix = TargetMix.objects.create(municipality=town, city=city, zone=zone, name=name)
    for order, (use, percent) in enumerate(shares.items()):
        TargetShare.objects.create(mix=mix, use=use, percent=percent, sort_order=order)
    return mix


def town_user(town, username):
    """A person of ``town`` with the rights a town's vacancy managers get."""
    group, _ = Group.objects.get_or_create(name="Test-Kommune")
    group.permissions.set([
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in TOWN_PERMISSIONS
    ])
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org",
                                                is_staff=True)
    user.groups.add(group)
    PartnerMembership.objects.create(user=user, partner=town)
    return user


TODAY = date(2026, 6, 1)
