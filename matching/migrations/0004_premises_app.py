"""The premises register moved to the premises app (same tables): matching keeps the seekers, and
a seeker's alert log points at premises.Premises."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('matching', '0003_seekerprofile_seekeralert'),
        ('premises', '0001_initial'),
        ('vacancy', '0003_premises_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='seekeralert',
                    name='premises',
                    field=models.ManyToManyField(blank=True, related_name='+', to='premises.premises'),
                ),
                migrations.DeleteModel(name='PremisesInquiry'),
                migrations.DeleteModel(name='PremisesImage'),
                migrations.DeleteModel(name='Premises'),
            ],
        ),
    ]
