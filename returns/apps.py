from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    """Schools' reduced-timetable returns and the officers' tracker (issue 5)."""

    name = "returns"
    verbose_name = _("Reduced-timetable returns")
