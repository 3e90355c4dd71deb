"""What the children missing education app registers with Wagtail: the pupil tracking
officers' queue and any officer's referral screen, the permission policy of its
records, the partner dashboard's panel, and its answers to other apps' hooks (roll
changes, the demo, privacy, retention)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from portal.policies import ServicePolicy
from shared.admin_parts import MenuItemFor
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK
from shared.roll_changes import HOOK_NAME as ROLL_CHANGES_HOOK

from . import personal_data, privacy_notice, services, tasks
from .access import SERVICE, may_refer, may_work
from .admin_views import cases, referral
from .demo import seed_cases
from .models import Case, CaseEvent, Enquiry
from .views import open_cases_for

# Cases are opened by a notice or a referral, never added in the admin, and never deleted
# there (the retention purge and erasure delete them); the history is written, not edited.
register_permission_policy(Case, ServicePolicy(Case, SERVICE, {"add", "delete"}))
register_permission_policy(Enquiry, ServicePolicy(Enquiry, SERVICE, {"delete"}))
register_permission_policy(
    CaseEvent, ServicePolicy(CaseEvent, SERVICE, {"add", "change", "delete"})
)


@hooks.register("register_admin_urls")
def register_urls():
    base = "missing_education/"
    return [
        path(base, cases.queue_view, name="missing_education_cases"),
        path(f"{base}cases.csv", cases.queue_csv, name="missing_education_csv"),
        path(f"{base}refer/", referral.refer_view, name="missing_education_refer"),
        path(f"{base}refer/sent/", referral.referred_view, name="missing_education_referred"),
        path(f"{base}<int:pk>/", cases.case_view, name="missing_education_case"),
        path(f"{base}<int:pk>/enquiry/", cases.enquiry_view, name="missing_education_enquiry"),
        path(
            f"{base}<int:pk>/next-step/", cases.next_step_view, name="missing_education_next_step"
        ),
        path(f"{base}<int:pk>/assign/", cases.assign_view, name="missing_education_assign"),
        path(f"{base}<int:pk>/removal/", cases.removal_view, name="missing_education_removal"),
        path(f"{base}<int:pk>/outcome/", cases.outcome_view, name="missing_education_outcome"),
    ]


@hooks.register("register_admin_menu_item")
def queue_menu_item():
    return MenuItemFor(
        _("Children missing education"),
        reverse("missing_education_cases"),
        shown_to=may_work,
        icon_name="user",
        order=240,
    )


def _refers_only(user):
    # The officers who work the queue refer from it; everyone else has this item.
    return may_refer(user) and not may_work(user)


@hooks.register("register_admin_menu_item")
def refer_menu_item():
    return MenuItemFor(
        _("Refer a child missing education"),
        reverse("missing_education_refer"),
        shown_to=_refers_only,
        icon_name="user",
        order=241,
    )


# --- Schools: the partner dashboard's panel -------------------------------------------


@hooks.register(DASHBOARD_PANEL_HOOK)
def missing_education_panel(request):
    """For the staff who act for a school (not governors): the open cases of pupils who
    left it, and what the council needs from the school."""
    found = open_cases_for(request.user)
    if not found:
        return None
    return DashboardPanel(
        title=_("Children missing education"),
        template_name="missing_education/panels/cases.html",
        context={
            "cases": found,
            "several_schools": len({case.last_school_id for case in found}) > 1,
        },
        order=18,
    )


# --- Answers to other apps' hooks ---------------------------------------------------

# A school's roll-change notice of a pupil gone with no known destination (forms_app).
hooks.register(ROLL_CHANGES_HOOK, services.open_from_notice)


@hooks.register("register_demo_content")
def demo_missing_education():
    return seed_cases()


# After the schools and accounts.
demo_missing_education.order = 79

hooks.register(RETENTION_HOOK, tasks.retention_report)

# After attendance's support meetings (35) on the privacy notice.
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=37)

# The child or a parent named on a case, and the staff who worked on it.
hooks.register(PERSONAL_DATA_HOOK, personal_data.find_cases)
hooks.register(PERSONAL_DATA_HOOK, personal_data.find_staff)
