"""Officers' screens for each school's stage in the three-stage monitoring: the form's
rules (each stage has the date of the step before it, no date before the school was
flagged, none closed in the future), the edit view (who changed it; a hint when the
school's figures suggest stage 2 follow-up), and the listing's filters and columns."""

from datetime import date

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.models import School
from shared import times
from shared.admin_parts import LinkColumn, NarrowScreenListing, PlainColumn

from ..models import SchoolFigures, SchoolStage
from ..periods import HalfTerm, year_label
from ..stages import follow_up_suggested

DATES = ("audit_on", "follow_up_on", "central_review_on", "closed_on")


class SchoolStageForm(WagtailAdminModelForm):
    class Meta:
        model = SchoolStage
        fields = ["stage", *DATES, "notes"]

    def clean(self):
        data = super().clean()
        stage = data.get("stage")
        if stage is not None and stage >= SchoolStage.Stage.FOLLOW_UP and not data.get("audit_on"):
            self.add_error(
                "audit_on", _("Enter the audit date: stage 2 follows the school's audit.")
            )
        if stage == SchoolStage.Stage.CENTRAL_REVIEW and not data.get("follow_up_on"):
            self.add_error(
                "follow_up_on",
                _("Enter the follow-up meeting date: stage 3 follows the follow-up meetings."),
            )
        flagged_on = self.instance.flagged_on
        for name in DATES:
            day = data.get(name)
            if flagged_on and day and day < flagged_on and name not in self.errors:
                self.add_error(
                    name,
                    _("The date cannot be before the school was flagged, on %(day)s.")
                    % {"day": times.day(flagged_on)},
                )
        audit_on, follow_up_on = data.get("audit_on"), data.get("follow_up_on")
        if (
            audit_on
            and follow_up_on
            and follow_up_on < audit_on
            and "follow_up_on" not in self.errors
        ):
            self.add_error("follow_up_on", _("The follow-up meeting cannot be before the audit."))
        closed_on = data.get("closed_on")
        if closed_on and closed_on > date.today() and "closed_on" not in self.errors:
            self.add_error("closed_on", _("The closing date cannot be in the future."))
        return data


def latest_figures(stage):
    """The school's figures at its latest half term with figures in the stage's year."""
    return (
        SchoolFigures.objects.filter(school_id=stage.school_id, year=stage.year)
        .order_by("-half")
        .first()
    )


class SchoolStageEditView(EditView):
    template_name = "attendance/admin/stage_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stage = self.object
        figures = latest_figures(stage)
        context["school_year"] = year_label(stage.year)
        context["figures"] = figures
        context["period"] = HalfTerm(figures.year, figures.half) if figures else None
        context["follow_up_hint"] = (
            figures is not None
            and stage.stage < SchoolStage.Stage.FOLLOW_UP
            and not stage.closed_on
            and follow_up_suggested(figures.attendance_rate, figures.persistent_rate)
        )
        return context

    def save_instance(self):
        # Who changed it: the form's own fields are the stage and its dates.
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class SchoolStageIndexView(IndexView):
    def get_base_queryset(self):
        # The school's name is in every row: fetched with it, not once a row.
        return SchoolStage.objects.select_related("school")


def stage_years():
    return [
        (year, year_label(year))
        for year in SchoolStage.objects.order_by("-year").values_list("year", flat=True).distinct()
    ]


def locality_choices():
    return [(name, name) for name in School.objects.localities()]


class SchoolStageFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=gettext_lazy("School year"), choices=[])
    stage = django_filters.ChoiceFilter(
        label=gettext_lazy("Stage"), choices=SchoolStage.Stage.choices
    )
    phase = django_filters.ChoiceFilter(
        label=gettext_lazy("Phase"), field_name="school__phase", choices=School.Phase.choices
    )
    locality = django_filters.ChoiceFilter(
        label=gettext_lazy("Locality"), field_name="school__locality", choices=[]
    )

    class Meta:
        model = SchoolStage
        fields = ["year", "stage", "phase", "locality"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = stage_years()
        self.filters["locality"].extra["choices"] = locality_choices()


def _day(name):
    def value(stage):
        day = getattr(stage, name)
        return times.day(day) if day else ""

    return value


class SchoolStageViewSet(NarrowScreenListing, ModelViewSet):
    model = SchoolStage
    icon = "tasks"
    menu_label = gettext_lazy("Monitoring stages")
    menu_order = 232
    add_to_admin_menu = True
    menu_hook = "register_attendance_menu_item"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = SchoolStageIndexView
    edit_view_class = SchoolStageEditView
    ordering = ["-year", "school__name", "pk"]
    filterset_class = SchoolStageFilterSet
    form_fields = ["stage", *DATES, "notes"]
    search_fields = ["school__name", "school__urn"]
    search_backend_name = None
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return SchoolStageForm

    @property
    def list_display(self):
        return [
            LinkColumn(
                "school",
                "attendance_schoolstage:edit",
                label=gettext_lazy("School"),
                accessor=lambda stage: stage.school.name,
            ),
            PlainColumn(
                "year", label=gettext_lazy("School year"), accessor=lambda s: year_label(s.year)
            ),
            PlainColumn("stage", label=gettext_lazy("Stage"), accessor="get_stage_display"),
            PlainColumn("flagged_attendance", label=gettext_lazy("Attendance % when flagged")),
            PlainColumn(
                "flagged_on", label=gettext_lazy("Flagged on"), accessor=_day("flagged_on")
            ),
            PlainColumn("audit_on", label=gettext_lazy("Audit"), accessor=_day("audit_on")),
            PlainColumn(
                "follow_up_on", label=gettext_lazy("Follow-up"), accessor=_day("follow_up_on")
            ),
            PlainColumn(
                "central_review_on",
                label=gettext_lazy("Central review"),
                accessor=_day("central_review_on"),
            ),
            PlainColumn("closed_on", label=gettext_lazy("Closed on"), accessor=_day("closed_on")),
        ]
