"""Uploaded images keep no EXIF or GPS data, in the original or any rendition (issue 21.23)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(orientation=6) -> bytes:
    """A 40×20 JPEG as phones write it: camera model, GPS position and a rotation flag."""
    picture = PILImage.new("RGB", (40, 20), "#0b6e4f")
    exif = PILImage.Exif()
    exif[0x0110] = "Telefon X"  # camera model
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 58.0, 36.0), 3: "E", 4: (11.0, 1.0, 44.0)})
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_an_uploaded_photo_is_stored_without_exif_and_gps_and_upright(client):
    raw = phone_photo()
    with PILImage.open(io.BytesIO(raw)) as sent:
        assert sent.getexif().get_ifd(GPS_IFD)  # the test photo does carry a position
    client.force_login(get_user_model().objects.create_superuser("bild", "bild@example.org", "pw"))
    response = client.post("/admin/images/add/", {
        "title": "Schaufenster Anger", "collection": 1,
        "file": SimpleUploadedFile("anger.jpg", raw, content_type="image/jpeg"),
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Schaufenster Anger")
    with image.open_file() as stored, PILImage.open(stored) as picture:
        assert not picture.getexif() and "exif" not in picture.info
        assert picture.size == (20, 40)  # turned as the phone meant it
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == image.file.size
    rendition = image.get_rendition("fill-10x10")
    with rendition.file.open() as stored, PILImage.open(stored) as picture:
        assert not picture.getexif()


def test_a_file_that_is_no_image_is_refused_in_german(client):
    client.force_login(get_user_model().objects.create_superuser("bild", "bild@example.org", "pw"))
    response = client.post("/admin/images/add/", {
        "title": "Kein Bild", "collection": 1,
        "file": SimpleUploadedFile("kein-bild.jpg", b"MZ\x90\x00 kein Bild", content_type="image/jpeg"),
    })
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Kein Bild").exists()
