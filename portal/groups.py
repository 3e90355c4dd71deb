"""Names of the staff groups, and which service's records each officer group works.
The groups themselves are made by a migration (portal/migrations/0002_staff_groups.py);
each app grants them the permissions on its own models in its own migration."""

EDITORS = "Editors"
MODERATORS = "Moderators"
ATTENDANCE_OFFICERS = "Attendance officers"
EHE_OFFICERS = "EHE officers"
LICENSING_OFFICERS = "Licensing officers"
TRAINING_ADMINISTRATORS = "Training administrators"
# The pupil tracking officers: roll-change notices from schools and the council's cases
# of children missing education (Education Act 1996 s436A).
PUPIL_TRACKING_OFFICERS = "Pupil tracking officers"
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
    PUPIL_TRACKING_OFFICERS,
    INFORMATION_GOVERNANCE,
)

# The service whose records each officer group may see. Services are named by the
# short codes the feature apps give their records (e.g. Submission.service).
SERVICE_OF_GROUP = {
    ATTENDANCE_OFFICERS: "attendance",
    EHE_OFFICERS: "ehe",
    LICENSING_OFFICERS: "licensing",
    TRAINING_ADMINISTRATORS: "training",
    PUPIL_TRACKING_OFFICERS: "pupil_tracking",
}
OFFICER_GROUPS = tuple(SERVICE_OF_GROUP)
