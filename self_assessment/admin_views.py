"""The council's view of self-assessments (Wagtail admin, attendance officers): a heat map
of schools by area from each school's latest submitted assessment of the chosen school
year, filters by phase and locality, the schools that have not assessed that year, the
distribution of levels per statement, and CSV exports of the heat map and of the schools
that have not assessed.

Fast whatever the number of schools: the heat map shows one page of schools at a time and
reads only that page's scores; the council averages, the count that have assessed and the
distribution are read from the year's summary (summaries.py), kept up to date when an
assessment is submitted, so no request goes over every school's answers.
Everything the template prints is prepared here, so it does no work per cell."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator

from audit.log import Action, record
from portal import access
from portal.models import School
from shared import spreadsheets
from shared.admin_parts import TitledAdminPage

from . import services, summaries
from .models import (
    LEVELS,
    Assessment,
    AssessmentArea,
    FrameworkVersion,
    Statement,
    school_year_label,
    school_year_of,
)

PERMISSION = "self_assessment.view_assessment"
SCHOOLS_PER_PAGE = 50
# The schools that have not assessed are listed up to this many; the CSV has them all.
NOT_ASSESSED_SHOWN = 20


def may_use(user):
    return access.works_for(user, "attendance", PERMISSION)


def active_schools(phase="", locality=""):
    schools = School.objects.active()
    if phase:
        schools = schools.filter(phase=phase)
    if locality:
        schools = schools.filter(locality=locality)
    return schools


def submitted_in(year):
    """A school's submitted assessments of `year` (a subquery on the school)."""
    return Assessment.objects.filter(
        school=OuterRef("pk"), status=Assessment.Status.SUBMITTED, school_year=year
    )


def assessed_schools(year, phase="", locality=""):
    """Active schools matching the filters that have submitted in `year`, by name, each
    with `latest_id`: its latest submitted assessment of the year. Filtered with EXISTS,
    not on `latest_id`, so the database joins once rather than looking up every school's
    latest, and (PostgreSQL) finds `latest_id` only for the page of schools it returns."""
    latest = submitted_in(year).order_by("-submitted_at", "-pk").values("pk")[:1]
    return (
        active_schools(phase, locality)
        .filter(Exists(submitted_in(year)))
        .annotate(latest_id=Subquery(latest))
        .order_by("name", "pk")
    )


def not_assessed_schools(year, phase="", locality=""):
    """Active schools matching the filters that have not submitted in `year`, by name."""
    return (
        active_schools(phase, locality).filter(~Exists(submitted_in(year))).order_by("name", "pk")
    )


def council_picture(year, phase="", locality="", page_number=1):
    """Everything the page shows, as plain data. The council-wide figures come from the
    year's summary (summaries.py), so only the page of schools shown is read here."""
    areas = list(AssessmentArea.objects.all())
    figures = summaries.Figures(summaries.summary_of(year), phase, locality)
    assessed = assessed_schools(year, phase, locality)
    not_assessed = not_assessed_schools(year, phase, locality)
    assessed_count = figures.schools
    paginator = WagtailPaginator(assessed, SCHOOLS_PER_PAGE)
    paginator.count = assessed_count  # known already: saves the paginator's own count
    page = paginator.get_page(page_number)
    page_schools = list(page.object_list)
    scores = services.scores_by_area([school.latest_id for school in page_schools])
    phases = phase_labels()
    return {
        "areas": areas,
        "page": page,
        "elided_page_range": list(paginator.get_elided_page_range(page.number)),
        "assessed_count": assessed_count,
        "heat_map": [heat_map_row(school, scores, areas, phases) for school in page_schools],
        "averages": heat_cells([figures.mean(area.pk) for area in areas]),
        # Every active matching school is one or the other: a plain count, no subquery.
        "not_assessed_count": active_schools(phase, locality).count() - assessed_count,
        "not_assessed": not_assessed_rows(not_assessed[:NOT_ASSESSED_SHOWN], phases),
        "distribution": distribution(figures.levels()),
    }


def phase_labels():
    """{phase: label} in the active language, made once per request: get_phase_display
    translates afresh on every row."""
    return {value: str(label) for value, label in School.Phase.choices}


def heat_map_row(school, scores, areas, phases):
    by_area = scores.get(school.latest_id, {})
    row_scores = [by_area.get(area.pk) for area in areas]
    return {
        "school": school,
        "phase": phases.get(school.phase, school.phase),
        "scores": row_scores,
        "cells": heat_cells(row_scores),
    }


def heat_cells(scores):
    """[(CSS class, text), ...]: a band of the heat map and the number printed in it."""
    return [
        (f"app-heat app-heat--{heat_band(score)}", "–" if score is None else f"{score:.1f}")
        for score in scores
    ]


