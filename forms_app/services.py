"""The journeys the portal hosts, and the officer service that works each one's
submissions (matching portal.groups.SERVICE_OF_GROUP)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Journey(models.TextChoices):
    EHE_REGISTRATION = "ehe_registration", _("Elective home education registration")
    EMPLOYMENT_PERMIT = "employment_permit", _("Child employment permit")
    PERFORMANCE_LICENCE = "performance_licence", _("Child performance licence")
    CHAPERONE_APPROVAL = "chaperone_approval", _("Chaperone approval")
    ATTENDANCE_REFERRAL = "attendance_referral", _("Attendance referral")


# Which officers work each journey's submissions, and the reference prefix it uses.
SERVICE_OF_JOURNEY = {
    Journey.EHE_REGISTRATION: "ehe",
    Journey.EMPLOYMENT_PERMIT: "licensing",
    Journey.PERFORMANCE_LICENCE: "licensing",
    Journey.CHAPERONE_APPROVAL: "licensing",
    Journey.ATTENDANCE_REFERRAL: "attendance",
}
PREFIX_OF_JOURNEY = {
    Journey.EHE_REGISTRATION: "EHE",
    Journey.EMPLOYMENT_PERMIT: "CEP",
    Journey.PERFORMANCE_LICENCE: "CPL",
    Journey.CHAPERONE_APPROVAL: "CHA",
    Journey.ATTENDANCE_REFERRAL: "ATT",
}
