from django.apps import AppConfig


class SharedConfig(AppConfig):
    # An app only so that its templates and template tags are found; it has no models.
    name = "shared"
    verbose_name = "Shared parts"
