from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PenaltyNoticesConfig(AppConfig):
    """The council's penalty notice register: each notice issued, paid, withdrawn or
    prosecuted, which a school's referral is checked against."""

    name = "penalty_notices"
    verbose_name = _("Penalty notice register")

    def ready(self):
        # Imported here: the audit log uses models, which load only once apps are ready.
        from audit.log import follow

        from .models import PenaltyNotice

        follow(PenaltyNotice, "penalty notice", service="attendance", label=str)
