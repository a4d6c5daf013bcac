"""The seeded Impressum held ``<br>``, which Wagtail's rich-text editor cannot open (it expects
``<br/>``): the page's editor answered 500. Repairs pages and their revisions seeded before."""

import json

from django.db import migrations
from django.db.models import TextField
from django.db.models.functions import Cast

BROKEN, FIXED = "<br>", "<br/>"


def repair(apps, schema_editor):
    StandardPage = apps.get_model("core", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for pk, raw in StandardPage.objects.annotate(raw=Cast("body", TextField())).values_list("pk", "raw"):
        if raw and BROKEN in raw:
            page = StandardPage.objects.get(pk=pk)
            page.body = json.loads(raw.replace(BROKEN, FIXED))
            page.save(update_fields=["body"])
    content_type = ContentType.objects.filter(app_label="core", model="standardpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        text = json.dumps(revision.content)
        if BROKEN in text:
            revision.content = json.loads(text.replace(BROKEN, FIXED))
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_demo_seeding"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
