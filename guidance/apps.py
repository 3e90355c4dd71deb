from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    """The attendance strategy, practice guidance and CASO directory (issue 3)."""

    name = "guidance"

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from . import search

        search.connect_signals()
