"""factory_boy factories for the site frame's pages (home page from the `home_page` fixture)."""

import factory
from django.utils.text import slugify

from core.models import ContactFormField, ContactPage, StandardPage
from tests.alliance.factories import PageFactory


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Über uns {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = "<p>Wer wir sind und was wir wollen.</p>"
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Unsere Ziele", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Lebendige Innenstädte in ganz Thüringen.</p>"},
            {"type": "quote", "value": {"text": "Innenstädte sind mehr als Einkaufsorte.", "attribution": "Bündnis"}},
        ]
    )


class ContactPageFactory(PageFactory):
    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    title = "Kontakt"
    slug = "kontakt"
    intro = "<p>Schreiben Sie uns.</p>"
    thank_you_text = "<p>Danke, wir melden uns bald.</p>"
    to_address = "geschaeftsstelle@example.org"
    subject = "Neue Nachricht"

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        specs = extracted or [
            ("Name", "singleline", True),
            ("E-Mail-Adresse", "email", True),
            ("Nachricht", "multiline", True),
        ]
        for index, (label, kind, required) in enumerate(specs):
            ContactFormField.objects.create(page=page, label=label, field_type=kind, required=required, sort_order=index)
