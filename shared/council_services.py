"""The council's services, by the short codes their records carry (a submission's service,
an officer group's service, the audit log's service), with the names people read."""

from django.utils.translation import gettext_lazy as _

SERVICE_NAMES = {
    "attendance": _("Attendance"),
    "ehe": _("Elective home education"),
    "licensing": _("Child employment and performance licensing"),
    "training": _("Training"),
    "pupil_tracking": _("Pupil tracking and children missing education"),
    "accounts": _("Sign-in accounts"),
}
