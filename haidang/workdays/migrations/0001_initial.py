# Adopts the calendar tables the coordination app created (coordination_*): state only, no SQL.

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('coordination', '0002_verbose_names'),
    ]

    operations = [migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
        migrations.CreateModel(
            name='ExtraDayOff',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='date')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
            ],
            options={
                'verbose_name': 'extra day off',
                'verbose_name_plural': 'extra days off',
                'db_table': 'coordination_extradayoff',
                'ordering': ['date'],
            },
        ),
        migrations.CreateModel(
            name='ExtraWorkingDay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='date')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
            ],
            options={
                'verbose_name': 'extra working day',
                'verbose_name_plural': 'extra working days',
                'db_table': 'coordination_extraworkingday',
                'ordering': ['date'],
            },
        ),
        migrations.CreateModel(
            name='DeadlinePolicy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('step', models.CharField(choices=[('triage', 'triage of a report'), ('verification', 'verification'), ('consultation', 'answers to a written consultation'), ('meeting_conclusions', 'conclusions of a meeting'), ('handling', 'carrying out a handling action'), ('case', 'the whole case')], max_length=24, verbose_name='step')),
                ('priority', models.CharField(choices=[('urgent', 'urgent'), ('high', 'high'), ('medium', 'medium'), ('low', 'low')], max_length=10, verbose_name='priority')),
                ('working_days', models.PositiveSmallIntegerField(verbose_name='working days allowed')),
                ('remind_before_hours', models.PositiveSmallIntegerField(default=24, verbose_name='remind this many hours before the deadline')),
                ('escalate_after_days', models.PositiveSmallIntegerField(default=1, verbose_name='escalate to the lead agency this many working days after the deadline')),
            ],
            options={
                'verbose_name': 'deadline policy',
                'verbose_name_plural': 'deadline policies',
                'db_table': 'coordination_deadlinepolicy',
                'ordering': ['step', 'priority'],
                'constraints': [models.UniqueConstraint(fields=('step', 'priority'), name='unique_deadline_policy')],
            },
        ),
    ])]
