"""The one place that answers who may act for which school and see which record.

Every view that shows or changes a school's or a service's records asks here, so the
rules live in one module and are tested once. Answers are memoised on the user object
for the length of a request, so asking per row costs no query per row.
"""

from .groups import SERVICE_OF_GROUP
from .models import Membership, School


def _memberships(user):
    """{school_id: role} for an active, signed-in user; cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_portal_memberships", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user=user, school__active=True).values_list(
                "school_id", "role"
            )
        )
        user._portal_memberships = cached
    return cached


def services_for(user):
    """The services whose records this user works as an officer (a set of codes)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_portal_services", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(SERVICE_OF_GROUP.values())
        else:
            names = user.groups.filter(name__in=SERVICE_OF_GROUP).values_list("name", flat=True)
            cached = frozenset(SERVICE_OF_GROUP[name] for name in names)
        user._portal_services = cached
    return cached


def works_for(user, service, permission):
    """Is this user an officer of `service` holding the Django `permission`? What every
    officer's screen asks (a superuser works for every service)."""
    return service in services_for(user) and user.has_perm(permission)


def is_officer(user):
    return bool(services_for(user))


def school_ids_acting_for(user):
    """Schools this user may act for: submit, return, assess, book for."""
    return frozenset(
        school_id
        for school_id, role in _memberships(user).items()
        if role not in Membership.READ_ONLY_ROLES
    )


def school_ids_visible_to(user):
    """Schools whose records this user may read (acting roles and governors)."""
    return frozenset(_memberships(user))


def schools_for(user):
    """Schools this user may act for, as a queryset."""
    return School.objects.filter(pk__in=school_ids_acting_for(user))


def schools_visible_to(user):
    return School.objects.filter(pk__in=school_ids_visible_to(user))


def may_act_for(user, school):
    school_id = getattr(school, "pk", school)
    return school_id in school_ids_acting_for(user)


def role_at(user, school):
    """The role (a Membership.Role value) this user holds at this school, or None."""
    return _memberships(user).get(getattr(school, "pk", school))


def may_see(user, record):
    """May this user see this record?

    A record belongs to a school (it has `school_id`), to a service (it has `service`),
    or to both. Officers see the records of their own service; school users and
    governors see their own school's."""
    service = getattr(record, "service", None)
    if service and service in services_for(user):
        return True
    school_id = getattr(record, "school_id", None)
    return school_id is not None and school_id in school_ids_visible_to(user)
