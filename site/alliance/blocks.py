"""StreamField blocks of the alliance pages."""

from wagtail import blocks

from core.blocks import DocumentBlock, HeadingBlock, ImageBlock


class ReportBlock(blocks.StructBlock):
    """A working group's report at a meeting: balance, reflection or outlook."""

    kind = blocks.ChoiceBlock(
        label="Art",
        choices=[("balance", "Bilanz / Ergebnisse"), ("reflection", "Reflexion"), ("outlook", "Ausblick")],
        default="balance",
    )
    title = blocks.CharBlock(label="Überschrift")
    date = blocks.DateBlock(label="Datum", required=False)
    reported_by = blocks.CharBlock(label="Bericht von", required=False, help_text="z. B. „Lisa Reinhold, TMIL“")
    text = blocks.RichTextBlock(label="Text", features=["bold", "italic", "ol", "ul", "link", "document-link"])

    class Meta:
        icon = "doc-full-inverse"
        label = "Bericht"
        template = "alliance/blocks/report_block.html"


class ReportStreamBlock(blocks.StreamBlock):
    report = ReportBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    document = DocumentBlock()
