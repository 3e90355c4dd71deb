"""The pupil tracking officers' queue: the cases a filter asks for, in the order they are
worked (overdue next steps first, then by due date, then the newest), and each as a row
of the CSV export."""

from django.db.models import Case as When_
from django.db.models import F, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Case
from .rules import is_overdue

PER_PAGE = 50


def cases(filters, user, today=None):
    """`filters`: the filter form's cleaned data (status, overdue, mine, school)."""
    today = today or timezone.localdate()
    found = Case.objects.select_related("last_school", "assigned_to")
    status = filters.get("status") or ""
    if status == "":
        found = found.filter(status__in=Case.OPEN_STATUSES)
    elif status != "all":
        found = found.filter(status=status)
    if filters.get("overdue"):
        found = found.exclude(status=Case.Status.CLOSED).filter(next_step_due__lt=today)
    if filters.get("mine"):
        found = found.filter(assigned_to=user)
    if filters.get("school"):
        found = found.filter(last_school=filters["school"])
    return found.annotate(
        late=When_(
            When(next_step_due__lt=today, status__in=Case.OPEN_STATUSES, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("late", F("next_step_due").asc(nulls_last=True), "-opened_at", "-pk")


def mark(rows, today=None):
    """Each case's `overdue`, worked out once for the template."""
    today = today or timezone.localdate()
    for case in rows:
        case.overdue = is_overdue(case.status, case.next_step_due, today)
    return rows


def heading():
    return [
        _("Reference"), _("First name"), _("Last name"), _("Date of birth"), _("UPN"),
        _("Last school"), _("Opened from"), _("Opened"), _("Status"), _("Assigned to"),
        _("Next step"), _("Due"), _("Overdue"), _("Outcome"), _("Closed"),
    ]  # fmt: skip


def csv_rows(found, today=None):
    today = today or timezone.localdate()
    for case in found.iterator(chunk_size=500):
        yield [
            case.reference,
            case.first_name,
            case.last_name,
            case.date_of_birth.isoformat() if case.date_of_birth else "",
            case.upn,
            case.last_school.name if case.last_school else "",
            case.get_source_display(),
            timezone.localtime(case.opened_at).date().isoformat(),
            case.get_status_display(),
            (case.assigned_to.get_full_name() or case.assigned_to.email)
            if case.assigned_to
            else "",
            case.next_step,
            case.next_step_due.isoformat() if case.next_step_due else "",
            _("Yes") if is_overdue(case.status, case.next_step_due, today) else "",
            case.get_outcome_display() if case.outcome else "",
            timezone.localtime(case.closed_at).date().isoformat() if case.closed_at else "",
        ]
