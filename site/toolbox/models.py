"""Page types of the toolbox: heat-toolbox measures and good-practice examples (Fallbeispiele).

A measure carries the catalogue part of the heat toolbox (description, levels, funding, the
guidance for each worksheet section); the municipal worksheet itself comes with issue 11.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.vocabularies import Level3, MeasureLevel, MeasureStrategy
from toolbox import selectors

INTRO_FEATURES = ["bold", "italic", "link", "document-link"]
LIST_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class MeasureIndexPage(Page):
    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["toolbox.MeasurePage"]
    max_count = 1

    class Meta:
        verbose_name = "Maßnahmenkatalog"
        verbose_name_plural = "Maßnahmenkataloge"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        measure_filter = selectors.MeasureFilter.from_querydict(request.GET)
        context["filter"] = measure_filter
        context["filter_groups"] = measure_filter.groups()
        context["measures"] = selectors.measures(parent=self, measure_filter=measure_filter)
        return context


class MeasurePage(Page):
    code = models.CharField(
        "Kürzel", max_length=10, unique=True, help_text="Eindeutig, wie in der Hitze-Toolbox, z. B. „B4“."
    )
    level = models.CharField("Stufe", max_length=20, choices=MeasureLevel.choices, default=MeasureLevel.BASIC)
    strategy = models.CharField("Strategie", max_length=30, choices=MeasureStrategy.choices)
    effort = models.CharField("Aufwand", max_length=10, choices=Level3.choices, default=Level3.MEDIUM)
    cost = models.CharField("Kosten", max_length=10, choices=Level3.choices, default=Level3.MEDIUM)
    description = RichTextField("Beschreibung der Maßnahme", features=LIST_FEATURES)
    climate_note = models.TextField(
        "Klimafreundlichkeit der Maßnahme", blank=True, help_text="Wie die Maßnahme auch dem Klimaschutz dient."
    )
    synergies = RichTextField("Synergien", blank=True, features=LIST_FEATURES, help_text="Am besten als Aufzählung.")
    example_title = models.CharField("Titel", max_length=255, blank=True)
    example_text = models.TextField("Text", blank=True)
    example_url = models.URLField("Link", blank=True)
    low_threshold_options = RichTextField(
        "Niedrigschwellige Umsetzungsmöglichkeiten", blank=True, features=LIST_FEATURES
    )
    complex_options = RichTextField("Komplexe Umsetzungsmöglichkeiten", blank=True, features=LIST_FEATURES)
    funding_status = models.CharField(
        "Stand der Förderprogramme", max_length=40, blank=True, help_text="z. B. „Stand 2023“"
    )
    sketch_note = models.TextField(
        "Projektskizze zur Umsetzung",
        blank=True,
        help_text="Hinweis, was die Kommune in ihrer Projektskizze erläutert.",
    )
    effort_note = models.TextField("Erläuterung zum Aufwand", blank=True)
    cost_note = models.TextField("Erläuterung zu den Kosten", blank=True)
    responsibilities = models.TextField(
        "Verantwortlichkeiten", blank=True, help_text="Wer in der Kommune verantwortlich sein kann."
    )
    participating_actors = models.TextField("Mitwirkende Akteure", blank=True)
    groundwork_note = models.TextField("Bestehende Vorarbeiten", blank=True, help_text="Hinweis für die Kommune.")
    location_note = models.TextField("Verortung in der Kommune", blank=True, help_text="Hinweis für die Kommune.")
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Weitere Inhalte")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("strategy")]),
                FieldRowPanel([FieldPanel("effort"), FieldPanel("cost")]),
            ],
            heading="Einordnung",
        ),
        FieldPanel("description"),
        FieldPanel("climate_note"),
        FieldPanel("synergies"),
        MultiFieldPanel(
            [FieldPanel("example_title"), FieldPanel("example_text"), FieldPanel("example_url")],
            heading="Gelungenes Beispiel",
        ),
        MultiFieldPanel(
            [FieldPanel("low_threshold_options"), FieldPanel("complex_options")], heading="Möglichkeiten der Umsetzung"
        ),
        FieldPanel("funding_status"),
        InlinePanel("funding_programmes", label="Förderprogramm", heading="Förderprogramme"),
        MultiFieldPanel(
            [
                FieldPanel("sketch_note"),
                FieldPanel("effort_note"),
                FieldPanel("cost_note"),
                FieldPanel("responsibilities"),
                FieldPanel("participating_actors"),
                FieldPanel("groundwork_note"),
                FieldPanel("location_note"),
            ],
            heading="Hinweise für die Umsetzung in der Kommune",
        ),
        InlinePanel("steps", label="Schritt", heading="Umsetzungsplanung (Schritte in Reihenfolge)"),
        InlinePanel("links", label="Link", heading="Handreichungen und Links"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code", boost=3),
        index.AutocompleteField("code"),
        index.SearchField("description"),
        index.SearchField("climate_note"),
        index.SearchField("synergies"),
        index.SearchField("example_title"),
        index.SearchField("example_text"),
        index.SearchField("low_threshold_options"),
        index.SearchField("complex_options"),
        index.SearchField("responsibilities"),
        index.SearchField("participating_actors"),
        index.RelatedFields("funding_programmes", [index.SearchField("programme"), index.SearchField("via")]),
        index.FilterField("level"),
        index.FilterField("strategy"),
        index.FilterField("effort"),
        index.FilterField("cost"),
    ]
    parent_page_types = ["toolbox.MeasureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Maßnahme"
        verbose_name_plural = "Maßnahmen"

    def __str__(self):
        return f"{self.code} {self.title}" if self.code else self.title

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        if self.code and MeasurePage.objects.filter(code=self.code).exclude(pk=self.pk).exists():
            raise ValidationError({"code": f"Das Kürzel „{self.code}“ ist schon vergeben."})

    @property
    def has_example(self):
        return bool(self.example_title or self.example_text)


class MeasureFunding(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="funding_programmes")
    via = models.CharField("Zu beantragen über", max_length=200)
    programme = models.CharField("Förderprogramm", max_length=255)
    share = models.CharField("Förderanteil", max_length=40, blank=True, help_text="z. B. „80 %“, „50-90 %“, „variiert“")
    url = models.URLField("Link", blank=True)

    panels = [
        FieldRowPanel([FieldPanel("via"), FieldPanel("programme")]),
        FieldRowPanel([FieldPanel("share"), FieldPanel("url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Förderprogramm"
        verbose_name_plural = "Förderprogramme"

    def __str__(self):
        return self.programme


class MeasureStep(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField("Schritt", max_length=255)
    description = models.TextField("Erläuterung", blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "Umsetzungsschritt"
        verbose_name_plural = "Umsetzungsschritte"

    def __str__(self):
        return self.title


class MeasureLink(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField("Linktext", max_length=255)
    url = models.URLField("Adresse")
    source = models.CharField("Herausgeber", max_length=120, blank=True, help_text="z. B. „BZgA“")

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("url"), FieldPanel("source")])]

    class Meta(Orderable.Meta):
        verbose_name = "Link"
        verbose_name_plural = "Links"

    def __str__(self):
        return self.title


class GoodPracticeIndexPage(Page):
    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["toolbox.GoodPracticePage"]
    max_count = 1

    class Meta:
        verbose_name = "Übersicht Fallbeispiele"
        verbose_name_plural = "Übersichten Fallbeispiele"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["examples"] = selectors.good_practices(parent=self)
        return context


class GoodPracticePage(Page):
    municipality = models.CharField("Kommune", max_length=120, blank=True)
    working_group = models.ForeignKey(
        "alliance.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
        verbose_name="Arbeitsgruppe",
    )
    summary = models.TextField("Zusammenfassung", max_length=600, help_text="Für Listen, höchstens 600 Zeichen.")
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Bild"
    )
    image_alt = models.CharField(
        "Alternativtext", max_length=250, blank=True, help_text="Pflicht, wenn ein Bild gewählt ist."
    )
    link_url = models.URLField("Website des Projekts", blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Inhalt")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("working_group")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Bild"),
        FieldPanel("link_url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("municipality"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("municipality"),
    ]
    parent_page_types = ["toolbox.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Fallbeispiel"
        verbose_name_plural = "Fallbeispiele"

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": "Bitte einen Alternativtext für das Bild angeben."})
