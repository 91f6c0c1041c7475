"""The feed's search index and keyset-pagination index.

Full-text search depends on the database (see `content/search.py`): an FTS5 table with triggers on
SQLite, a pg_trgm GIN index on PostgreSQL. Both are created here with plain SQL chosen by vendor;
`ContentConfig.ready` re-checks them after every migrate.
"""

from django.db import migrations, models


def forwards(apps, schema_editor):
    from haidang.content import search

    search.install(schema_editor.connection)


def backwards(apps, schema_editor):
    from haidang.content import search

    search.uninstall(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="item",
            index=models.Index(fields=["fetched_at", "id"], name="item_fetched_id_idx"),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
