"""Images: a text alternative on every page type with an image field, and no metadata in uploads."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.utils.file import hash_filelike


def require_alt(page, image_field="image", alt_field="image_alt"):
    """Refuse an image without alt text with a German message on the alt field."""
    if getattr(page, f"{image_field}_id") and not (getattr(page, alt_field) or "").strip():
        raise ValidationError({alt_field: "Bitte einen Alternativtext für das Bild angeben."})


# Formats rewritten without their metadata; GIFs carry no EXIF (and may be animated).
STRIPPED_FORMATS = {"JPEG", "PNG", "WEBP"}


def _without_metadata(picture):
    """The picture's pixels (turned upright by its EXIF orientation) in a new image with no info
    at all: EXIF, GPS, XMP, comments; only the colour profile is kept."""
    upright = ImageOps.exif_transpose(picture)
    clean = PILImage.frombytes(upright.mode, upright.size, upright.tobytes())
    if upright.mode == "P" and upright.getpalette():
        clean.putpalette(upright.getpalette())
        if "transparency" in upright.info:
            clean.info["transparency"] = upright.info["transparency"]
    return clean


def strip_metadata(sender, instance=None, raw=False, **kwargs):
    """An uploaded image is stored without EXIF, XMP or GPS data (a phone photo tells where it was
    taken); renditions are made from this file, so they carry none either. Runs on every new file,
    whichever form, import or seeder brought it (pre_save of the image model)."""
    field_file = getattr(instance, "file", None)
    if raw or not field_file or getattr(field_file, "_committed", True):
        return
    field_file.open()
    field_file.seek(0)
    try:
        with PILImage.open(field_file) as picture:
            if picture.format not in STRIPPED_FORMATS:
                return
            image_format, icc = picture.format, picture.info.get("icc_profile")
            clean = _without_metadata(picture)
    except (OSError, ValueError, PILImage.DecompressionBombError):
        field_file.seek(0)
        return  # not an image Pillow can read: Wagtail's own validation refuses it
    out = io.BytesIO()
    options = {"icc_profile": icc} if icc else {}
    if image_format == "JPEG":
        options["quality"] = 92
    clean.save(out, format=image_format, **options)
    data = out.getvalue()
    instance.file = ContentFile(data, name=field_file.name.rsplit("/", 1)[-1])
    instance.width, instance.height = clean.size
    instance.file_size = len(data)
    instance.file_hash = hash_filelike(io.BytesIO(data))
