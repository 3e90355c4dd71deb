from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.dashboard import HOOK_NAME
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import personal_data, tasks
from .admin_views import SubmissionPermissionPolicy, submission_viewset
from .demo import seed_form_pages
from .demo_referrals import seed_referrals
from .demo_submissions import seed_subject_access_person, seed_submissions
from .journeys import registry
from .models import Submission
from .school_referrals import referrals_panel

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


hooks.register(PERSONAL_DATA_HOOK, personal_data.find_drafts)

# Its records past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# Each journey's entry, first on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, registry.notice_entries, order=10)
