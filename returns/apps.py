from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    """Schools' reduced-timetable returns and the officers' tracker (issue 5)."""

    name = "returns"
    verbose_name = _("Reduced-timetable returns")

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from django.db.models.signals import post_save

        from audit.log import follow

        from . import services
        from .models import ReturnPeriod, ReturnPupil, SchoolReturn

        # Saving a period opens a return for every active school that has none yet.
        post_save.connect(
            services.open_returns_for_saved_period, sender=ReturnPeriod, dispatch_uid="open_returns"
        )

        follow(
            SchoolReturn, "return", service="attendance", label=return_label, quiet={"updated_at"}
        )
        follow(ReturnPupil, "return", service="attendance", parent=_return_of, part="pupil")


def return_label(school_return):
    return f"{school_return.school.name}, {school_return.period.name}"


def _return_of(pupil):
    return pupil.school_return
