from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.dashboard import HOOK_NAME
from shared.admin_parts import MenuItemFor
from shared.penalty_notices import REFERRAL_HOOK_NAME as PENALTY_REFERRAL_HOOK
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK
from shared.support_agenda import HOOK_NAME as SUPPORT_AGENDA_HOOK
from shared.support_agenda import AgendaSection
from shared.times import day

from . import personal_data, roll_change_report, tasks
from .admin_views import SubmissionPermissionPolicy, submission_viewset
from .demo import seed_form_pages
from .demo_referrals import seed_referrals
from .demo_roll_changes import seed_roll_changes
from .demo_submissions import seed_subject_access_person, seed_submissions
from .journeys import registry
from .models import Submission
from .penalty_register import referral_named
from .school_referrals import referrals_panel
from .school_roll_changes import roll_changes_panel

register_permission_policy(Submission, SubmissionPermissionPolicy(Submission))


@hooks.register("register_admin_viewset")
def register_submissions():
    return submission_viewset


@hooks.register("register_demo_content")
def demo_submissions():
    return f"{seed_submissions()}; {seed_subject_access_person()}"


demo_submissions.order = 70


@hooks.register("register_demo_content")
def demo_form_pages():
    return seed_form_pages()


demo_form_pages.order = 60


@hooks.register(HOOK_NAME)
def school_referrals_panel(request):
    return referrals_panel(request)


@hooks.register("register_demo_content")
def demo_referrals():
    return seed_referrals()


demo_referrals.order = 72


hooks.register(PERSONAL_DATA_HOOK, personal_data.find_submissions)


@hooks.register(PENALTY_REFERRAL_HOOK)
def penalty_notice_referral(reference):
    """The penalty notice register starts a new notice from a school's referral."""
    submission = (
        Submission.objects.filter(journey=registry.Journey.ATTENDANCE_REFERRAL, reference=reference)
        .only("reference", "answers", "school_id")
        .first()
    )
    return referral_named(submission) if submission else None


hooks.register(PERSONAL_DATA_HOOK, personal_data.find_drafts)

# Its records past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# Each journey's entry, first on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, registry.notice_entries, order=10)


# A referral still in the attendance team's hands: not yet decided, withdrawn or closed.
OPEN_REFERRAL = (
    Submission.Status.RECEIVED,
    Submission.Status.IN_REVIEW,
    Submission.Status.MORE_INFORMATION,
)
AGENDA_LINES = 10


@hooks.register(SUPPORT_AGENDA_HOOK)
def open_referrals_for_agenda(school, today):
    """A targeting support meeting's agenda (shared.support_agenda): the school's open
    attendance referrals, by reference and status (no pupil's name). One query, two when
    there are more than fit."""
    referrals = Submission.objects.filter(
        journey=registry.Journey.ATTENDANCE_REFERRAL, school=school, status__in=OPEN_REFERRAL
    ).order_by("-created_at")
    shown = list(referrals.values("reference", "status", "created_at")[: AGENDA_LINES + 1])
    count = len(shown) if len(shown) <= AGENDA_LINES else referrals.count()
    statuses = dict(Submission.Status.choices)
    lines = [
        _("%(reference)s: %(status)s (sent %(sent)s)")
        % {
            "reference": row["reference"],
            "status": statuses.get(row["status"], row["status"]),
            "sent": day(row["created_at"]),
        }
        for row in shown[:AGENDA_LINES]
    ]
    return AgendaSection(
        key="referrals",
        title=_("Open attendance referrals"),
        count=count,
        lines=lines or [_("No open referral.")],
        url=reverse("forms_app_submission:index") if count else "",
        order=20,
    )


# --- roll-change notices ---------------------------------------------------------------------


@hooks.register(HOOK_NAME)
def school_roll_changes_panel(request):
    return roll_changes_panel(request)


@hooks.register("register_demo_content")
def demo_roll_changes():
    return seed_roll_changes()


demo_roll_changes.order = 74  # after the form pages and the EHE demo submissions


@hooks.register("register_admin_urls")
def roll_change_report_urls():
    return [
        path("roll-changes/", roll_change_report.report_view, name="forms_app_roll_changes"),
        path(
            "roll-changes/notices.csv",
            roll_change_report.report_csv,
            name="forms_app_roll_changes_csv",
        ),
    ]


@hooks.register("register_admin_menu_item")
def roll_change_report_menu_item():
    return MenuItemFor(
        _("Roll changes"),
        reverse("forms_app_roll_changes"),
        shown_to=roll_change_report.may_report,
        icon_name="table",
        order=212,
    )
