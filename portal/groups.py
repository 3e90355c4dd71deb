"""Names of the staff groups, and which service's records each officer group works.
The groups themselves are made by a migration (portal/migrations/0002_staff_groups.py);
each app grants them the permissions on its own models in its own migration."""

from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
MODERATORS = "Moderators"
ATTENDANCE_OFFICERS = "Attendance officers"
EHE_OFFICERS = "EHE officers"
LICENSING_OFFICERS = "Licensing officers"
TRAINING_ADMINISTRATORS = "Training administrators"
# The council's data protection team: the audit log, subject access and erasure. They
# work no service's queue.
INFORMATION_GOVERNANCE = "Information governance"

STAFF_GROUPS = (
    EDITORS,
    MODERATORS,
    ATTENDANCE_OFFICERS,
    EHE_OFFICERS,
    LICENSING_OFFICERS,
    TRAINING_ADMINISTRATORS,
    INFORMATION_GOVERNANCE,
)

# The service whose records each officer group may see. Services are named by the
# short codes the feature apps give their records (e.g. Submission.service).
SERVICE_OF_GROUP = {
    ATTENDANCE_OFFICERS: "attendance",
    EHE_OFFICERS: "ehe",
    LICENSING_OFFICERS: "licensing",
    TRAINING_ADMINISTRATORS: "training",
}
OFFICER_GROUPS = tuple(SERVICE_OF_GROUP)

# Each service's name, as the subject access results show it; "accounts" are the portal's
# own sign-in accounts, which no officer group works. Given to the apps below the core
# (the audit log) through the "register_services" hook (shared.service_names).
SERVICE_NAMES = {
    "attendance": _("Attendance"),
    "ehe": _("Elective home education"),
    "licensing": _("Child employment and performance licensing"),
    "training": _("Training"),
    "accounts": _("Sign-in accounts"),
}
