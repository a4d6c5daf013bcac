"""Page types of the alliance: working groups, pilot projects, meetings, news and events.

Each detail type lives under its own index page, and every index page under the home page, so
the page tree an editor sees mirrors the site's navigation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from alliance import blocks as alliance_blocks
from alliance import selectors
from common.images import require_alt
from core.blocks import BodyStreamBlock

INTRO_FEATURES = ["bold", "italic", "link", "document-link"]
LIST_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class IndexPage(Page):
    """Shared shape of the listing pages: an intro and a place under the home page."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]

    class Meta:
        abstract = True


# --- Working groups -----------------------------------------------------------------------------


class WorkingGroupIndexPage(IndexPage):
    subpage_types = ["alliance.WorkingGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = "Übersicht Arbeitsgruppen"
        verbose_name_plural = "Übersichten Arbeitsgruppen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["working_groups"] = selectors.working_groups(parent=self)
        return context


class WorkingGroupPage(Page):
    short_name = models.CharField(
        "Kurzname", max_length=40, blank=True, help_text="z. B. „AG Klima“ oder „WULIS“; erscheint in Listen."
    )
    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")
    goals = RichTextField(
        blank=True, features=LIST_FEATURES, verbose_name="Ziele", help_text="Am besten als Aufzählung."
    )
    reports = StreamField(
        alliance_blocks.ReportStreamBlock(),
        blank=True,
        verbose_name="Berichte",
        help_text="Bilanz, Reflexion und Ausblick aus den Bündnistreffen, neueste zuerst.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("goals"),
        InlinePanel(
            "members",
            label="Mitglied",
            heading="Mitglieder",
            help_text="Organisationen der AG; keine privaten Telefonnummern oder E-Mail-Adressen.",
        ),
        FieldPanel("reports"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("reports"),
        index.RelatedFields("members", [index.SearchField("organisation"), index.SearchField("name")]),
    ]
    parent_page_types = ["alliance.WorkingGroupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Arbeitsgruppe"
        verbose_name_plural = "Arbeitsgruppen"

    @property
    def display_name(self):
        return self.short_name or self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pilot_projects"] = selectors.pilot_projects(working_group=self)
        return context


class WorkingGroupMember(Orderable):
    """A member of a working group: an organisation, optionally with the person who represents it."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="members")
    organisation = models.CharField("Organisation", max_length=200)
    name = models.CharField(
        "Name", max_length=200, blank=True, help_text="Optional und nur mit Einverständnis der Person."
    )
    role = models.CharField("Rolle", max_length=200, blank=True, help_text="z. B. Sprecherin, Mitglied, Gast")

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("name"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = "Mitglied"
        verbose_name_plural = "Mitglieder"

    def __str__(self):
        return self.organisation


# --- Pilot projects -----------------------------------------------------------------------------


class PilotProjectStatus(models.TextChoices):
    IDEA = "idea", "Idee"
    PREPARATION = "preparation", "in Vorbereitung"
    IMPLEMENTATION = "implementation", "in Umsetzung"
    COMPLETED = "completed", "abgeschlossen"


class PilotProjectIndexPage(IndexPage):
    subpage_types = ["alliance.PilotProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = "Übersicht Pilotprojekte"
        verbose_name_plural = "Übersichten Pilotprojekte"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        if status not in PilotProjectStatus.values:
            status = ""
        context["status"] = status
        context["status_choices"] = PilotProjectStatus.choices
        context["pilot_projects"] = selectors.pilot_projects(parent=self, status=status or None)
        return context


class PilotProjectPage(Page):
    status = models.CharField(
        "Stand", max_length=20, choices=PilotProjectStatus.choices, default=PilotProjectStatus.IDEA
    )
    working_group = models.ForeignKey(
        WorkingGroupPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilot_projects",
        verbose_name="Arbeitsgruppe",
    )
    municipality = models.CharField(
        "Kommune(n)", max_length=200, blank=True, help_text="Mehrere Orte mit Komma trennen, z. B. „Gotha, Nordhausen“."
    )
    start_date = models.DateField("Beginn", null=True, blank=True)
    end_date = models.DateField("Ende", null=True, blank=True)
    teaser = models.TextField(
        "Kurzbeschreibung", blank=True, max_length=400, help_text="Für Listen, höchstens 400 Zeichen."
    )
    outcome = RichTextField("Ergebnis", blank=True, features=LIST_FEATURES)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Inhalt")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("working_group"),
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="Eckdaten",
        ),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("outcome"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("municipality"),
        index.SearchField("body"),
        index.SearchField("outcome"),
        index.FilterField("status"),
        index.FilterField("working_group"),
    ]
    parent_page_types = ["alliance.PilotProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Pilotprojekt"
        verbose_name_plural = "Pilotprojekte"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Das Ende darf nicht vor dem Beginn liegen."})

    @property
    def municipalities(self):
        return [part.strip() for part in self.municipality.split(",") if part.strip()]


# --- Meetings (Bündnistreffen) ------------------------------------------------------------------


class MeetingIndexPage(IndexPage):
    subpage_types = ["alliance.MeetingPage"]
    max_count = 1

    class Meta:
        verbose_name = "Übersicht Bündnistreffen"
        verbose_name_plural = "Übersichten Bündnistreffen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meetings"] = selectors.meetings(parent=self)
        return context


class MeetingPage(Page):
    date = models.DateField("Datum")
    venue = models.CharField("Ort", max_length=200, help_text="z. B. „VTW, Erfurt“")
    intro = RichTextField("Einleitung", blank=True, features=INTRO_FEATURES)
    minutes = RichTextField(
        "Protokoll", blank=True, features=TEXT_FEATURES, help_text="Zusammenfassung der Ergebnisse und der Diskussion."
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("venue")], heading="Termin"),
        FieldPanel("intro"),
        InlinePanel("agenda_items", label="Tagesordnungspunkt", heading="Tagesordnung"),
        FieldPanel("minutes"),
        InlinePanel("documents", label="Dokument", heading="Dokumente zum Herunterladen"),
        InlinePanel("photos", label="Foto", heading="Fotogalerie"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("venue"),
        index.SearchField("intro"),
        index.SearchField("minutes"),
        index.RelatedFields("agenda_items", [index.SearchField("title"), index.SearchField("speakers")]),
        index.FilterField("date"),
    ]
    parent_page_types = ["alliance.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Bündnistreffen"
        verbose_name_plural = "Bündnistreffen"


class MeetingAgendaItem(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField("Titel", max_length=255)
    speakers = models.CharField(
        "Vortragende", max_length=255, blank=True, help_text="Namen mit Organisation, z. B. „Frank Emrich, VTW“"
    )
    description = models.TextField("Beschreibung", blank=True)

    panels = [FieldPanel("title"), FieldPanel("speakers"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "Tagesordnungspunkt"
        verbose_name_plural = "Tagesordnung"

    def __str__(self):
        return self.title


class MeetingDocument(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name="Dokument"
    )
    title = models.CharField("Linktext", max_length=255, blank=True, help_text="Leer lassen für den Dokumenttitel.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"

    @property
    def label(self):
        return self.title or self.document.title


class MeetingPhoto(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name="Bild")
    alt_text = models.CharField(
        "Alternativtext", max_length=250, help_text="Pflicht: beschreibt das Bild für Menschen, die es nicht sehen."
    )
    caption = models.CharField("Bildunterschrift", max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "Foto"
        verbose_name_plural = "Fotos"


# --- News ---------------------------------------------------------------------------------------


class NewsIndexPage(IndexPage):
    subpage_types = ["alliance.NewsPage"]
    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = "Übersicht Aktuelles"
        verbose_name_plural = "Übersichten Aktuelles"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = selectors.paginate(
            selectors.news(parent=self), request.GET.get("seite"), per_page=self.per_page
        )
        return context


class NewsPage(Page):
    date = models.DateField("Datum", default=timezone.localdate)
    teaser = models.TextField("Anreißer", max_length=400, blank=True, help_text="Für Listen, höchstens 400 Zeichen.")
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Bild"
    )
    image_alt = models.CharField(
        "Alternativtext", max_length=250, blank=True, help_text="Pflicht, wenn ein Bild gewählt ist."
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Inhalt")

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Bild"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["alliance.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"

    def clean(self):
        super().clean()
        require_alt(self)


# --- Events -------------------------------------------------------------------------------------


class EventIndexPage(IndexPage):
    subpage_types = ["alliance.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "Übersicht Termine"
        verbose_name_plural = "Übersichten Termine"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = selectors.upcoming_events(parent=self)
        context["past_events"] = selectors.past_events(parent=self)
        return context


class EventPage(Page):
    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende", null=True, blank=True)
    place = models.CharField("Ort", max_length=255, blank=True)
    registration_url = models.URLField("Link zur Anmeldung", blank=True)
    teaser = models.TextField("Anreißer", max_length=400, blank=True, help_text="Für Listen, höchstens 400 Zeichen.")
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Inhalt")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("registration_url"),
            ],
            heading="Termin",
        ),
        FieldPanel("teaser"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("place"),
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["alliance.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Termin"
        verbose_name_plural = "Termine"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Das Ende darf nicht vor dem Beginn liegen."})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()
