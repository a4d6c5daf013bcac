"""Uploads are checked by their content, not their name (issue 21.24): a renamed program is no PDF."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode."
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize("name, content, accepted", [
    ("protokoll.pdf", PDF, True),
    ("protokoll.docx", docx(), True),
    ("teilnehmende.csv", "Name;Kommune\nErika;Jena\n".encode("cp1252"), True),
    ("protokoll.pdf", PROGRAM, False),
    ("protokoll.docx", PROGRAM, False),
    ("protokoll.xlsx", docx(), False),  # a Word file named as a spreadsheet
    ("liste.csv", PROGRAM, False),
])
def test_members_document_upload_checks_the_content(client_for, member, ag_klima, name, content, accepted):
    response = client_for(member).post(
        reverse("members:document_upload", args=[ag_klima.slug]),
        {"title": "Protokoll AG Klima", "file": SimpleUploadedFile(name, content)},
    )
    stored = get_document_model().objects.filter(title="Protokoll AG Klima").exists()
    assert stored is accepted
    if not accepted:
        assert response.status_code == 200
        assert "Der Inhalt der Datei ist keine" in response.content.decode()


@pytest.mark.django_db
def test_the_admins_document_upload_checks_the_content_too(client):
    client.force_login(get_user_model().objects.create_superuser("doku", "doku@example.org", "pw"))
    response = client.post("/admin/documents/add/", {
        "title": "Getarntes Programm", "collection": 1, "file": SimpleUploadedFile("bericht.pdf", PROGRAM),
    })
    assert response.status_code == 200
    assert "Der Inhalt der Datei ist keine PDF-Datei" in response.content.decode()
    assert not get_document_model().objects.filter(title="Getarntes Programm").exists()
    response = client.post("/admin/documents/add/", {
        "title": "Bericht", "collection": 1, "file": SimpleUploadedFile("bericht.pdf", PDF),
    })
    assert response.status_code == 302
