from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    """The attendance strategy, practice guidance and CASO directory (issue 3)."""

    name = "guidance"
