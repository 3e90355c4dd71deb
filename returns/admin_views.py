"""The officers' tracker in the Wagtail admin: for one period, which schools have made
their return, the response rate, overdue reviews, and CSV downloads."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.log import Action, record
from portal import access
from portal.models import School
from shared.admin_parts import SchoolsPaginator
from shared.spreadsheets import csv_download

from . import tracker
from .models import ReturnPeriod, SchoolReturn

SERVICE = "attendance"
VIEW_PERMISSION = "returns.view_schoolreturn"


def may_track(user):
    """Attendance officers (and superusers): the permission, and the service."""
    return access.works_for(user, SERVICE, VIEW_PERMISSION)


class TrackerFilterForm(forms.Form):
    period = forms.TypedChoiceField(label=_("Return period"), coerce=int, required=False)
    phase = forms.ChoiceField(
        label=_("Phase"), choices=[("", _("All phases"))] + School.Phase.choices, required=False
    )
    locality = forms.ChoiceField(label=_("Locality"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), ("outstanding", _("Outstanding (not returned)"))]
        + SchoolReturn.Status.choices
        + [("late", _("Sent late"))],
        required=False,
    )

    def __init__(self, *args, periods, localities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.pk, str(p)) for p in periods]
        self.fields["locality"].choices = [("", _("All localities"))] + [
            (name, name) for name in localities
        ]


def _default_period(periods, today):
    """The latest period that has opened; else the earliest still to open."""
    opened = [period for period in periods if period.opens_on <= today]
    return opened[0] if opened else (periods[-1] if periods else None)


def _chosen(request):
    """The period and filters asked for (bad values are ignored, not an error)."""
    today = date.today()
    periods = list(ReturnPeriod.objects.all())
    localities = School.objects.localities()
    form = TrackerFilterForm(request.GET or None, periods=periods, localities=localities)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    by_pk = {period.pk: period for period in periods}
    period = by_pk.get(cleaned.get("period")) or _default_period(periods, today)
    if period is not None and not form.is_bound:
        form = TrackerFilterForm(
            initial={"period": period.pk}, periods=periods, localities=localities
        )
    filters = tracker.Filters(
        phase=cleaned.get("phase", ""),
        locality=cleaned.get("locality", ""),
        status=cleaned.get("status", ""),
    )
    return form, periods, period, filters


def tracker_view(request):
    if not may_track(request.user):
        raise PermissionDenied
    today = date.today()
    form, periods, period, filters = _chosen(request)
    context = {"form": form, "period": period, "today": today}
    if period is not None:
        summary = tracker.summary_of(period, filters)
        paginator = SchoolsPaginator(
            tracker.school_returns(period, filters, today),
            tracker.SCHOOLS_PER_PAGE,
            summary["total"],
        )
        page = paginator.get_page(request.GET.get("p"))
        page.object_list = list(page.object_list)  # fetched once, then labelled
        overdue, overdue_total = tracker.most_overdue(period, filters, today)
        tracker.label(page.object_list, overdue)
        context.update(
            {
                "page": page,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "summary": summary,
                "overdue": overdue,
                "overdue_total": overdue_total,
                # The filters without the page number, for the CSV links.
                "query": _filters_query(request),
                # Reversed once, not per row: reversing in the admin's URLconf is slow.
                "edit_prefix": reverse("returns_schoolreturn:edit", args=[0]).removesuffix("0/"),
            }
        )
    return TemplateResponse(request, "returns/admin/tracker.html", context)


def _filters_query(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def _exported(request, period, what):
    filters = _filters_query(request)
    record(
        Action.EXPORTED,
        kind="return",
        label=period.name,
        service=SERVICE,
        detail=f"CSV of {what}" + (f", filters: {filters}" if filters else ""),
    )


def schools_csv(request, period_pk):
    if not may_track(request.user):
        raise PermissionDenied
    period = get_object_or_404(ReturnPeriod, pk=period_pk)
    _form, _periods, _period, filters = _chosen(request)
    _exported(request, period, "schools")
    return csv_download(
        f"returns-{period.opens_on:%Y-%m-%d}-schools.csv",
        tracker.schools_heading(),
        tracker.schools_rows(tracker.school_returns(period, filters)),
    )


def pupils_csv(request, period_pk):
    if not may_track(request.user):
        raise PermissionDenied
    period = get_object_or_404(ReturnPeriod, pk=period_pk)
    _exported(request, period, "pupils")
    return csv_download(
        f"returns-{period.opens_on:%Y-%m-%d}-pupils.csv",
        tracker.pupils_heading(),
        tracker.pupils_rows(tracker.period_pupils(period)),
    )


def overdue_csv(request, period_pk):
    """Every pupil whose review date has passed (the tracker shows only the most overdue),
    most overdue first, for the phase and locality chosen on the tracker."""
    if not may_track(request.user):
        raise PermissionDenied
    period = get_object_or_404(ReturnPeriod, pk=period_pk)
    _form, _periods, _period, filters = _chosen(request)
    _exported(request, period, "overdue reviews")
    return csv_download(
        f"returns-{period.opens_on:%Y-%m-%d}-overdue-reviews.csv",
        tracker.pupils_heading(),
        tracker.pupils_rows(tracker.overdue_reviews(period, filters)),
    )
