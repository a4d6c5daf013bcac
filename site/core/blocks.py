"""StreamField blocks shared by every page type."""

from urllib.parse import urlsplit

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext", max_length=250, help_text="Pflicht: beschreibt das Bild für Menschen, die es nicht sehen."
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False)
    attribution = blocks.CharBlock(label="Quelle / Foto", required=False)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image_block.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Überschrift")
    size = blocks.ChoiceBlock(choices=[("h2", "Ebene 2"), ("h3", "Ebene 3"), ("h4", "Ebene 4")], default="h2", label="Ebene")

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(label="Person", required=False)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(label="Linktext", required=False)

    class Meta:
        icon = "doc-full"
        label = "Dokument zum Herunterladen"
        template = "blocks/document_block.html"


class ConsentEmbedBlock(EmbedBlock):
    """A video or other embed behind a button (two clicks): the provider's player is in a
    <template> until the visitor loads it (static/js/site.js)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["host"] = urlsplit(getattr(value, "url", "") or "").hostname or "einem anderen Anbieter"
        return context

    class Meta:
        template = "core/blocks/embed.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Text", features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = ConsentEmbedBlock(label="Eingebettetes Medium", help_text="z. B. ein Video-Link", required=False)


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label="Plattform",
        choices=[
            ("mastodon", "Mastodon"),
            ("instagram", "Instagram"),
            ("linkedin", "LinkedIn"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("other", "Andere"),
        ],
    )
    url = blocks.URLBlock(label="Adresse (URL)")
    label = blocks.CharBlock(label="Linktext", required=False, help_text="Leer lassen für den Namen der Plattform.")

    class Meta:
        icon = "link"
        label = "Profil"
