# The working-day calendar moved to the workdays app (the ground), keeping its tables: only Django's
# state changes here; workdays 0001 adopts the same tables.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('coordination', '0002_verbose_names'),
        ('workdays', '0001_initial'),
    ]

    operations = [migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
        migrations.DeleteModel(
            name='DeadlinePolicy',
        ),
        migrations.DeleteModel(
            name='ExtraDayOff',
        ),
        migrations.DeleteModel(
            name='ExtraWorkingDay',
        ),
    ])]
