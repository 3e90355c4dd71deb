"""Training in the admin (sessions, registers, feedback, audiences), on the partner
dashboard (your bookings and your school's), in the self-assessment's help, and in the
demo."""

from datetime import timedelta

from django.db.models import Min, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.localize import in_active_language
from portal import access
from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from portal.models import Membership
from shared import times
from shared.admin_parts import MenuItemFor, NarrowScreenListing
from shared.help_links import HOOK_NAME as HELP_HOOK
from shared.help_links import HelpLink
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import admin_views, personal_data, privacy_notice, tasks
from .demo import seed_training
from .links import manage_token
from .models import Audience, Booking, CoursePage, TrainingIndexPage

# Heads and attendance leads see every booking made for their school.
SCHOOL_LEAD_ROLES = (Membership.Role.HEADTEACHER, Membership.Role.ATTENDANCE_LEAD)
RECENT = timedelta(days=90)


@hooks.register("register_admin_urls")
def training_admin_urls():
    return [
        path("training/sessions/", admin_views.session_list, name="training_sessions"),
        path("training/sessions/<int:pk>/", admin_views.register, name="training_register"),
        path(
            "training/sessions/<int:pk>/email/", admin_views.email_attendees, name="training_email"
        ),
        path("training/sessions/<int:pk>/export/", admin_views.export_csv, name="training_export"),
        path("training/feedback/", admin_views.feedback_report, name="training_feedback"),
    ]


class AudienceViewSet(NarrowScreenListing, SnippetViewSet):
    """Who courses are for, as snippets: editors translate their names (courses keep
    pointing at the English ones)."""

    model = Audience
    icon = "group"


register_snippet(AudienceViewSet)


@hooks.register("register_admin_menu_item")
def training_menu_item():
    return MenuItemFor(
        _("Training sessions"),
        reverse("training_sessions"),
        icon_name="date",
        order=220,
        shown_to=admin_views.may_run_sessions,
    )


def _with_links(bookings):
    for booking in bookings:
        booking.manage_path = reverse("training:manage", args=[manage_token(booking)])
    return bookings


@hooks.register(DASHBOARD_PANEL_HOOK)
def bookings_panel(request):
    user = request.user
    since = timezone.now() - RECENT
    recent = Booking.objects.filter(session__starts_at__gte=since).select_related(
        "session__course", "school"
    )
    own = _with_links(
        list(
            recent.filter(Q(user=user) | Q(email=user.email.lower()))
            .exclude(status=Booking.Status.CANCELLED)
            .order_by("session__starts_at")
        )
    )
    lead_schools = list(
        Membership.objects.filter(
            user=user, role__in=SCHOOL_LEAD_ROLES, school_id__in=access.school_ids_acting_for(user)
        ).values_list("school_id", flat=True)
    )
    school = []
    if lead_schools:
        school = list(
            recent.filter(school_id__in=lead_schools, status__in=Booking.ACTIVE)
            .exclude(pk__in=[b.pk for b in own])
            .order_by("session__starts_at", "name")
        )
    return DashboardPanel(
        title=_("Training bookings"),
        template_name="training/panels/bookings.html",
        context={
            "own": own,
            "school": school,
            "is_lead": bool(lead_schools),
            "index": TrainingIndexPage.objects.live().first(),
        },
        order=60,
    )


@hooks.register(HELP_HOOK)
def courses_for_areas(request, area_ids):
    """Live courses tagged with these areas that have an upcoming session, with the date
    of the next one (two queries, plus the site's root paths once per request)."""
    now = timezone.now()
    through = CoursePage.assessment_areas.through
    tags = list(
        through.objects.filter(assessmentarea_id__in=area_ids).values_list(
            "assessmentarea_id", "coursepage_id"
        )
    )
    if not tags:
        return []
    courses = {
        course.pk: course
        for course in CoursePage.objects.live()
        .filter(pk__in={course_id for _area, course_id in tags})
        .annotate(next_start=Min("sessions__starts_at", filter=Q(sessions__starts_at__gt=now)))
        .filter(next_start__isnull=False)
        .defer("description", "outcomes")
    }
    # Sessions belong to the courses in the default language (a translation books its
    # source's sessions); each is named and linked in the visitor's language.
    shown = dict(zip(courses, in_active_language(courses.values()), strict=True))
    links = []
    for area_id, course_id in tags:
        course = courses.get(course_id)
        if course is None:
            continue
        links.append(
            HelpLink(
                area_id=area_id,
                kind="training",
                title=shown[course_id].title,
                url=shown[course_id].get_url(request),
                detail=_("Next session: %(date)s") % {"date": times.day(course.next_start)},
            )
        )
    return links


@hooks.register("register_demo_content")
def demo_training():
    return seed_training()


demo_training.order = 80


hooks.register(PERSONAL_DATA_HOOK, personal_data.find_bookings)

# Its records past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# After the self-assessments' entry on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=40)
