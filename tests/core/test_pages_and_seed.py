"""Home and standard pages render their real content; seed_demo builds the site frame once."""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from core.models import ContactPage, SiteSettings, StandardPage
from tests.alliance import factories as alliance_factories
from tests.core import factories

pytestmark = pytest.mark.django_db


def test_home_page_shows_intro_groups_events_news_and_platform_links(client, home_page):
    home_page.intro = "<p>Gemeinsam für lebendige Innenstädte.</p>"
    home_page.save_revision().publish()
    group = alliance_factories.WorkingGroupPageFactory(title="AG Leerstandsbewältigung")
    event = alliance_factories.EventPageFactory(title="5. Bündnistreffen")
    news = alliance_factories.NewsPageFactory(title="Das Bündnis wächst")

    html = client.get("/").content.decode()
    assert "Gemeinsam für lebendige Innenstädte." in html
    assert f'href="{group.url}"' in html and "AG Leerstandsbewältigung" in html
    assert f'href="{event.url}"' in html and "5. Bündnistreffen" in html
    assert f'href="{news.url}"' in html and "Das Bündnis wächst" in html
    assert 'href="/flaechen/"' in html
    assert "Kommende Termine" in html and "Aktuelles" in html


def test_standard_page_renders_body_blocks_and_image_with_alt_and_srcset(client, home_page):
    image = alliance_factories.ImageFactory(title="Marktplatz")
    page = factories.StandardPageFactory(title="Über das Bündnis", image=image, image_alt="Der Marktplatz von Gotha")
    html = client.get(page.url).content.decode()
    assert "<h1>Über das Bündnis</h1>" in html
    assert "<h2>Unsere Ziele</h2>" in html and "Lebendige Innenstädte in ganz Thüringen." in html
    assert "Innenstädte sind mehr als Einkaufsorte." in html
    img = re.search(r'<figure class="page-image">\s*(<img[^>]+>)', html).group(1)
    assert 'alt="Der Marktplatz von Gotha"' in img and "srcset=" in img and "width-800" in img


def test_image_block_requires_alt_text_and_renders_it(client, home_page):
    from wagtail.blocks import StructBlockValidationError

    from core.blocks import ImageBlock

    image = alliance_factories.ImageFactory()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": "", "attribution": ""}))
    page = factories.StandardPageFactory(
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Bäume in Kübeln", "caption": "Wanderbaumallee"}}]
    )
    html = client.get(page.url).content.decode()
    assert re.search(r'<img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" alt="Bäume in Kübeln"', html)


def test_standard_page_with_image_but_without_alt_is_refused(home_page):
    from django.core.exceptions import ValidationError

    page = StandardPage(title="Ohne Alt", slug="ohne-alt", image=alliance_factories.ImageFactory())
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Alternativtext" in str(error.value)


def counts():
    models = [m for app in ("core", "alliance", "toolbox") for m in apps.get_app_config(app).get_models()]
    result = {model.__name__: model.objects.count() for model in models}
    result.update(pages=Page.objects.count(), menu=Page.objects.in_menu().count())
    return result


def test_seed_demo_builds_the_site_frame_once(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("seed_demo", force=True, stdout=open("/dev/null", "w"))
    assert counts() == first
    assert first["ContactPage"] == 1 and first["ContactFormField"] == 5
    assert first["StandardPage"] >= 3 and first["SiteSettings"] == 1

    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for title in ("Über das Bündnis", "Arbeitsgruppen", "Pilotprojekte", "Bündnistreffen", "Aktuelles", "Termine", "Kontakt"):
        assert title in nav, title
    footer = html.split("<footer", 1)[1]
    assert "Impressum" in footer and "Datenschutz" in footer and SiteSettings.load().contact_email in footer

    contact = ContactPage.objects.get()
    response = client.post(
        contact.url,
        {
            "name": "Erika Muster",
            "e_mail_adresse": "erika@example.org",
            "nachricht": "Hallo",
            "ich_bin_einverstanden_dass_meine_angaben_zur_beantwortung_gespeichert_werden": "on",
        },
    )
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1


@pytest.mark.django_db
def test_seeding_again_keeps_what_editors_changed_and_deleted():
    # bin/run seeds on every start: a restart must not revert the editors' work
    from io import StringIO

    from partners.models import SupportOffer

    call_command("seed_demo", stdout=StringIO())
    about = StandardPage.objects.live().first()
    about.title = "Von der Redaktion umbenannt"
    about.save_revision().publish()
    kept, deleted = SupportOffer.objects.order_by("pk")[:2]
    kept.title = "Beratung, von der Redaktion überarbeitet"
    kept.save()
    deleted_title = deleted.title
    deleted.delete()

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "nichts geändert" in out.getvalue() and "seed_demo --force" in out.getvalue()
    assert StandardPage.objects.get(pk=about.pk).title == "Von der Redaktion umbenannt"
    assert SupportOffer.objects.get(pk=kept.pk).title == "Beratung, von der Redaktion überarbeitet"
    assert not SupportOffer.objects.filter(title=deleted_title).exists()


def test_every_seeded_page_opens_in_the_admin_editor(client):
    """Issue 21.11: the seeded Impressum could not be edited (500). Every page seed_demo creates
    opens in the editor."""
    from io import StringIO

    from django.contrib.auth import get_user_model

    call_command("seed_demo", stdout=StringIO())
    client.force_login(get_user_model().objects.create_superuser("chefredaktion", "cr@example.org", "pw"))
    failures = []
    for page in Page.objects.filter(depth__gt=1).specific():
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        if response.status_code != 200:
            failures.append(f"{page.title}: edit {response.status_code}")
    assert not failures, failures
    imprint = StandardPage.objects.get(slug="impressum")
    edit = client.get(f"/admin/pages/{imprint.pk}/edit/")
    assert edit.status_code == 200 and 'value="Impressum"' in edit.content.decode()
