"""What happens to returns: a period opens one for every active school (carrying over the
pupils still on a reduced timetable), and a school adds pupils, makes a nil return or sends
its return. Each change is one transaction on a locked row, so a double submit or two
people at once cannot leave a return half changed or make anything twice."""

from django.db import transaction
from django.utils import timezone

from portal.models import School

from . import rules
from .models import ReturnPeriod, ReturnPupil, SchoolReturn

CARRIED_FIELDS = [
    "pupil",
    "year_group",
    "starts_on",
    "hours_per_week",
    "reason",
    "parental_agreement",
    "review_on",
    "ends_on",
    "sen",
    "social_care",
]


class NilRefused(Exception):
    """A nil return says no pupil is on a reduced timetable; this return lists some."""


class NothingToSend(Exception):
    """A return with no pupils is sent as a nil return instead."""


def open_returns(period):
    """Open a return for every active school that has none for this period yet, with the
    pupils carried over from each school's previous return. Returns how many opened."""
    with transaction.atomic():
        have = set(SchoolReturn.objects.filter(period=period).values_list("school_id", flat=True))
        new_school_ids = [
            pk for pk in School.objects.active().values_list("pk", flat=True) if pk not in have
        ]
        if not new_school_ids:
            return 0
        SchoolReturn.objects.bulk_create(
            [SchoolReturn(period=period, school_id=pk) for pk in new_school_ids],
            ignore_conflicts=True,  # another worker opened some at the same moment
        )
        _carry_over(period, new_school_ids)
    return len(new_school_ids)


def _carry_over(period, school_ids):
    """Pupils whose planned end date is after the new period opens, from each school's
    return for the latest earlier period, copied and marked to be checked."""
    previous = (
        ReturnPeriod.objects.filter(opens_on__lt=period.opens_on).order_by("-opens_on").first()
    )
    if previous is None:
        return
    new_returns = dict(
        SchoolReturn.objects.filter(
            period=period, school_id__in=school_ids, pupils__isnull=True
        ).values_list("school_id", "pk")
    )
    old_pupils = ReturnPupil.objects.filter(
        school_return__period=previous,
        school_return__school_id__in=new_returns,
        ends_on__gt=period.opens_on,
    ).select_related("school_return")
    copies = []
    for old in old_pupils:
        copy = ReturnPupil(
            school_return_id=new_returns[old.school_return.school_id],
            carried_over_from=old,
            needs_check=True,
            **{name: getattr(old, name) for name in CARRIED_FIELDS},
        )
        copy.refresh_flags()
        copies.append(copy)
    ReturnPupil.objects.bulk_create(copies)


def open_returns_for_saved_period(instance, raw=False, **kwargs):
    if raw:  # loading saved data (fixtures, a test's restored demo): its returns come with it
        return
    open_returns(instance)


def open_returns_for_all_periods():
    """Schools made active after a period opened get their return too (daily task)."""
    return sum(open_returns(period) for period in ReturnPeriod.objects.being_chased())


def _locked(school_return):
    return SchoolReturn.objects.select_for_update().get(pk=school_return.pk)


def _after_change(locked, now):
    """A change to a return already sent is an amendment; an untouched one is started."""
    if locked.is_made:
        locked.amended_at = now
    else:
        locked.status = SchoolReturn.Status.IN_PROGRESS


def save_pupil(school_return, pupil, values, form_token=None):
    """Add a pupil (pupil=None) or change one. Returns the pupil, or the one already
    added with this form token (a second press of the button)."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(school_return)
        if pupil is None and form_token:
            existing = ReturnPupil.objects.filter(
                school_return=locked, form_token=form_token
            ).first()
            if existing:
                return existing
        if pupil is None:
            pupil = ReturnPupil(school_return=locked, form_token=form_token)
        for name, value in values.items():
            setattr(pupil, name, value)
        pupil.needs_check = False
        pupil.save()
        if locked.status == SchoolReturn.Status.NIL:
            # A pupil added to a nil return: it is no longer nil, and is sent again.
            locked.status = SchoolReturn.Status.IN_PROGRESS
            locked.amended_at = now
        else:
            _after_change(locked, now)
        locked.save()
    return pupil


def remove_pupil(school_return, pupil):
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(school_return)
        ReturnPupil.objects.filter(pk=pupil.pk, school_return=locked).delete()
        _after_change(locked, now)
        if locked.status == SchoolReturn.Status.RETURNED and not locked.pupils.exists():
            # Nobody left on the return: the school sends it again or makes a nil return.
            locked.status = SchoolReturn.Status.IN_PROGRESS
        locked.save()


def make_nil_return(school_return, user):
    with transaction.atomic():
        locked = _locked(school_return)
        if locked.status == SchoolReturn.Status.NIL:
            return locked  # already made: a second press changes nothing
        if locked.pupils.exists():
            raise NilRefused
        locked.status = SchoolReturn.Status.NIL
        _mark_sent(locked, user)
        locked.save()
    return locked


def send_return(school_return, user):
    with transaction.atomic():
        locked = _locked(school_return)
        if locked.status == SchoolReturn.Status.RETURNED:
            return locked  # already sent: a second press changes nothing
        if not locked.pupils.exists():
            raise NothingToSend
        locked.status = SchoolReturn.Status.RETURNED
        _mark_sent(locked, user)
        locked.save()
    return locked


def _mark_sent(locked, user):
    now = timezone.now()
    if locked.submitted_at is None:
        locked.submitted_at = now
    else:
        locked.amended_at = now
    locked.submitted_by = user
    # Made after the due date: late. A return made on time cannot be made again after it.
    locked.sent_late = rules.sent_late(timezone.localdate(now), locked.period.due_on)
