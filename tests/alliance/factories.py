"""factory_boy factories for the alliance pages; pages are added under their index page, which is
created once under the home page (the `home_page` fixture must exist)."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from alliance import models
from alliance.demo_support import tiny_pdf
from core.models import HomePage


def get_index(model, slug):
    """The one index page of this type under the home page, created when missing."""
    home = HomePage.objects.first()
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=slug.capitalize(), slug=slug)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` (default: the index of its type) and publishes it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Testseite {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        parent = parent or cls._default_parent()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save()
        return page

    @classmethod
    def _default_parent(cls):
        return HomePage.objects.first()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Testbild {n}")

    @factory.lazy_attribute
    def file(self):
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 400), "#0b6e4f").save(buffer, format="PNG")
        return ImageFile(io.BytesIO(buffer.getvalue()), name=f"{slugify(self.title)}.png")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Testdokument {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(tiny_pdf(o.title, ["Zeile"]), name=f"{slugify(o.title)}.pdf"))


class WorkingGroupIndexPageFactory(PageFactory):
    class Meta:
        model = models.WorkingGroupIndexPage

    title = "Arbeitsgruppen"
    intro = "<p>Unsere Arbeitsgruppen.</p>"


class WorkingGroupPageFactory(PageFactory):
    class Meta:
        model = models.WorkingGroupPage

    title = factory.Sequence(lambda n: f"AG Test {n}")
    short_name = factory.Sequence(lambda n: f"AG{n}")
    intro = "<p>Die AG kümmert sich um lebendige Innenstädte.</p>"
    goals = "<ul><li>Leerstand verringern</li></ul>"
    reports = factory.LazyFunction(
        lambda: [
            {
                "type": "report",
                "value": {
                    "kind": "outlook",
                    "title": "Wie geht es weiter?",
                    "date": "2023-09-07",
                    "reported_by": "Frank Emrich, VTW",
                    "text": "<ul><li>Ausschreibung bis Ende 2023</li></ul>",
                },
            }
        ]
    )

    @classmethod
    def _default_parent(cls):
        return get_index(models.WorkingGroupIndexPage, "arbeitsgruppen")


class WorkingGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.WorkingGroupMember

    page = factory.SubFactory(WorkingGroupPageFactory)
    organisation = factory.Sequence(lambda n: f"Stadt Teststadt {n}")
    role = "Mitglied"


class PilotProjectIndexPageFactory(PageFactory):
    class Meta:
        model = models.PilotProjectIndexPage

    title = "Pilotprojekte"


class PilotProjectPageFactory(PageFactory):
    class Meta:
        model = models.PilotProjectPage

    title = factory.Sequence(lambda n: f"Pilotprojekt {n}")
    status = models.PilotProjectStatus.IMPLEMENTATION
    municipality = "Gotha, Nordhausen"
    start_date = datetime.date(2023, 5, 1)
    end_date = datetime.date(2024, 6, 30)
    teaser = "Bäume wandern durch die Stadt."
    outcome = "<p>Eingeweiht in Gotha.</p>"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Mobile Bäume für kühle Straßen.</p>"}])

    @classmethod
    def _default_parent(cls):
        return get_index(models.PilotProjectIndexPage, "pilotprojekte")


class MeetingIndexPageFactory(PageFactory):
    class Meta:
        model = models.MeetingIndexPage

    title = "Bündnistreffen"


class MeetingPageFactory(PageFactory):
    class Meta:
        model = models.MeetingPage

    title = factory.Sequence(lambda n: f"{n}. Bündnistreffen")
    date = datetime.date(2023, 9, 7)
    venue = "VTW, Erfurt"
    intro = "<p>Bilanz und Ausblick.</p>"
    minutes = "<h3>Finanzierung</h3><p>Gera beginnt mit einem Verfügungsfonds.</p>"

    @classmethod
    def _default_parent(cls):
        return get_index(models.MeetingIndexPage, "buendnistreffen")


class MeetingAgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingAgendaItem

    page = factory.SubFactory(MeetingPageFactory)
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")
    speakers = "Lisa Reinhold, TMIL"
    sort_order = factory.Sequence(int)


class MeetingDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingDocument

    page = factory.SubFactory(MeetingPageFactory)
    document = factory.SubFactory(DocumentFactory)
    title = "Präsentation (PDF)"


class MeetingPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingPhoto

    page = factory.SubFactory(MeetingPageFactory)
    image = factory.SubFactory(ImageFactory)
    alt_text = "Teilnehmende im Plenum"
    caption = "Fotos: LEG"


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = models.NewsIndexPage

    title = "Aktuelles"


class NewsPageFactory(PageFactory):
    class Meta:
        model = models.NewsPage

    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = datetime.date(2023, 9, 8)
    teaser = "Eine kurze Meldung."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Der Text der Meldung.</p>"}])

    @classmethod
    def _default_parent(cls):
        return get_index(models.NewsIndexPage, "aktuelles")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = models.EventIndexPage

    title = "Termine"


class EventPageFactory(PageFactory):
    class Meta:
        model = models.EventPage

    title = factory.Sequence(lambda n: f"Termin {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=5))
    place = "Erfurt"
    registration_url = "https://example.org/anmeldung"
    teaser = "Ein Termin des Bündnisses."

    @classmethod
    def _default_parent(cls):
        return get_index(models.EventIndexPage, "termine")
