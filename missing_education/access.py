"""Who may do what with a case. The pupil tracking officers work the queue; any council
officer may refer a child; a school's staff who act for it (not its governors) read the
cases of pupils who left it. Answers come from portal.access, memoised per request."""

from portal import access

SERVICE = "pupil_tracking"


def may_work(user, permission="missing_education.view_case"):
    """A pupil tracking officer (or superuser) holding the Django permission asked for."""
    return access.works_for(user, SERVICE, permission)


def may_change(user):
    return may_work(user, "missing_education.change_case")


def may_refer(user):
    """Any council officer: they may know of a child missing education."""
    return access.is_officer(user)


def school_ids_following(user):
    """The schools whose pupils' cases this user reads: those they act for."""
    return access.school_ids_acting_for(user)
