"""Factories for the members' area: users with a member profile, placed in workspaces' groups."""

import factory
from django.contrib.auth import get_user_model

from members import services
from members.models import MemberProfile, Task


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = "Muster"
    password = factory.PostGenerationMethodCall("set_password", "geheim-123-passwort")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_member(*workspaces, office=False, **kwargs):
    """An active member in the alliance group and the given workspaces (the office if asked)."""
    user = UserFactory(**kwargs)
    MemberProfile.objects.get_or_create(user=user)
    services.set_member_workspaces(user, [space for space in workspaces if not space.is_alliance])
    if office:
        user.groups.add(services.office_group())
    return user


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Aufgabe {n}")
    period = "10-11/2023"

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)
