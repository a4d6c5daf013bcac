"""Helpers for idempotent demo content: pages looked up by slug, images and PDFs by title.

Every seeder finds what an earlier run created and updates it in place, so running the seed
twice gives the same pages, images and documents once.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def upsert_page(parent, model, *, slug, children=None, **fields):
    """The `model` child of `parent` with `slug`, created or updated with `fields`, then published.

    `children` maps a child relation name (an InlinePanel's related_name) to a list of unsaved
    orderable instances; they replace what the page had.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = model(slug=slug, **fields)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    for name, items in (children or {}).items():
        setattr(page, name, items)
    if created:
        parent.add_child(instance=page)
    else:
        page.save()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# A font with German letters (ä, ß, ²) where the system has one (Debian: fonts-dejavu-core);
# Pillow's built-in default font lacks them.
FONT_FILES = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def demo_font(size):
    """The font of generated demo pictures."""
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size=size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without scalable default font
        return ImageFont.load_default()


def demo_image(title, *, lines=None, color="#0b6e4f", size=(1200, 675)):
    """A Wagtail image with this title: a coloured tile with text, generated once."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    tile = PILImage.new("RGB", size, color)
    draw = ImageDraw.Draw(tile)
    y = size[1] // 3
    for index, line in enumerate(lines or [title]):
        font = demo_font(64 if index == 0 else 36)
        draw.text((60, y), line, fill="white", font=font)
        y += 90 if index == 0 else 54
    draw.text((60, size[1] - 80), "Demo-Bild · Innenstädte mit Zukunft", fill="white", font=demo_font(28))
    buffer = io.BytesIO()
    tile.save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"demo-{slugify(title)[:60]}.png"))
    image.save()
    return image


def _pdf_text(text):
    """A PDF string literal in WinAnsi encoding (German umlauts included)."""
    raw = text.encode("cp1252", errors="replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def tiny_pdf(title, lines):
    """A one-page PDF with a title and lines of text, written by hand so seeding needs no renderer."""
    content = [b"BT /F1 18 Tf 56 780 Td " + _pdf_text(title) + b" Tj ET"]
    y = 740
    for line in lines:
        content.append(b"BT /F1 11 Tf 56 %d Td " % y + _pdf_text(line) + b" Tj ET")
        y -= 18
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_text(title) + b" /Producer (Innenstaedte mit Zukunft Demo) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def demo_document(title, *, lines):
    """A Wagtail document with this title: a small PDF, generated once."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    document = Document(title=title, file=ContentFile(tiny_pdf(title, lines), name=f"demo-{slugify(title)[:60]}.pdf"))
    document.save()
    return document


def page_link(page, text):
    """A rich-text internal link that survives slug changes."""
    return f'<a linktype="page" id="{page.pk}">{text}</a>'
