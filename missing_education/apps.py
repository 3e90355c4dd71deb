from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissingEducationConfig(AppConfig):
    """The council's children missing education casework (Education Act 1996 s436A): the
    pupil tracking officer's cases, their enquiries, and the school's view of them."""

    name = "missing_education"
    verbose_name = _("Children missing education")

    def ready(self):
        # Imported here: the audit log follows models, which load only once apps are ready.
        from audit.log import follow

        from .models import Case, Enquiry

        follow(Case, "missing education case", service="pupil_tracking", label=case_label,
               quiet={"reminded_on", "updated_at"})  # fmt: skip
        follow(
            Enquiry,
            "missing education case",
            service="pupil_tracking",
            parent=_case_of,
            part="enquiry",
        )


def case_label(case):
    # The log names the case by its number, never the child.
    return case.reference


def _case_of(enquiry):
    return enquiry.case
