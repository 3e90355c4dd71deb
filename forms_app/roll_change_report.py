"""The pupil tracking officers' report in the Wagtail admin: one term's roll-change
notices (the council's term dates, the current term unless another is chosen), counted
by ground and by school, with how many came late; the notices themselves in the queue
(a link with the term's dates as its filter), and a CSV of them, recorded in the audit
log. A fixed number of queries whatever the number of notices or schools."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.fields.json import KT
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.log import Action, record
from portal import access
from portal.terms import council_terms, term_index
from shared import times
from shared.spreadsheets import csv_download

from .journeys import roll_change
from .journeys.facts import Flag
from .journeys.registry import Journey
from .models import Submission
from .rules.roll_changes_messages import GROUND_LABELS, ground_label

SERVICE = "pupil_tracking"
PERMISSION = "forms_app.view_submission"


def may_report(user):
    return access.works_for(user, SERVICE, PERMISSION)


class TermForm(forms.Form):
    term = forms.TypedChoiceField(
        label=gettext_lazy("Term"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, terms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].choices = [(index, term.name) for index, term in enumerate(terms)]


def chosen_term(request, today=None):
    """(form, term): the term asked for, else the one today is in (or the next, in a
    holiday; the last published after them all). A bad choice is ignored."""
    terms = council_terms()
    bound = TermForm(request.GET, terms=terms)
    index = bound.cleaned_data.get("term") if bound.is_valid() else None
    if index is None:
        index = term_index(today or localdate(), terms)
        index = len(terms) - 1 if index is None else index
    return TermForm(initial={"term": index}, terms=terms), terms[index]


def notices_in(term):
    """The notices sent from the term's first day to its last (holidays within it too)."""
    return Submission.objects.filter(
        journey=Journey.ROLL_CHANGE,
        created_at__date__gte=term.starts,
        created_at__date__lte=term.ends,
    )


LATE = Q(flags__icontains=Flag.LATE_NOTICE.value)


def by_ground(notices):
    rows = (
        notices.annotate(ground=KT("answers__deletion__ground"))
        .values("ground")
        .annotate(count=Count("pk"), late=Count("pk", filter=LATE))
        .order_by("ground")
    )
    order = list(GROUND_LABELS)
    found = [
        {
            "label": ground_label(row["ground"])
            if row["ground"]
            else _("Additions at a non-standard time"),
            "count": row["count"],
            "late": row["late"],
            "key": order.index(row["ground"]) if row["ground"] in order else len(order),
        }
        for row in rows
    ]
    return sorted(found, key=lambda row: row["key"])


def by_school(notices):
    return list(
        notices.values("school_id", "school__name", "school__urn")
        .annotate(count=Count("pk"), late=Count("pk", filter=LATE))
        .order_by("school__name")
    )


def queue_url(term):
    """The queue, showing this term's notices."""
    query = urlencode(
        {
            "journey": Journey.ROLL_CHANGE,
            "created_at_after": term.starts.isoformat(),
            "created_at_before": term.ends.isoformat(),
        }
    )
    return f"{reverse('forms_app_submission:index')}?{query}"


def report_view(request):
    if not may_report(request.user):
        raise PermissionDenied
    form, term = chosen_term(request)
    notices = notices_in(term)
    grounds, schools = by_ground(notices), by_school(notices)
    context = {
        "form": form,
        "term": term,
        "grounds": grounds,
        "schools": schools,
        "total": sum(row["count"] for row in schools),
        "late": sum(row["late"] for row in schools),
        "queue_url": queue_url(term),
        "csv_query": urlencode({"term": form.initial["term"]}),
    }
    return TemplateResponse(request, "forms_app/admin/roll_change_report.html", context)


def heading():
    return [
        _("Reference"), _("School"), _("URN"), _("Change"), _("Ground"), _("Date"),
        _("Due by"), _("Sent"), _("On time"), _("Where the pupil has gone"), _("Sent by"),
        _("Email"),
    ]  # fmt: skip


def csv_rows(notices):
    terms = council_terms()
    for notice in notices.select_related("school").order_by("created_at").iterator():
        answers = notice.answers if isinstance(notice.answers, dict) else {}
        deletion = roll_change.is_deletion(answers)
        day = roll_change.as_date(roll_change.event_day(answers))
        due = roll_change.deadline(answers, terms)
        sent = localdate(notice.created_at)
        destination = (answers.get("destination") or {}).get("destination") or ""
        yield [
            notice.reference,
            notice.school.name if notice.school else "",
            notice.school.urn if notice.school else "",
            _("Deletion") if deletion else _("Addition"),
            str(ground_label(roll_change.ground_of(answers))) if deletion else "",
            times.day(day) if day else "",
            times.day(due) if due else "",
            times.day(sent),
            _("No") if roll_change.late(answers, sent, terms) else _("Yes"),
            str(dict(roll_change.DESTINATIONS).get(destination, "")),
            notice.submitter_name,
            notice.submitter_email,
        ]


def report_csv(request):
    if not may_report(request.user):
        raise PermissionDenied
    _form, term = chosen_term(request)
    record(
        Action.EXPORTED,
        kind="submission",
        label=term.name,
        service=SERVICE,
        detail="CSV of roll-change notices",
    )
    slug = term.name.lower().replace(" ", "-")
    return csv_download(f"roll-changes-{slug}.csv", heading(), csv_rows(notices_in(term)))
