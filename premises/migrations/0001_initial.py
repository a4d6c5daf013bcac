"""The premises register moves out of matching into its own app: the same tables (state only), and
the content types renamed in place so permissions, log entries and group rights keep pointing at them."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

MODELS = ["premises", "premisesimage", "premisesinquiry"]


def rename_content_types(apps, schema_editor, old="matching", new="premises"):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model__in=MODELS).update(app_label=new)


def restore_content_types(apps, schema_editor):
    rename_content_types(apps, schema_editor, old="premises", new="matching")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('matching', '0003_seekerprofile_seekeralert'),
        ('partners', '0001_initial'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Premises',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('external_id', models.CharField(max_length=100, unique=True, verbose_name='Externe ID')),
                        ('title', models.CharField(max_length=255, verbose_name='Titel')),
                        ('description', models.TextField(blank=True, verbose_name='Beschreibung')),
                        ('street', models.CharField(blank=True, max_length=255, verbose_name='Straße und Hausnummer')),
                        ('postal_code', models.CharField(blank=True, max_length=10, verbose_name='PLZ')),
                        ('city', models.CharField(db_index=True, max_length=120, verbose_name='Kommune')),
                        ('latitude', models.FloatField(verbose_name='Breitengrad')),
                        ('longitude', models.FloatField(verbose_name='Längengrad')),
                        ('location_from_gazetteer', models.BooleanField(default=False, help_text='ohne genaue Koordinaten: Ortsmitte der Kommune', verbose_name='Lage aus Ortsverzeichnis')),
                        ('use_types', models.JSONField(default=list, verbose_name='Nutzungsarten')),
                        ('area_sqm', models.DecimalField(decimal_places=2, max_digits=9, verbose_name='Fläche (m²)')),
                        ('rent_month_eur', models.DecimalField(blank=True, decimal_places=2, help_text='leer = auf Anfrage', max_digits=10, null=True, verbose_name='Kaltmiete pro Monat (€)')),
                        ('available_from', models.DateField(blank=True, help_text='leer = sofort', null=True, verbose_name='verfügbar ab')),
                        ('features', models.JSONField(blank=True, default=list, verbose_name='Ausstattung')),
                        ('interim_use', models.BooleanField(default=False, verbose_name='Zwischennutzung möglich')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='Kontakt-E-Mail (nicht öffentlich)')),
                        ('status', models.CharField(choices=[('draft', 'Entwurf'), ('published', 'veröffentlicht'), ('reserved', 'reserviert'), ('let', 'vermietet'), ('expired', 'abgelaufen')], db_index=True, default='published', max_length=20, verbose_name='Status')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='zuletzt bestätigt')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('floor_plan', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document', verbose_name='Grundriss')),
                        ('lister', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='premises', to='partners.partner', verbose_name='Anbieter (Partner)')),
                    ],
                    options={
                        'db_table': 'matching_premises',
                        'indexes': [models.Index(fields=['latitude', 'longitude'], name='premises_location_idx')],
                        'verbose_name': 'Fläche',
                        'verbose_name_plural': 'Flächen',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='PremisesImage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('caption', models.CharField(blank=True, max_length=255, verbose_name='Bildunterschrift')),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
                        ('premises', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='gallery_images', to='premises.premises')),
                    ],
                    options={
                        'db_table': 'matching_premisesimage',
                        'verbose_name': 'Bild',
                        'verbose_name_plural': 'Bilder',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='PremisesInquiry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='Name')),
                        ('email', models.EmailField(max_length=254, verbose_name='E-Mail')),
                        ('phone', models.CharField(blank=True, max_length=50, verbose_name='Telefon')),
                        ('message', models.TextField(max_length=5000, verbose_name='Nachricht')),
                        ('mailed_to_contact', models.BooleanField(default=False, verbose_name='per E-Mail weitergeleitet')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='eingegangen am')),
                        ('premises', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inquiries', to='premises.premises', verbose_name='Fläche')),
                    ],
                    options={
                        'db_table': 'matching_premisesinquiry',
                        'verbose_name': 'Anfrage zu einer Fläche',
                        'verbose_name_plural': 'Anfragen zu Flächen',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
    ]