def heat_band(score):
    """A band of the heat map; the number is always printed too, so colour is never the
    only cue."""
    if score is None:
        return "none"
    if score < 1.75:
        return "1"
    if score < 2.5:
        return "2"
    if score < 3.25:
        return "3"
    return "4"


def not_assessed_rows(schools, phases):
    """The schools as rows, each saying whether an assessment is under way (one query)."""
    under_way = Assessment.objects.filter(
        school=OuterRef("pk"), status=Assessment.Status.IN_PROGRESS
    )
    started, not_started = _("Assessment in progress"), _("Not started")
    return [
        {
            "school": school,
            "phase": phases.get(school.phase, school.phase),
            "now": started if school.in_progress else not_started,
        }
        for school in schools.annotate(in_progress=Exists(under_way))
    ]


def distribution(levels):
    """Per statement (by code, worded as in the newest published version), how many
    schools chose each level, from the summary's {code: counts}: one query, for the
    statements."""
    newest = FrameworkVersion.objects.published().order_by("-published_at").values("pk")[:1]
    statements = (
        Statement.objects.filter(framework_id=Subquery(newest))
        .order_by("area__order", "sort_order", "pk")
        .values_list("code", "area__name", "text")
    )
    return [
        {"area": area, "text": text, "counts": levels.get(code, [0] * len(LEVELS))}
        for code, area, text in statements
    ]


def available_years(today=None):
    this_year = school_year_of(today or timezone.localdate())
    years = set(
        Assessment.objects.filter(status=Assessment.Status.SUBMITTED)
        .order_by()  # without it, the default ordering makes DISTINCT return every row
        .values_list("school_year", flat=True)
        .distinct()
    )
    return sorted(years | {this_year}, reverse=True)


class CouncilView(TitledAdminPage, TemplateView):
    template_name = "self_assessment/admin/council.html"
    page_title = gettext_lazy("Self-assessments across schools")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_use(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filters(self):
        years = available_years()
        try:
            year = int(self.request.GET.get("year", years[0]))
        except ValueError:
            year = years[0]
        if year not in years:
            year = years[0]
        phase = self.request.GET.get("phase", "")
        if phase not in School.Phase.values:
            phase = ""
        localities = School.objects.active().localities()
        locality = self.request.GET.get("locality", "")
        if locality not in localities:
            locality = ""
        return {
            "year": year,
            "years": [(one, school_year_label(one)) for one in years],
            "phase": phase,
            "phases": School.Phase.choices,
            "locality": locality,
            "localities": localities,
        }

    def get(self, request, *args, **kwargs):
        filters = self.filters()
        chosen = {key: filters[key] for key in ("year", "phase", "locality") if filters[key]}
        if request.GET.get("format") == "csv":
            record(
                Action.EXPORTED,
                kind="assessment",
                service="attendance",
                detail="CSV, " + urlencode({**chosen, "list": request.GET.get("list", "scores")}),
            )
            if request.GET.get("list") == "not-assessed":
                return not_assessed_csv(filters)
            return heat_map_csv(filters)
        picture = council_picture(
            filters["year"], filters["phase"], filters["locality"], request.GET.get("p", 1)
        )
        return self.render_to_response(
            self.get_context_data(
                filters=filters,
                year_label=school_year_label(filters["year"]),
                heat_map_csv_url="?" + urlencode({**chosen, "format": "csv"}),
                not_assessed_csv_url="?"
                + urlencode({**chosen, "format": "csv", "list": "not-assessed"}),
                **picture,
            )
        )


def heat_map_csv(filters):
    """Every matching school that has assessed (not only one page), with its scores."""
    areas = list(AssessmentArea.objects.all())
    assessed = assessed_schools(filters["year"], filters["phase"], filters["locality"])
    scores = services.scores_by_area(assessed.values("latest_id"))
    phases = phase_labels()
    heading = [_("School"), _("URN"), _("Phase"), _("Locality")] + [area.name for area in areas]
    rows = (
        [school.name, school.urn, phases.get(school.phase, school.phase), school.locality]
        + [
            "" if scores.get(school.latest_id, {}).get(area.pk) is None
            else scores[school.latest_id][area.pk]
            for area in areas
        ]
        for school in assessed
    )  # fmt: skip
    return spreadsheets.csv_download(f"self-assessments-{filters['year']}.csv", heading, rows)


def not_assessed_csv(filters):
    """Every matching school that has not submitted an assessment of the year."""
    schools = not_assessed_schools(filters["year"], filters["phase"], filters["locality"])
    heading = [_("School"), _("URN"), _("Phase"), _("Locality"), _("Now")]
    rows = (
        [row["school"].name, row["school"].urn, row["phase"], row["school"].locality, row["now"]]
        for row in not_assessed_rows(schools, phase_labels())
    )
    return spreadsheets.csv_download(
        f"self-assessments-not-submitted-{filters['year']}.csv", heading, rows
    )
