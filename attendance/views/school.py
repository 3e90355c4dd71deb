"""The school's attendance pages: the schools a user reads, one school's figures for a
school year, and the printable termly report for governors.

Who reads (attendance.access): the school's headteacher, attendance lead and governors.
Anyone else, the school's other staff and the council's officers included, is told the
page does not exist (404), as the portal's other school pages do, so a school's figures
are not given away. Anonymous visitors are sent to sign in."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from attendance.access import school_ids_reading
from attendance.periods import TERM_NAMES, parse_year, year_label
from attendance.school_figures import school_year, term_half, trend_chart
from portal.models import School

from . import breadcrumbs, school_or_404


def _wanted_year(request):
    """The school year asked for (?year=2025 or 2025/26), or None: never an error."""
    return parse_year(request.GET.get("year", "")[:20])


def _wanted_term(request):
    try:
        term = int(request.GET.get("term", ""))
    except ValueError:
        return None
    return term if term in TERM_NAMES else None


@login_required
def index(request):
    schools = list(School.objects.filter(pk__in=school_ids_reading(request.user)))
    if len(schools) == 1:
        return redirect("attendance:school", schools[0].urn)
    return render(
        request,
        "attendance/index.html",
        {"schools": schools, "breadcrumbs": breadcrumbs()[:1]},
    )


def _context(school, figures, asked):
    return {
        "school": school,
        "figures": figures,
        "period": figures.latest,
        "threshold": settings.ATTENDANCE_STAGE_1_BELOW,
        "asked_year": asked,
        "asked_missing": asked is not None and asked != figures.year,
        "year_choices": [(year, year_label(year)) for year in figures.years],
        "breadcrumbs": breadcrumbs(),
    }


@login_required
def school_page(request, urn):
    school = school_or_404(request, urn)
    asked = _wanted_year(request)
    figures = school_year(school, asked)
    context = _context(school, figures, asked)
    if figures.periods:
        context["chart"] = trend_chart(figures.periods)
        context["reasons"] = figures.latest.reasons()
        context["terms"] = sorted({period.half_term.term for period in figures.periods})
    return render(request, "attendance/school.html", context)


@login_required
def report(request, urn):
    """The governors' termly report: the year up to the end of the term asked for (its
    second half term, or its first when the second has no figures yet)."""
    school = school_or_404(request, urn)
    asked = _wanted_year(request)
    figures = school_year(school, asked)
    context = _context(school, figures, asked)
    context["breadcrumbs"] = breadcrumbs(school)
    if figures.periods:
        asked_term = _wanted_term(request)
        half = term_half(figures, asked_term) if asked_term else None
        if half is None:  # no term asked, or none of its figures yet: the latest term
            half = figures.latest.school.half
        term = (half + 1) // 2
        figures = figures.up_to(half)
        context.update(
            {
                "figures": figures,
                "period": figures.latest,
                "term": term,
                "term_name": TERM_NAMES[term],
                "term_choices": list(TERM_NAMES.items()),
                "term_missing": asked_term is not None and asked_term != term,
                "chart": trend_chart(figures.periods),
            }
        )
    return render(request, "attendance/report.html", context)
