from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LibraryConfig(AppConfig):
    name = "nearer.library"
    label = "library"

    def ready(self):
        from nearer.library.fulltext import ensure_fulltext

        # After every migrate, whatever a later migration did to the item table (SQLite
        # rebuilds the table for most field changes, dropping its triggers).
        post_migrate.connect(ensure_fulltext, sender=self, dispatch_uid="library.fulltext")
