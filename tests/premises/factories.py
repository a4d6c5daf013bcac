"""factory_boy factories of the premises register."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission

from partners.models import Partner, PartnerMembership
from premises.models import Premises

ERFURT = (50.97734, 11.03536)  # gazetteer centre of Erfurt
SECRET_CONTACT = "geheim-vermietung@example.org"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = Partner.Kind.MUNICIPALITY
    contact_email = factory.Sequence(lambda n: f"partner{n}@example.org")


class PremisesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Premises

    external_id = factory.Sequence(lambda n: f"T-{n:05d}")
    title = factory.Sequence(lambda n: f"Ladenlokal Nr. {n}")
    description = "Helle Fläche in der Innenstadt."
    street = "Markt 1"
    postal_code = "99084"
    city = "Erfurt"
    latitude = ERFURT[0]
    longitude = ERFURT[1]
    use_types = factory.LazyFunction(lambda: ["retail"])
    features = factory.LazyFunction(list)
    area_sqm = Decimal("80")
    rent_month_eur = Decimal("600")
    interim_use = False
    contact_email = SECRET_CONTACT
    status = Premises.Status.PUBLISHED
    confirmed_at = factory.LazyFunction(timezone.now)


PARTNER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("premises", "add_premises"),
    ("premises", "change_premises"),
    ("premises", "delete_premises"),
    ("premises", "view_premisesinquiry"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def partner_editor(partner, username):
    """A person acting for ``partner`` with the editing rights partner people get."""
    group, _ = Group.objects.get_or_create(name="Test-Partnerredaktion")
    group.permissions.set([
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in PARTNER_PERMISSIONS
    ])
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.add(group)
    root = Collection.get_first_root_node()
    for codename in ("add_image", "choose_image", "add_document", "choose_document"):
        app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root,
            permission=Permission.objects.get(content_type__app_label=app, codename=codename),
        )
    PartnerMembership.objects.create(user=user, partner=partner)
    return user
