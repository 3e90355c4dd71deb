"""What the officers' tracker shows for one period: each school's return with its counts,
the response rate and the pupils whose review date has passed. A fixed number of queries
whatever the number of schools: the counts are annotations, not a query per row, and the
summary is one aggregate over every matching school, so the page itself only fetches the
rows it shows."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Window
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import School

from . import rules
from .models import ReturnPupil, SchoolReturn

FLAGGED = Q(pupils__review_late=True) | Q(pupils__past_two_terms=True)

SCHOOLS_PER_PAGE = 50
OVERDUE_SHOWN = 20  # the most overdue; the CSV has them all


@dataclass
class Filters:
    phase: str = ""
    locality: str = ""
    status: str = ""


def _matching(period, filters):
    queryset = SchoolReturn.objects.filter(period=period)
    if filters.phase:
        queryset = queryset.filter(school__phase=filters.phase)
    if filters.locality:
        queryset = queryset.filter(school__locality=filters.locality)
    if filters.status == "outstanding":
        queryset = queryset.exclude(status__in=SchoolReturn.MADE)
    elif filters.status == "late":
        queryset = queryset.filter(status__in=SchoolReturn.MADE, sent_late=True)
    elif filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset


def school_returns(period, filters, today=None):
    today = today or date.today()
    return (
        _matching(period, filters)
        .select_related("school")
        .annotate(
            pupil_count=Count("pupils"),
            flagged_count=Count("pupils", filter=FLAGGED),
            overdue_count=Count("pupils", filter=Q(pupils__review_on__lt=today)),
        )
        .order_by("school__name", "pk")  # pk: pages stay stable when two names are the same
    )


def summary(rows):
    """The summary of rows already in hand (the weekly email lists them all anyway)."""
    statuses = [row.status for row in rows]
    return _summary(
        len(statuses),
        statuses.count(SchoolReturn.Status.RETURNED),
        statuses.count(SchoolReturn.Status.NIL),
        sum(row.is_late for row in rows),
    )


def summary_of(period, filters):
    """The summary over every school matching the filters, in one aggregate query."""
    found = _matching(period, filters).aggregate(
        total=Count("pk"),
        returned=Count("pk", filter=Q(status=SchoolReturn.Status.RETURNED)),
        nil=Count("pk", filter=Q(status=SchoolReturn.Status.NIL)),
        late=Count("pk", filter=Q(status__in=SchoolReturn.MADE, sent_late=True)),
    )
    return _summary(found["total"], found["returned"], found["nil"], found["late"])


def _summary(total, returned, nil, late=0):
    return {
        "total": total,
        "returned": returned,
        "nil": nil,
        "late": late,
        "outstanding": total - returned - nil,
        "rate": rules.response_rate(returned, nil, total),
    }


def overdue_reviews(period, filters, today=None):
    today = today or date.today()
    pupils = ReturnPupil.objects.filter(school_return__period=period, review_on__lt=today)
    if filters.phase:
        pupils = pupils.filter(school_return__school__phase=filters.phase)
    if filters.locality:
        pupils = pupils.filter(school_return__school__locality=filters.locality)
    return pupils.select_related("school_return__school").order_by("review_on", "pk")


def most_overdue(period, filters, today=None):
    """The OVERDUE_SHOWN most overdue pupils and how many there are in all, in one query:
    the window count is taken over every overdue pupil before the limit applies."""
    pupils = overdue_reviews(period, filters, today).annotate(overdue_total=Window(Count("pk")))
    shown = list(pupils[:OVERDUE_SHOWN])
    return shown, shown[0].overdue_total if shown else 0


def period_pupils(period):
    return (
        ReturnPupil.objects.filter(school_return__period=period)
        .select_related("school_return__school")
        .order_by("school_return__school__name", "starts_on", "pk")
    )


def label(rows, pupils):
    """Give the shown rows and pupils their phase, status and year group labels, each
    translated once per page: get_FOO_display() hashes every lazy label of the field's
    choices on each call, a translation lookup each, which made these the dearest cells."""
    phases = _translated(School.Phase.choices)
    statuses = _translated(SchoolReturn.Status.choices)
    years = _translated(ReturnPupil.YEAR_GROUPS)
    for row in rows:
        row.phase_label = phases.get(row.school.phase, row.school.phase)
        row.status_label = statuses.get(row.status, row.status)
    for pupil in pupils:
        pupil.year_label = years.get(pupil.year_group, pupil.year_group)


def _translated(choices):
    return {value: str(name) for value, name in choices}


def schools_heading():
    return (
        [_("URN"), _("School"), _("Phase"), _("Locality"), _("Status"), _("Sent"),
         _("Sent late"), _("Last changed after sending"), _("Pupils"), _("Pupils flagged"),
         _("Reviews overdue")]
    )  # fmt: skip


def schools_rows(rows):
    for row in rows:
        school = row.school
        yield (
            [school.urn, school.name, school.get_phase_display(), school.locality,
             row.get_status_display(),
             _datetime(row.submitted_at), _yes_no(row.is_late), _datetime(row.amended_at),
             row.pupil_count,
             row.flagged_count, row.overdue_count]
        )  # fmt: skip


def pupils_heading():
    return (
        [_("URN"), _("School"), _("UPN or initials"), _("Year group"), _("Start date"),
         _("Hours offered per week"), _("Reason"), _("Parent or carer agreed"),
         _("Review date"), _("Planned end date"), _("EHCP or SEN"),
         _("Social worker or looked after"), _("Flags"), _("Carried over")]
    )  # fmt: skip


def pupils_rows(pupils):
    for pupil in pupils.iterator(chunk_size=2000):
        school = pupil.school_return.school
        yield (
            [school.urn, school.name, pupil.pupil,
             pupil.get_year_group_display(), pupil.starts_on.isoformat(), pupil.hours_per_week,
             pupil.get_reason_display(), _yes_no(pupil.parental_agreement),
             pupil.review_on.isoformat(), pupil.ends_on.isoformat(), pupil.get_sen_display(),
             pupil.get_social_care_display(), "; ".join(map(str, pupil.flag_messages)),
             _yes_no(pupil.carried_over_from_id is not None)]
        )  # fmt: skip


def _yes_no(value):
    return _("Yes") if value else _("No")


def _datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
