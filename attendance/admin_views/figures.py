"""Officers correct figures in the Wagtail admin: a school's, or the council's and
England's by phase. The edit forms ask what the import asks (attendance/imports.py), and
saving sends figures_changed for the years touched, in the same transaction (the
council's figures are worked out again, apps.py)."""

from datetime import date

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from shared.admin_parts import NarrowScreenListing

from .. import imports, periods
from ..models import COUNTS, AreaFigures, SchoolFigures
from ..signals import figures_changed

FIGURES_PER_PAGE = 50


class FiguresForm(WagtailAdminModelForm):
    """The counts of one half term, checked as an import's rows are."""

    year = forms.CharField(
        label=_("School year"), max_length=9, help_text=_("For example 2025/26.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["year"] = periods.year_label(self.instance.year)

    def clean_year(self):
        year, reason = imports.year_problem(
            self.cleaned_data["year"], periods.school_year_of(date.today())
        )
        if reason:
            raise forms.ValidationError(reason)
        return year

    def clean(self):
        cleaned = super().clean()
        counts = {name: cleaned.get(name) for name in COUNTS}
        if None not in counts.values():
            for name, reason in imports.inconsistencies(counts):
                self.add_error(name, reason)
        return cleaned


class SchoolFiguresForm(FiguresForm):
    class Meta:
        model = SchoolFigures
        fields = ["school", "year", "half", *COUNTS]


class AreaFiguresForm(FiguresForm):
    class Meta:
        model = AreaFigures
        fields = ["area", "phase", "year", "half", *COUNTS]
        help_texts = {
            "area": _(
                "A council figure saved here is kept as the council's published figure: it "
                "is no longer worked out from its schools' figures."
            )
        }

    def save(self, commit=True):
        self.instance.worked_out = False
        return super().save(commit=commit)


def _changed(model, years):
    years = {year for year in years if year is not None}
    if years:
        figures_changed.send(sender=model, years=years, today=date.today())


class FiguresCreateView(CreateView):
    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            _changed(self.model, {instance.year})
        return instance


class FiguresEditView(EditView):
    def save_instance(self):
        year_before = (
            type(self.object).objects.filter(pk=self.object.pk).values_list("year", flat=True)
        )
        with transaction.atomic():
            before = set(year_before)
            instance = super().save_instance()
            _changed(self.model, before | {instance.year})
        return instance


class FiguresDeleteView(DeleteView):
    def delete_action(self):
        year = self.object.year
        with transaction.atomic():
            super().delete_action()
            _changed(self.model, {year})


class SchoolFiguresIndexView(IndexView):
    def get_base_queryset(self):
        # The school's name on each row, in the one query.
        return super().get_base_queryset().select_related("school")


class FiguresViewSet(NarrowScreenListing, ModelViewSet):
    add_to_admin_menu = True
    icon = "table"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = FIGURES_PER_PAGE
    search_backend_name = None
    add_view_class = FiguresCreateView
    edit_view_class = FiguresEditView
    delete_view_class = FiguresDeleteView


class SchoolFiguresViewSet(FiguresViewSet):
    model = SchoolFigures
    menu_label = _("Schools' attendance figures")
    menu_order = 236
    menu_hook = "register_attendance_menu_item"
    list_display = [
        "school",
        Column("period", label=_("Half term")),
        "pupils_on_roll",
        "attendance_rate",
        "persistent_rate",
    ]
    list_filter = ["year", "half", "school__phase"]
    search_fields = ["school__name", "school__urn"]

    def get_form_class(self, for_update=False):
        return SchoolFiguresForm

    index_view_class = SchoolFiguresIndexView


class AreaFiguresViewSet(FiguresViewSet):
    model = AreaFigures
    menu_label = _("Council and England attendance figures")
    menu_order = 237
    menu_hook = "register_attendance_menu_item"
    list_display = [
        "area",
        "phase",
        Column("period", label=_("Half term")),
        "attendance_rate",
        "persistent_rate",
        "worked_out",
    ]
    list_filter = ["area", "phase", "year", "half"]
    search_fields = ["area", "phase"]

    def get_form_class(self, for_update=False):
        return AreaFiguresForm
