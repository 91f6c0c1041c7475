from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_search_index(using="default", **kwargs) -> None:
    """SQLite drops a table's triggers when a later migration rebuilds it: put them back (and
    rebuild the FTS table) after every migrate. Idempotent and cheap when nothing is missing."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from . import search

    connection = connections[using]
    if not MigrationRecorder(connection).migration_qs.filter(app="content", name="0002_feed_search").exists():
        return
    search.install(connection)


class ContentConfig(AppConfig):
    name = "haidang.content"
    label = "content"
    verbose_name = _("Collected content")

    def ready(self) -> None:
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="content_search_index")
