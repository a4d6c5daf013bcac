"""Page types of the toolbox: heat-toolbox measures and good-practice examples (Fallbeispiele).

A measure carries the catalogue part of the heat toolbox (description, levels, funding, the
guidance for each worksheet section); the municipal worksheet itself comes with issue 11.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from common.vocabularies import (
    KompassInstrument,
    KompassProblem,
    Level3,
    MeasureLevel,
    MeasureStrategy,
    SupportCategory,
    TownType,
)
from core.blocks import BodyStreamBlock
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


# --- Municipal heat-protection plan (Hitzeschutzplan) -------------------------------------------


class HeatPlan(models.Model):
    """A municipality's heat-protection plan: the measures it picked and one worksheet per measure.

    Owned by a partner of kind "municipality"; its people reach only their own plan
    (PartnerOwnedPermissionPolicy with owner_field "municipality").
    """

    municipality = models.OneToOneField(
        "partners.Partner",
        on_delete=models.CASCADE,
        related_name="heat_plan",
        verbose_name="Kommune",
        limit_choices_to={"kind": "municipality"},
    )
    title = models.CharField("Titel", max_length=200, default="Hitzeschutzplan")
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("zuletzt geändert", auto_now=True)

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = "Hitzeschutzplan"
        verbose_name_plural = "Hitzeschutzpläne"

    def __str__(self):
        return f"{self.title} {self.municipality.name}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("toolbox:plan_detail", args=[self.pk])


class PlanDecision(models.TextChoices):
    YES = "yes", "Ja"
    NO = "no", "Nein"
    OPEN = "open", "noch offen"


class PlanMeasure(models.Model):
    """The worksheet of one measure in a municipality's plan, as on the toolbox's measure sheet."""

    plan = models.ForeignKey(HeatPlan, on_delete=models.CASCADE, related_name="worksheets", verbose_name="Plan")
    measure = models.ForeignKey(
        MeasurePage, on_delete=models.PROTECT, related_name="worksheets", verbose_name="Maßnahme"
    )
    decision = models.CharField(
        "Maßnahme planen?", max_length=10, choices=PlanDecision.choices, default=PlanDecision.OPEN
    )
    working_note = models.TextField("Bearbeitungsvermerk", blank=True, max_length=2000)
    project_sketch = models.TextField(
        "Projektskizze zur Umsetzung",
        blank=True,
        max_length=10000,
        help_text="Kurze Beschreibung und Begründung des Vorhabens, z. B. für einen Antrag bei Klima-Invest.",
    )
    effort = models.CharField("Aufwand für Ihre Kommune", max_length=10, choices=Level3.choices, blank=True)
    effort_note = models.TextField("Erläuterung zum Aufwand", blank=True, max_length=4000)
    cost = models.CharField("Kosten für Ihre Kommune", max_length=10, choices=Level3.choices, blank=True)
    cost_note = models.TextField("Erläuterung zu den Kosten", blank=True, max_length=4000)
    responsible_bodies = models.TextField("Verantwortlichkeiten in Ihrer Kommune", blank=True, max_length=4000)
    participating_actors = models.TextField("Mitwirkende Akteure", blank=True, max_length=4000)
    groundwork = models.TextField("Bestehende Vorarbeiten in Ihrer Kommune", blank=True, max_length=4000)
    locations = models.TextField("Verortung in Ihrer Kommune", blank=True, max_length=4000)
    created_at = models.DateTimeField("angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("zuletzt geändert", auto_now=True)

    class Meta:
        ordering = ["measure__code"]
        constraints = [models.UniqueConstraint(fields=["plan", "measure"], name="toolbox_unique_plan_measure")]
        verbose_name = "Arbeitsblatt"
        verbose_name_plural = "Arbeitsblätter"

    def __str__(self):
        return f"{self.measure} ({self.plan.municipality.name})"

    @property
    def status_label(self):
        """One German word for the overview: how far the worksheet is."""
        steps = list(self.steps.all())
        if self.decision == PlanDecision.NO:
            return "nicht geplant"
        if steps and all(step.status == StepStatus.DONE for step in steps):
            return "umgesetzt"
        if any(step.status != StepStatus.OPEN for step in steps):
            return "in Umsetzung"
        if self.decision == PlanDecision.YES:
            return "geplant"
        return "in Prüfung"


class StepStatus(models.TextChoices):
    OPEN = "open", "offen"
    IN_PROGRESS = "in_progress", "in Arbeit"
    DONE = "done", "erledigt"


class PlanStep(models.Model):
    """One implementation step of a worksheet, with its status and due date."""

    worksheet = models.ForeignKey(PlanMeasure, on_delete=models.CASCADE, related_name="steps", verbose_name="Arbeitsblatt")
    position = models.PositiveIntegerField("Reihenfolge", default=0)
    title = models.CharField("Schritt", max_length=255)
    status = models.CharField("Status", max_length=20, choices=StepStatus.choices, default=StepStatus.OPEN)
    due_date = models.DateField("fällig am", null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "Umsetzungsschritt"
        verbose_name_plural = "Umsetzungsschritte"

    def __str__(self):
        return self.title


class PlanChange(models.Model):
    """History of a plan: who changed what and when (kept when the worksheet is removed)."""

    plan = models.ForeignKey(HeatPlan, on_delete=models.CASCADE, related_name="changes", verbose_name="Plan")
    measure_code = models.CharField("Maßnahme", max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Person"
    )
    user_name = models.CharField("Name", max_length=200, blank=True)
    action = models.CharField("Aktion", max_length=200)
    details = models.JSONField("Änderungen", default=list, blank=True)
    created_at = models.DateTimeField("Zeitpunkt", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "Änderung"
        verbose_name_plural = "Änderungen"

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user_name}: {self.action}"


# --- Kompass Leerstandsbewältigung -----------------------------------------------------------


class KompassProblemEntry(index.Indexed, models.Model):
    """A problem situation of the Kompass, with the town types where it typically occurs."""

    problem = models.CharField("Problemlage", max_length=40, choices=KompassProblem.choices, unique=True)
    description = models.TextField("Beschreibung", blank=True, help_text="Wie die Problemlage vor Ort aussieht.")
    town_types = models.JSONField(
        "Typische Stadttypen", default=list, blank=True, help_text="Codes: village, small_town, medium_town, city"
    )
    sponsor = models.CharField("Themenpate", max_length=200, blank=True, help_text="Ansprechpartner im Bündnis")

    panels = [FieldPanel("problem"), FieldPanel("description"), FieldPanel("town_types"), FieldPanel("sponsor")]
    search_fields = [index.SearchField("description"), index.FilterField("problem")]

    class Meta:
        ordering = ["problem"]
        verbose_name = "Kompass: Problemlage"
        verbose_name_plural = "Kompass: Problemlagen"

    def __str__(self):
        return self.get_problem_display()

    def clean(self):
        super().clean()
        _check_codes(self, "town_types", TownType, "Stadttyp")


class KompassInstrumentEntry(index.Indexed, ClusterableModel):
    """An instrument of the Kompass with the approach it serves, its hurdles, experiences, the
    problem situations and town types it fits, the support categories that help, and case examples."""

    instrument = models.CharField("Instrument", max_length=40, choices=KompassInstrument.choices, unique=True)
    approach = models.CharField("Lösungsansatz", max_length=255, blank=True, help_text="z. B. „Zwischenmiete“")
    description = models.TextField("Beschreibung", blank=True)
    hurdles = models.TextField("Hürden", blank=True, help_text="Eine Hürde pro Zeile.")
    experiences = models.TextField("Erfahrungswerte", blank=True, help_text="Eine Erfahrung pro Zeile.")
    measures = models.CharField("Maßnahmen", max_length=255, blank=True, help_text="z. B. „Wohnraumsanierung / -anpassung“")
    sponsor = models.CharField("Themenpate", max_length=200, blank=True, help_text="Ansprechpartner im Bündnis")
    problems = models.JSONField("Passende Problemlagen", default=list, blank=True, help_text="Problemlagen-Codes")
    town_types = models.JSONField("Passende Stadttypen", default=list, blank=True, help_text="leer = alle Stadttypen")
    offer_categories = models.JSONField(
        "Passende Angebotskategorien", default=list, blank=True, help_text="Kategorien der Unterstützungsangebote"
    )
    examples = ParentalManyToManyField(
        "toolbox.GoodPracticePage", blank=True, related_name="kompass_instruments", verbose_name="Fallbeispiele"
    )
    sort_order = models.PositiveIntegerField("Reihenfolge bei Gleichstand", default=100)

    panels = [
        FieldRowPanel([FieldPanel("instrument"), FieldPanel("approach")]),
        FieldPanel("description"),
        FieldPanel("hurdles"),
        FieldPanel("experiences"),
        FieldPanel("measures"),
        FieldPanel("sponsor"),
        FieldPanel("problems"),
        FieldPanel("town_types"),
        FieldPanel("offer_categories"),
        FieldPanel("examples"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("approach", boost=2),
        index.SearchField("description"),
        index.SearchField("hurdles"),
        index.SearchField("experiences"),
        index.SearchField("measures"),
        index.FilterField("instrument"),
    ]

    class Meta:
        ordering = ["sort_order", "instrument"]
        verbose_name = "Kompass: Instrument"
        verbose_name_plural = "Kompass: Instrumente"

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.get_instrument_display()

    @property
    def hurdle_list(self):
        return [line.strip() for line in self.hurdles.splitlines() if line.strip()]

    @property
    def experience_list(self):
        return [line.strip() for line in self.experiences.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        _check_codes(self, "problems", KompassProblem, "Problemlage")
        _check_codes(self, "town_types", TownType, "Stadttyp")
        _check_codes(self, "offer_categories", SupportCategory, "Angebotskategorie")


class KompassRequestCount(models.Model):
    """Anonymous count of Kompass requests per problem situation and town type (no person, no IP)."""

    problem = models.CharField("Problemlage", max_length=40, choices=KompassProblem.choices)
    town_type = models.CharField("Stadttyp", max_length=20, choices=TownType.choices)
    count = models.PositiveIntegerField("Anzahl", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["problem", "town_type"], name="toolbox_unique_kompass_count")]
        verbose_name = "Kompass-Anfragen"
        verbose_name_plural = "Kompass-Anfragen"

    def __str__(self):
        return f"{self.get_problem_display()} ({self.get_town_type_display()}): {self.count}"


def _check_codes(instance, field_name, vocabulary, label):
    value = getattr(instance, field_name)
    if not isinstance(value, list):
        raise ValidationError({field_name: "Bitte eine Liste von Codes angeben, z. B. [\"small_town\"]."})
    unknown = [str(code) for code in value if code not in vocabulary.values]
    if unknown:
        known = ", ".join(vocabulary.values)
        raise ValidationError({field_name: f"Unbekannte {label}: {', '.join(unknown)}. Erlaubt: {known}."})


class KompassPage(Page):
    """The Kompass's place in the page tree: editors write its introduction; the search finds the
    Kompass by its instruments, hurdles and experiences. Visitors are taken to the guided tool."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("kompass_text")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Kompass Leerstandsbewältigung"
        verbose_name_plural = "Kompass Leerstandsbewältigung"

    def kompass_text(self):
        """Every instrument and problem situation as text, so the site search finds the Kompass."""
        parts = []
        for entry in KompassInstrumentEntry.objects.all():
            parts += [entry.title, entry.approach, entry.description, entry.hurdles, entry.experiences, entry.measures,
                      entry.sponsor]
        for problem in KompassProblemEntry.objects.all():
            parts += [str(problem), problem.description]
        return "\n".join(part for part in parts if part)

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect
        from django.urls import reverse

        query = request.GET.urlencode()
        return redirect(reverse("toolbox:kompass") + (f"?{query}" if query else ""))
