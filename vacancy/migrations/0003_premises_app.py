"""The premises register is its own app now: the foreign keys point at premises.Premises (same table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('premises', '0001_initial'),
        ('vacancy', '0002_unit_external_id_per_town'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='unit',
                    name='premises',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='vacancy_unit', to='premises.premises', verbose_name='Angebot in der Flächenbörse'),
                ),
                migrations.AlterField(
                    model_name='contactlogentry',
                    name='premises',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='vacancy_contacts', to='premises.premises', verbose_name='Fläche'),
                ),
            ],
        ),
    ]
