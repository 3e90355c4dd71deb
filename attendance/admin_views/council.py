"""The council's picture (Wagtail admin, attendance officers): every active school's
figures for one half term against the stage 1 threshold, with its change on the same
half term last year and its stage this year; sortable, filterable, 50 a page, and a CSV
of every matching school.

A fixed number of queries whatever the number of schools and years: each school's
figures, last year's and its stage are joined to it in the one query that reads the page
(each is unique per school and period), the summary is one aggregate over every matching
school, and everything the template prints is prepared here."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    Value,
    When,
)
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from audit.log import Action, record
from portal.models import School
from shared.admin_parts import SchoolsPaginator, TitledAdminPage
from shared.spreadsheets import csv_download

from ..access import SERVICE, is_attendance_officer
from ..models import HUNDREDTH, AreaFigures, SchoolFigures, SchoolStage
from ..periods import HalfTerm
from ..stages import flag_for_audit

PERMISSION = "attendance.view_schoolfigures"
SCHOOLS_PER_PAGE = 50
# What each sort orders by (an annotation of `schools`); "-" before a key: descending.
SORTS = {
    "name": "name",
    "attendance": "attendance",
    "persistent": "persistent",
    "severe": "severe",
    "change": "change",
}
NO_STAGE = "none"


def may_view(user):
    return is_attendance_officer(user, PERMISSION)


def threshold():
    return Decimal(str(settings.ATTENDANCE_STAGE_1_BELOW))


@dataclass(frozen=True)
class Choice:
    """What the officer asked for, each value checked (bad ones are ignored)."""

    period: HalfTerm
    phase: str = ""
    locality: str = ""
    stage: str = ""  # "", "none", "1", "2", "3"
    under: bool = False
    sort: str = "name"

    def query(self, **changes):
        """The choice as a query string (for links), with `changes`."""
        values = {
            "period": f"{self.period.year}-{self.period.half}",
            "phase": self.phase,
            "locality": self.locality,
            "stage": self.stage,
            "under": "1" if self.under else "",
            "sort": self.sort,
            **changes,
        }
        return urlencode({key: value for key, value in values.items() if value})


def half_terms():
    """Every half term with schools' figures, latest first: one query."""
    rows = SchoolFigures.objects.order_by("-year", "-half").values_list("year", "half").distinct()
    return [HalfTerm(year, half) for year, half in rows]


def stage_choices():
    return [("", _("Any stage")), (NO_STAGE, _("No stage"))] + [
        (str(value), str(label)) for value, label in SchoolStage.Stage.choices
    ]


def choose(params, periods, known_localities):
    """The Choice in `params` (request.GET), or None when there are no figures at all."""
    if not periods:
        return None
    by_key = {f"{period.year}-{period.half}": period for period in periods}
    period = by_key.get(params.get("period", ""), periods[0])
    phase = params.get("phase", "")
    locality = params.get("locality", "")
    stage = params.get("stage", "")
    sort = params.get("sort", "name")
    return Choice(
        period=period,
        phase=phase if phase in School.Phase.values else "",
        locality=locality if locality in known_localities else "",
        stage=stage if stage in dict(stage_choices()) else "",
        under=params.get("under") == "1",
        sort=sort if sort.removeprefix("-") in SORTS else "name",
    )


