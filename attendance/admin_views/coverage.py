"""The officers' coverage tracker in the Wagtail admin: for one term, how many schools
have had their targeting support meeting, by locality and by phase, each school's
meeting, and a CSV of every matching school."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.log import Action, record
from portal.models import School
from shared.admin_parts import SchoolsPaginator
from shared.spreadsheets import csv_download

from .. import coverage
from ..access import SERVICE, is_attendance_officer
from ..models import TERM_CHOICES, SupportMeeting
from ..periods import term_on, year_label

PERMISSION = "attendance.view_supportmeeting"
YEARS_BACK = 5  # the terms an officer may look back on, and the year ahead


def may_track(user):
    return is_attendance_officer(user, PERMISSION)


class CoverageFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("School year"), coerce=int, required=False)
    term = forms.TypedChoiceField(label=_("Term"), coerce=int, choices=TERM_CHOICES, required=False)
    phase = forms.ChoiceField(
        label=_("Phase"), choices=[("", _("All phases"))] + School.Phase.choices, required=False
    )
    locality = forms.ChoiceField(label=_("Locality"), required=False)
    status = forms.ChoiceField(
        label=_("Meeting"), choices=[("", _("All"))] + coverage.STATUS_CHOICES, required=False
    )

    def __init__(self, *args, years, localities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year_label(year)) for year in years]
        self.fields["locality"].choices = [("", _("All localities"))] + [
            (name, name) for name in localities
        ]


def _chosen(request, today=None):
    """(form, year, term, filters) asked for. A bad value is ignored (its default used),
    not an error: the form shown is the one in force."""
    this_year, this_term = term_on(today or date.today())
    years = range(this_year + 1, this_year - YEARS_BACK - 1, -1)
    localities = School.objects.active().localities()
    bound = CoverageFilterForm(request.GET, years=years, localities=localities)
    bound.is_valid()
    cleaned = bound.cleaned_data  # only the fields that were valid
    year = cleaned.get("year") or this_year
    term = cleaned.get("term") or this_term
    filters = coverage.Filters(
        phase=cleaned.get("phase") or "",
        locality=cleaned.get("locality") or "",
        status=cleaned.get("status") or "",
    )
    form = CoverageFilterForm(
        initial={"year": year, "term": term, **vars(filters)}, years=years, localities=localities
    )
    return form, year, term, filters


def _query(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def coverage_view(request):
    if not may_track(request.user):
        raise PermissionDenied
    form, year, term, filters = _chosen(request)
    by_locality = coverage.counts_by("locality", year, term, filters)
    by_phase = coverage.counts_by("phase", year, term, filters)
    total = coverage.totals(by_phase)
    phases = coverage.translated(School.Phase.choices)
    for row in by_phase:
        row["label"] = phases.get(row["phase"], row["phase"])
    paginator = SchoolsPaginator(
        coverage.schools(year, term, filters),
        coverage.SCHOOLS_PER_PAGE,
        coverage.matching_count(total, filters),
    )
    page = paginator.get_page(request.GET.get("p"))
    page.object_list = list(page.object_list)  # fetched once, then labelled
    coverage.label(
        page.object_list,
        phases,
        coverage.translated(coverage.STATUS_CHOICES),
        coverage.translated(SupportMeeting.Status.choices),
    )
    context = {
        "form": form,
        "term_label": coverage.term_label(year, term),
        "by_locality": by_locality,
        "by_phase": by_phase,
        "total": total,
        "page": page,
        "elided_page_range": paginator.get_elided_page_range(page.number),
        "query": _query(request),
        # Each meeting's record, reversed once, not per row.
        "record_prefix": reverse("attendance_meeting:record", args=[0]).removesuffix("0/"),
    }
    return TemplateResponse(request, "attendance/admin/coverage.html", context)


def coverage_csv(request):
    if not may_track(request.user):
        raise PermissionDenied
    _form, year, term, filters = _chosen(request)
    query = _query(request)
    record(
        Action.EXPORTED,
        kind="meeting",
        label=coverage.term_label(year, term),
        service=SERVICE,
        detail="CSV of support meeting coverage" + (f", filters: {query}" if query else ""),
    )
    return csv_download(
        f"support-meetings-{year}-term-{term}.csv",
        coverage.heading(),
        coverage.csv_rows(coverage.schools(year, term, filters)),
    )
