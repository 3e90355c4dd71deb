from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from . import page_cache

        page_cache.connect_signals()