def schools(choice):
    """Every active school matching the choice, in its order, each with its figures for
    the half term (None: no figures), last year's attendance, the change and its stage
    this year. Schools without figures come last whatever the order."""
    period = choice.period
    rates = DecimalField(max_digits=6, decimal_places=2)
    rows = (
        School.objects.active()
        .annotate(
            now=FilteredRelation(
                "attendance_figures",
                condition=Q(
                    attendance_figures__year=period.year, attendance_figures__half=period.half
                ),
            ),
            before=FilteredRelation(
                "attendance_figures",
                condition=Q(
                    attendance_figures__year=period.year - 1, attendance_figures__half=period.half
                ),
            ),
            this_year=FilteredRelation(
                "attendance_stages", condition=Q(attendance_stages__year=period.year)
            ),
        )
        .annotate(
            attendance=F("now__attendance_rate"),
            persistent=F("now__persistent_rate"),
            severe=F("now__severe_rate"),
            last_year=F("before__attendance_rate"),
            change=ExpressionWrapper(
                F("now__attendance_rate") - F("before__attendance_rate"), output_field=rates
            ),
            stage_id=F("this_year__pk"),
            stage=F("this_year__stage"),
            stage_closed_on=F("this_year__closed_on"),
            no_figures=Case(
                When(now__attendance_rate__isnull=True, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
    )
    if choice.phase:
        rows = rows.filter(phase=choice.phase)
    if choice.locality:
        rows = rows.filter(locality=choice.locality)
    if choice.stage == NO_STAGE:
        rows = rows.filter(stage__isnull=True)
    elif choice.stage:
        rows = rows.filter(stage=int(choice.stage))
    if choice.under:
        rows = rows.filter(attendance__lt=threshold())
    key = SORTS[choice.sort.removeprefix("-")]
    descending = choice.sort.startswith("-")
    order = F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)
    # Name and pk after the key: pages stay stable when two schools' figures are the same.
    return rows.order_by("no_figures", order, "name", "pk")


def summary_of(rows):
    """How many schools match, have figures and are under the threshold: one query."""
    return rows.order_by().aggregate(
        total=Count("pk"),
        with_figures=Count("pk", filter=Q(attendance__isnull=False)),
        under=Count("pk", filter=Q(attendance__lt=threshold())),
    )


def comparison(choice):
    """The council's and England's figures for the phase chosen (or all schools) in the
    half term: {area: AreaFigures}, one query."""
    phase = choice.phase or AreaFigures.ALL_SCHOOLS
    found = AreaFigures.objects.filter(
        year=choice.period.year, half=choice.period.half, phase=phase
    )
    by_area = {row.area: row for row in found}
    return [
        {"label": label, "figures": by_area.get(area)}
        for area, label in (
            (AreaFigures.Area.COUNCIL, _("This council")),
            (AreaFigures.Area.NATIONAL, _("England")),
        )
    ]


def two_places(value):
    """A rate as a Decimal to two places (SQLite gives a difference unrounded)."""
    return None if value is None else Decimal(value).quantize(HUNDREDTH)


def percent(value):
    return "" if value is None else f"{two_places(value)}"


def change_text(value):
    if value is None:
        return ""
    value = two_places(value)
    # A real minus sign, which screen readers read as "minus".
    return f"+{value:.2f}" if value > 0 else f"−{-value:.2f}" if value < 0 else "0.00"


class Labels:
    """Phase and stage names, translated once per request, not once per row."""

    def __init__(self):
        self.phases = {value: str(label) for value, label in School.Phase.choices}
        self.stages = {value: str(label) for value, label in SchoolStage.Stage.choices}
        self.closed = _("closed")

    def stage(self, row):
        if row.stage is None:
            return ""
        label = self.stages.get(row.stage, str(row.stage))
        return f"{label} ({self.closed})" if row.stage_closed_on else label


def table_rows(rows, labels, stage_edit):
    for row in rows:
        yield {
            "name": row.name,
            "urn": row.urn,
            "phase": labels.phases.get(row.phase, row.phase),
            "locality": row.locality,
            "has_figures": row.attendance is not None,
            "attendance": percent(row.attendance),
            "under": flag_for_audit(row.attendance),
            "persistent": percent(row.persistent),
            "severe": percent(row.severe),
            "change": change_text(row.change),
            "stage": labels.stage(row),
            "stage_url": stage_edit.format(pk=row.stage_id) if row.stage_id else "",
        }


def sort_links(choice):
    """Each sortable column's link and aria-sort: ascending first, then the other way."""
    current = choice.sort.removeprefix("-")
    descending = choice.sort.startswith("-")
    links = {}
    for key in SORTS:
        if key == current:
            following = key if descending else f"-{key}"
            state = "descending" if descending else "ascending"
        else:
            following, state = key, ""
        links[key] = {"url": "?" + choice.query(sort=following), "aria_sort": state}
    return links


class CouncilView(TitledAdminPage, TemplateView):
    template_name = "attendance/admin/council.html"
    page_title = gettext_lazy("Attendance across schools")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        periods = half_terms()
        known = School.objects.active().localities()
        choice = choose(request.GET, periods, known)
        context = {
            "choice": choice,
            "periods": [(f"{p.year}-{p.half}", str(p)) for p in periods],
            "phases": School.Phase.choices,
            "localities": known,
            "stages": stage_choices(),
            "threshold": threshold(),
        }
        if choice is not None:
            rows = schools(choice)
            summary = summary_of(rows)
            paginator = SchoolsPaginator(rows, SCHOOLS_PER_PAGE, summary["total"])
            page = paginator.get_page(request.GET.get("p"))
            # Reversed once, not per row.
            stage_edit = reverse("attendance_schoolstage:edit", args=[0]).removesuffix("0/")
            context.update(
                {
                    "page": page,
                    "elided_page_range": list(paginator.get_elided_page_range(page.number)),
                    "rows": list(table_rows(page.object_list, Labels(), stage_edit + "{pk}/")),
                    "summary": summary,
                    "missing_count": summary["total"] - summary["with_figures"],
                    "period_label": str(choice.period),
                    "period_value": f"{choice.period.year}-{choice.period.half}",
                    "phase_label": dict(School.Phase.choices).get(choice.phase, ""),
                    "comparison": comparison(choice),
                    "sort_links": sort_links(choice),
                    "csv_url": reverse("attendance_council_csv") + "?" + choice.query(),
                }
            )
        return self.render_to_response(self.get_context_data(**context))


def csv_heading():
    return (
        [_("URN"), _("School"), _("Phase"), _("Locality"), _("Half term"), _("Attendance %"),
         _("Under the threshold"), _("Persistent absence %"), _("Severe absence %"),
         _("Attendance % a year before"), _("Change (percentage points)"), _("Stage"),
         _("Stage closed on")]
    )  # fmt: skip


def csv_rows(rows, choice):
    labels = Labels()
    period = str(choice.period)
    yes, no = _("Yes"), _("No")
    for row in rows.iterator(chunk_size=1000):
        has = row.attendance is not None
        yield (
            [row.urn, row.name, labels.phases.get(row.phase, row.phase), row.locality, period,
             two_places(row.attendance),
             (yes if flag_for_audit(row.attendance) else no) if has else "",
             two_places(row.persistent), two_places(row.severe), two_places(row.last_year),
             two_places(row.change),
             labels.stages.get(row.stage, "") if row.stage else "", row.stage_closed_on]
        )  # fmt: skip


def council_csv(request):
    """Every matching school (not only one page), in the page's order."""
    if not may_view(request.user):
        raise PermissionDenied
    choice = choose(request.GET, half_terms(), School.objects.active().localities())
    if choice is None:
        return csv_download("attendance.csv", csv_heading(), [])
    query = choice.query()
    record(
        Action.EXPORTED,
        kind="attendance figures",
        label=str(choice.period),
        service=SERVICE,
        detail=f"CSV of schools' attendance, {query}",
    )
    return csv_download(
        f"attendance-{choice.period.year}-half-{choice.period.half}.csv",
        csv_heading(),
        csv_rows(schools(choice), choice),
    )
