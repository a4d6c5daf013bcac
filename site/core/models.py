"""The site's own page types (home, standard page, contact form) and its editable settings."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from common.images import require_alt
from core import contact
from core.blocks import BodyStreamBlock, SocialLinkBlock

INTRO_FEATURES = ["bold", "italic", "link", "document-link"]


class HomePage(Page):
    intro = RichTextField(blank=True, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    max_count = 1

    class Meta:
        verbose_name = "Startseite"

    def get_context(self, request, *args, **kwargs):
        from core import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections(self))
        return context


class StandardPage(Page):
    """Free-form content (about the alliance, imprint, privacy) built from the shared body blocks."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Bild"
    )
    image_alt = models.CharField(
        "Alternativtext", max_length=250, blank=True, help_text="Pflicht, wenn ein Bild gewählt ist."
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name="Inhalt")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Bild"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["core.HomePage", "core.StandardPage"]

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"

    def clean(self):
        super().clean()
        require_alt(self)


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "Formularfeld"
        verbose_name_plural = "Formularfelder"


class ContactPage(AbstractEmailForm):
    """A contact form built in the admin; submissions are stored and mailed, spam is refused."""

    intro = RichTextField(blank=True, features=INTRO_FEATURES, verbose_name="Einleitung")
    thank_you_text = RichTextField(
        blank=True, features=INTRO_FEATURES, verbose_name="Dankestext", help_text="Erscheint nach dem Absenden."
    )

    form_builder = contact.ContactFormBuilder
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Formularfeld", heading="Formularfelder"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-Mail",
            help_text="Ohne Empfänger gehen Nachrichten an die E-Mail-Adresse aus den Website-Einstellungen.",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Kontaktseite"
        verbose_name_plural = "Kontaktseiten"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            refusal = contact.refusal(request, self)
            if refusal is not None:
                context = self.get_context(request)
                context["form"] = self.get_form(request.POST, page=self, user=request.user)
                context["refusal"] = refusal.message
                return TemplateResponse(request, self.get_template(request), context, status=refusal.status)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        form.cleaned_data.pop(contact.HONEYPOT_FIELD, None)
        submission = FormMixin.process_form_submission(self, form)
        if self.recipients():
            self.send_mail(form)
        return submission

    def recipients(self):
        addresses = self.to_address or SiteSettings.load().contact_email
        return [address.strip() for address in addresses.split(",") if address.strip()]

    def send_mail(self, form):
        contact.send_submission_mail(self, form, self.recipients())


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What the footer shows: the alliance's address, general contact and social media."""

    contact_name = models.CharField(
        "Kontaktstelle", max_length=200, blank=True, help_text="z. B. „Geschäftsstelle des Aktionsbündnisses“"
    )
    address = models.TextField("Anschrift", blank=True)
    contact_email = models.EmailField(
        "E-Mail (allgemein)",
        blank=True,
        help_text="Funktionsadresse, keine persönliche Adresse; erhält Nachrichten aus dem Kontaktformular.",
    )
    contact_phone = models.CharField("Telefon (allgemein)", max_length=50, blank=True)
    footer_text = RichTextField("Text in der Fußzeile", blank=True, features=INTRO_FEATURES)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name="Soziale Medien"
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Impressum"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Datenschutz"
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Vorschaubild zum Teilen",
        help_text="Für Seiten ohne eigenes Bild (Open Graph, z. B. beim Teilen in sozialen Medien).",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("address"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Kontakt",
        ),
        FieldPanel("footer_text"),
        FieldPanel("social_links"),
        FieldRowPanel([FieldPanel("imprint_page"), FieldPanel("privacy_page")], heading="Rechtliches"),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = "Website-Einstellungen"


class DemoSeeding(models.Model):
    """The demo content was laid down in this database: ``seed_demo`` runs once, never over what
    editors changed or deleted since (``--force`` seeds again)."""

    seeded_at = models.DateTimeField("angelegt am", auto_now_add=True)

    class Meta:
        verbose_name = "Anlage der Demo-Inhalte"
        verbose_name_plural = "Anlagen der Demo-Inhalte"

    def __str__(self):
        return f"Demo-Inhalte angelegt am {self.seeded_at:%d.%m.%Y}"


class PendingImport(models.Model):
    """An uploaded import file between its preview and the confirmation: in the database (every web
    host sees it, never under the public media path), claimed once by the confirmation and
    deleted; what nobody confirms is deleted after a day (core.pending_imports)."""

    token = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    name = models.CharField("Dateiname", max_length=255, blank=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "Import in Vorschau"
        verbose_name_plural = "Importe in Vorschau"

    def __str__(self):
        return f"{self.name or self.kind} ({self.created_at:%d.%m.%Y %H:%M})"
