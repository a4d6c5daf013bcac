"""Images need a text alternative: one rule for every page type with an image field."""

from django.core.exceptions import ValidationError


def require_alt(page, image_field="image", alt_field="image_alt"):
    """Refuse an image without alt text with a German message on the alt field."""
    if getattr(page, f"{image_field}_id") and not (getattr(page, alt_field) or "").strip():
        raise ValidationError({alt_field: "Bitte einen Alternativtext für das Bild angeben."})
