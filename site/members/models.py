"""The members' area: who is a member, the workspaces, their news, the roadmap and date polls.

Membership lives in Django auth groups: every workspace has one group, and the alliance-wide
workspace's group ("Mitglieder") is the members' group. The same groups restrict the workspaces'
document collections, so Wagtail's own document URLs refuse everyone outside the group.
"""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone

MEMBERS_GROUP = "Mitglieder"
OFFICE_GROUP = "Geschäftsstelle"


def new_calendar_token():
    return secrets.token_urlsafe(24)


class MemberProfile(models.Model):
    """What the platform knows about a member beyond the login: organisation, digest, calendar."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile", verbose_name="Benutzer"
    )
    organisation = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
        verbose_name="Organisation",
    )
    digest_enabled = models.BooleanField(
        "E-Mail-Zusammenfassung", default=True, help_text="Höchstens einmal täglich eine E-Mail mit allem Neuen."
    )
    last_digest_at = models.DateTimeField("Letzte Zusammenfassung", null=True, blank=True)
    calendar_token = models.CharField("Kalender-Schlüssel", max_length=64, unique=True, default=new_calendar_token)
    invited_at = models.DateTimeField("Eingeladen am", null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Eingeladen von",
    )

    class Meta:
        verbose_name = "Mitgliedsprofil"
        verbose_name_plural = "Mitgliedsprofile"
        permissions = [("manage_members", "Mitglieder einladen und verwalten (Geschäftsstelle)")]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class Workspace(models.Model):
    """A working group's room (or, without a working group, the whole alliance's)."""

    name = models.CharField("Name", max_length=200)
    slug = models.SlugField("Kurzname (URL)", max_length=80, unique=True)
    description = models.TextField("Beschreibung", blank=True)
    working_group = models.OneToOneField(
        "alliance.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workspace",
        verbose_name="Arbeitsgruppe",
    )
    is_alliance = models.BooleanField("ganzes Bündnis", default=False)
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="workspace", verbose_name="Benutzergruppe"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.PROTECT,
        related_name="workspace",
        verbose_name="Dokumentensammlung",
    )
    position = models.PositiveIntegerField("Reihenfolge", default=0)

    class Meta:
        ordering = ["-is_alliance", "position", "name"]
        verbose_name = "Arbeitsbereich"
        verbose_name_plural = "Arbeitsbereiche"

    def __str__(self):
        return self.name


class Post(models.Model):
    """Internal news or minutes in a workspace; members reply below it."""

    class Kind(models.TextChoices):
        NEWS = "news", "Mitteilung"
        MINUTES = "minutes", "Protokoll"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="posts", verbose_name="Bereich")
    kind = models.CharField("Art", max_length=10, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField("Titel", max_length=200)
    body = models.TextField("Text")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Dokument",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Verfasst von"
    )
    created_at = models.DateTimeField("Erstellt", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "Beitrag"
        verbose_name_plural = "Beiträge"

    def __str__(self):
        return self.title


class Reply(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies", verbose_name="Beitrag")
    body = models.TextField("Antwort")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Verfasst von"
    )
    created_at = models.DateTimeField("Erstellt", default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "Antwort"
        verbose_name_plural = "Antworten"

    def __str__(self):
        return f"Antwort auf {self.post}"


class Meeting(models.Model):
    """An internal meeting of a workspace, usually the fixed date of a poll."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="meetings", verbose_name="Bereich"
    )
    title = models.CharField("Titel", max_length=200)
    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende", null=True, blank=True)
    place = models.CharField("Ort", max_length=255, blank=True)
    description = models.TextField("Beschreibung", blank=True)
    public_event = models.ForeignKey(
        "alliance.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Öffentlicher Termin",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start"]
        verbose_name = "Sitzung"
        verbose_name_plural = "Sitzungen"

    def __str__(self):
        return self.title


class Task(models.Model):
    """A roadmap entry (Fahrplan): what, when (free text such as "10-11/2023"), who."""

    class Status(models.TextChoices):
        OPEN = "open", "offen"
        IN_PROGRESS = "in_progress", "in Arbeit"
        DONE = "done", "erledigt"

    title = models.CharField("Aufgabe", max_length=255)
    period = models.CharField(
        "Termin", max_length=60, blank=True, help_text="Zeitraum oder Termin, z. B. „10-11/2023“ oder „Ende 2023“."
    )
    due_date = models.DateField("Fällig am", null=True, blank=True)
    groups = models.ManyToManyField(
        Workspace, blank=True, related_name="tasks", verbose_name="Verantwortliche Gruppen"
    )
    responsible = models.CharField(
        "Verantwortlichkeit", max_length=255, blank=True, help_text="z. B. „Geschäftsstelle in Abstimmung mit den AGs“"
    )
    notes = models.TextField("Sonstiges", blank=True)
    status = models.CharField("Stand", max_length=20, choices=Status.choices, default=Status.OPEN)
    position = models.PositiveIntegerField("Reihenfolge", default=0)
    updated_at = models.DateTimeField("Geändert", auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "Aufgabe"
        verbose_name_plural = "Fahrplan"

    def __str__(self):
        return self.title


class Poll(models.Model):
    """A date poll (Terminumfrage): proposed dates, invited members, their answers."""

    class Status(models.TextChoices):
        OPEN = "open", "offen"
        FIXED = "fixed", "Termin steht fest"

    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung", blank=True)
    place = models.CharField("Ort", max_length=255, blank=True)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="polls", verbose_name="Bereich"
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Organisiert von"
    )
    invitees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="date_polls", verbose_name="Eingeladen")
    status = models.CharField("Stand", max_length=10, choices=Status.choices, default=Status.OPEN)
    fixed_option = models.ForeignKey(
        "PollOption", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Festgelegt"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Sitzung"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "Terminumfrage"
        verbose_name_plural = "Terminumfragen"

    def __str__(self):
        return self.title


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options", verbose_name="Umfrage")
    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende", null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = "Terminvorschlag"
        verbose_name_plural = "Terminvorschläge"

    def __str__(self):
        local = timezone.localtime(self.start)
        return local.strftime("%d.%m.%Y, %H:%M Uhr")


class PollAnswer(models.Model):
    class Value(models.TextChoices):
        YES = "yes", "ja"
        MAYBE = "maybe", "wenn nötig"
        NO = "no", "nein"

    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.CharField("Antwort", max_length=10, choices=Value.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["option", "user"], name="members_one_answer_per_option")]
        verbose_name = "Antwort"
        verbose_name_plural = "Antworten"

    def __str__(self):
        return f"{self.user} – {self.option}: {self.get_value_display()}"
