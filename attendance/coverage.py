"""Which schools have had this term's targeting support meeting: every active school is
due one a term. A school's meeting is held (recorded as held), scheduled (still to
come), or missing (none, cancelled, or its date passed without it being recorded as
held). A fixed number of queries whatever the number of schools: each school's meeting
for the term is one filtered join, and the tables are grouped aggregates."""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, FilteredRelation, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.models import School

from .models import SupportMeeting
from .periods import TERM_NAMES, year_label

SCHOOLS_PER_PAGE = 50

HELD = "held"
SCHEDULED = "scheduled"
MISSING = "missing"
STATUS_CHOICES = [
    (HELD, gettext_lazy("Held")),
    (SCHEDULED, gettext_lazy("Scheduled, still to come")),
    (MISSING, gettext_lazy("Missing")),
]


@dataclass
class Filters:
    phase: str = ""
    locality: str = ""
    status: str = ""


def _conditions(now):
    held = Q(term_meeting__status=SupportMeeting.Status.HELD)
    scheduled = Q(
        term_meeting__status=SupportMeeting.Status.SCHEDULED, term_meeting__starts_at__gte=now
    )
    return held, scheduled


def _due(year, term, filters):
    """Every active school, with its meeting for the term (at most one) joined."""
    schools = School.objects.active().annotate(
        term_meeting=FilteredRelation(
            "support_meetings",
            condition=Q(support_meetings__year=year, support_meetings__term=term),
        )
    )
    if filters.phase:
        schools = schools.filter(phase=filters.phase)
    if filters.locality:
        schools = schools.filter(locality=filters.locality)
    return schools


def schools(year, term, filters, now=None):
    """The matching schools by name, each with meeting_id, meeting_status,
    meeting_starts_at and coverage (held, scheduled or missing)."""
    now = now or timezone.now()
    held, scheduled = _conditions(now)
    rows = _due(year, term, filters).annotate(
        meeting_id=F("term_meeting__id"),
        meeting_status=F("term_meeting__status"),
        meeting_starts_at=F("term_meeting__starts_at"),
        coverage=Case(
            When(held, then=Value(HELD)),
            When(scheduled, then=Value(SCHEDULED)),
            default=Value(MISSING),
            output_field=CharField(),
        ),
    )
    if filters.status:
        rows = rows.filter(coverage=filters.status)
    return rows.order_by("name", "pk")  # pk: pages stay stable when two names are the same


def _counted(rows):
    for row in rows:
        row["missing"] = row["due"] - row["held"] - row["scheduled"]
    return rows


def counts_by(field, year, term, filters, now=None):
    """[{field: value, due, held, scheduled, missing}] per value of `field` (locality or
    phase), in one grouped query. The status filter does not apply: these are the counts
    the status divides."""
    now = now or timezone.now()
    held, scheduled = _conditions(now)
    rows = (
        _due(year, term, filters)
        .order_by()
        .values(field)
        .annotate(
            due=Count("pk"),
            held=Count("pk", filter=held),
            scheduled=Count("pk", filter=scheduled),
        )
        .order_by(field)
    )
    return _counted(list(rows))


def totals(rows):
    total = {"due": 0, "held": 0, "scheduled": 0, "missing": 0}
    for row in rows:
        for key in total:
            total[key] += row[key]
    return total


def matching_count(total, filters):
    """How many schools the list shows, from the totals already counted."""
    return total[filters.status] if filters.status else total["due"]


def label(rows, phases, statuses, meeting_statuses):
    """The shown rows' labels, each translated once per page (not per row)."""
    for row in rows:
        row.phase_label = phases.get(row.phase, row.phase)
        row.coverage_label = statuses[row.coverage]
        row.meeting_label = meeting_statuses.get(row.meeting_status, "")


def translated(choices):
    return {value: str(name) for value, name in choices}


def term_label(year, term):
    return f"{TERM_NAMES[term]} {year_label(year)}"


def heading():
    return (
        [_("URN"), _("School"), _("Phase"), _("Locality"), _("Coverage"),
         _("Meeting status"), _("Meeting date")]
    )  # fmt: skip


def csv_rows(rows):
    phases = translated(School.Phase.choices)
    statuses = translated(STATUS_CHOICES)
    meeting_statuses = translated(SupportMeeting.Status.choices)
    for row in rows.iterator(chunk_size=2000):
        starts_at = row.meeting_starts_at
        yield (
            [row.urn, row.name, phases.get(row.phase, row.phase), row.locality,
             statuses[row.coverage], meeting_statuses.get(row.meeting_status, ""),
             timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M") if starts_at else ""]
        )  # fmt: skip
