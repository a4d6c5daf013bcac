"""Uploaded documents are what their names say: the content is checked, not only the extension
(a renamed program stays out of the members' area and the media library)."""

from __future__ import annotations

import zipfile

from django import forms
from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

# Office formats are ZIP packages with a known part inside.
ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml",
             "odt": "content.xml"}
TEXT_FORMATS = {"csv", "txt"}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def content_matches(upload, extension: str) -> bool:
    """Whether the file's bytes are of the kind its extension names."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    try:
        if extension == "pdf":
            return head.lstrip()[:5] == b"%PDF-"
        if extension in ZIP_PARTS:
            if not head.startswith(b"PK\x03\x04"):
                return False
            with zipfile.ZipFile(upload) as package:
                return ZIP_PARTS[extension] in package.namelist()
        if extension in TEXT_FORMATS:
            return b"\x00" not in head  # text in any encoding; programs and archives hold NUL bytes
        return False
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)


def validate_document(upload) -> None:
    """German messages for a wrong type, a disguised file and a file that is too large."""
    extension = extension_of(upload.name)
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise forms.ValidationError(f"Dieser Dateityp ist nicht erlaubt. Erlaubt: {', '.join(allowed)}.")
    if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        raise forms.ValidationError("Die Datei ist zu groß (höchstens 20 MB).")
    if not content_matches(upload, extension):
        raise forms.ValidationError(
            f"Der Inhalt der Datei ist keine {extension.upper()}-Datei. Bitte laden Sie die Datei im angegebenen "
            "Format hoch."
        )


class DocumentForm(BaseDocumentForm):
    """The Wagtail admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), content checked."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_document(upload)
        return upload
