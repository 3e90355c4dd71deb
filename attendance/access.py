"""Who may read a school's attendance data and act on its meetings' actions: its
headteacher, attendance lead and governors (governors read only). Answers come from
portal.access, which memoises the user's memberships, so asking per row costs nothing."""

from portal import access
from portal.models import Membership

READERS = frozenset(
    {Membership.Role.HEADTEACHER, Membership.Role.ATTENDANCE_LEAD, Membership.Role.GOVERNOR}
)
# Those who update an agreed action's status for their school.
UPDATERS = READERS - Membership.READ_ONLY_ROLES
SERVICE = "attendance"


def school_ids_reading(user):
    """Schools whose attendance data this user may read."""
    return frozenset(
        school_id
        for school_id in access.school_ids_visible_to(user)
        if access.role_at(user, school_id) in READERS
    )


def may_read(user, school):
    return getattr(school, "pk", school) in school_ids_reading(user)


def may_update_actions(user, school):
    return access.role_at(user, school) in UPDATERS


def is_attendance_officer(user, permission="attendance.view_schoolfigures"):
    """An attendance officer (or superuser) with the Django permission asked for."""
    return access.works_for(user, SERVICE, permission)
