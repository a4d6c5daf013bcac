from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(blank=True, verbose_name="Einleitung")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    max_count = 1

    class Meta:
        verbose_name = "Startseite"
