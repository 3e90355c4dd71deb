"""Returns in the Wagtail admin (return periods, schools' returns, the tracker), the
partner dashboard panel, and the demo returns."""

from datetime import date, timedelta

from django.db.models import Max, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from audit.log import Action, record
from portal import access
from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from portal.policies import ServicePolicy
from shared.admin_parts import MenuItemFor, NarrowScreenListing
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK
from shared.support_agenda import HOOK_NAME as SUPPORT_AGENDA_HOOK
from shared.support_agenda import AgendaSection
from shared.times import day

from . import admin_views, privacy_notice, tasks
from .demo import seed_returns
from .models import ReturnPeriod, SchoolReturn, chase_days

# Returns are the attendance team's records; schools' returns are opened by periods,
# never added or deleted by hand.
register_permission_policy(ReturnPeriod, ServicePolicy(ReturnPeriod, admin_views.SERVICE))
register_permission_policy(
    SchoolReturn, ServicePolicy(SchoolReturn, admin_views.SERVICE, {"add", "delete"})
)


class ReturnPeriodViewSet(NarrowScreenListing, ModelViewSet):
    model = ReturnPeriod
    icon = "date"
    menu_label = _("Return periods")
    menu_order = 221
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "cadence", "opens_on", "due_on", "late_until"]
    list_filter = ["cadence"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["name", "cadence", "opens_on", "due_on", "late_until"]


class SchoolReturnEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record(Action.VIEWED, self.object)
        return response

    def save_instance(self):
        instance = super().save_instance()
        if instance.is_made:
            # An officer's change after the school sent it is an amendment, as a school's is.
            SchoolReturn.objects.filter(pk=instance.pk).update(amended_at=timezone.now())
        return instance


PUPIL_PANELS = [
    FieldRowPanel([FieldPanel("pupil"), FieldPanel("year_group")]),
    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("review_on"), FieldPanel("ends_on")]),
    FieldRowPanel([FieldPanel("hours_per_week"), FieldPanel("reason")]),
    FieldRowPanel([FieldPanel("parental_agreement"), FieldPanel("sen"), FieldPanel("social_care")]),
]


class SchoolReturnViewSet(NarrowScreenListing, ModelViewSet):
    """Officers change a school's return, also after the due date; found from the tracker."""

    model = SchoolReturn
    icon = "table"
    add_to_admin_menu = False
    copy_view_enabled = False
    edit_view_class = SchoolReturnEditView
    list_display = ["school", "period", "status", "sent_late", "submitted_at", "amended_at"]
    list_filter = ["period", "status", "sent_late"]
    search_fields = ["school__name", "school__urn"]
    search_backend_name = None
    panels = [
        MultiFieldPanel([FieldPanel("status")], heading=_("Return")),
        InlinePanel("pupils", panels=PUPIL_PANELS, heading=_("Pupils on a reduced timetable")),
    ]

    def get_queryset(self, request):
        return SchoolReturn.objects.select_related("school", "period")


@hooks.register("register_admin_viewset")
def register_return_viewsets():
    return [
        ReturnPeriodViewSet("returns_returnperiod"),
        SchoolReturnViewSet("returns_schoolreturn"),
    ]


@hooks.register("register_admin_urls")
def tracker_urls():
    return [
        path("returns/tracker/", admin_views.tracker_view, name="returns_tracker"),
        path(
            "returns/tracker/<int:period_pk>/schools.csv",
            admin_views.schools_csv,
            name="returns_schools_csv",
        ),
        path(
            "returns/tracker/<int:period_pk>/pupils.csv",
            admin_views.pupils_csv,
            name="returns_pupils_csv",
        ),
        path(
            "returns/tracker/<int:period_pk>/overdue-reviews.csv",
            admin_views.overdue_csv,
            name="returns_overdue_csv",
        ),
    ]


@hooks.register("register_admin_menu_item")
def tracker_menu_item():
    return MenuItemFor(
        _("Reduced timetables"),
        reverse("returns_tracker"),
        icon_name="table",
        order=220,
        shown_to=admin_views.may_track,
    )


@hooks.register(DASHBOARD_PANEL_HOOK)
def returns_panel(request):
    """At the top: the returns a school user's schools have open, still owe, or can
    still send late."""
    school_ids = access.school_ids_visible_to(request.user)
    if not school_ids:
        return None
    today = date.today()
    candidates = (
        SchoolReturn.objects.filter(school_id__in=school_ids, period__opens_on__lte=today)
        .filter(
            Q(period__due_on__gte=today - timedelta(days=chase_days()))
            | ~Q(status__in=SchoolReturn.MADE)
        )
        .select_related("period", "school")
        .order_by("period__due_on", "school__name")
    )
    late = {}  # per period: does it still take late returns? (asked once each)
    last_opened_on = None  # read when first needed, once for every period
    school_returns = []
    for school_return in candidates:
        period = school_return.period
        if period.due_on >= today:
            school_returns.append(school_return)
        elif not school_return.is_made:
            if period.pk not in late:
                if last_opened_on is None:
                    opened = ReturnPeriod.objects.opened(today)
                    last_opened_on = opened.aggregate(last=Max("opens_on"))["last"]
                late[period.pk] = period.takes_late_returns(today, last_opened_on)
            if late[period.pk] or period.due_on >= today - timedelta(days=chase_days()):
                school_returns.append(school_return)
    return DashboardPanel(
        title=_("Reduced-timetable returns"),
        template_name="returns/panels/open_returns.html",
        context={"school_returns": school_returns, "today": today},
        order=5,
    )


@hooks.register("register_demo_content")
def demo_returns():
    return seed_returns()


demo_returns.order = 74

# Its records past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# After the forms' entries on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=20)


AGENDA_LINES = 10


def _pupil_on_agenda(identifier):
    """Initials as the return holds them; a UPN by its last four characters only, for the
    agenda is read by everyone at the meeting."""
    if any(character.isdigit() for character in identifier):
        return _("UPN ending %(last)s") % {"last": identifier[-4:]}
    return identifier


@hooks.register(SUPPORT_AGENDA_HOOK)
def reduced_timetables_for_agenda(school, today):
    """A targeting support meeting's agenda (shared.support_agenda): the pupils on reduced
    timetables in the school's latest return sent. Two queries."""
    latest = (
        SchoolReturn.objects.filter(
            school=school, status__in=SchoolReturn.MADE, period__opens_on__lte=today
        )
        .select_related("period")
        .order_by("-period__opens_on")
        .first()
    )
    if latest is None:
        return AgendaSection(
            key="returns",
            title=str(_("Pupils on reduced timetables")),
            count=0,
            lines=[str(_("The school has not sent a reduced-timetable return yet."))],
            order=10,
        )
    pupils = list(latest.pupils.order_by("review_on", "pk"))
    lines = [
        _("%(pupil)s, %(year_group)s, review %(review)s")
        % {
            "pupil": _pupil_on_agenda(pupil.pupil),
            "year_group": pupil.get_year_group_display(),
            "review": day(pupil.review_on),
        }
        for pupil in pupils[:AGENDA_LINES]
    ]
    return AgendaSection(
        key="returns",
        title=_("Pupils on reduced timetables: %(period)s") % {"period": latest.period.name},
        count=len(pupils),
        lines=lines or [str(_("Nil return: no pupil on a reduced timetable."))],
        url=reverse("returns_schoolreturn:edit", args=[latest.pk]),
        order=10,
    )
