"""What the penalty notice register registers with Wagtail: its viewset in the
attendance officers' submenu, its permission policy, and its answers to other apps'
hooks (the referral's question, retention, the privacy notice, subject access, the
demo)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.policies import ServicePolicy
from shared.penalty_notices import HOOK_NAME as HISTORY_HOOK
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import personal_data, privacy_notice, tasks
from .admin_views import SERVICE, notice_viewset
from .demo import seed_notices
from .history import notices_for
from .models import PenaltyNotice

# Attendance officers, with Django's permissions. A notice is a statutory record: it is
# withdrawn, never deleted by hand (the retention purge deletes it at the end).
register_permission_policy(PenaltyNotice, ServicePolicy(PenaltyNotice, SERVICE, {"delete"}))


@hooks.register("register_admin_viewset")
def register_viewset():
    # In attendance's "Attendance data" submenu (its menu_hook), when that app is there.
    return notice_viewset


# The referral asks how many notices this parent has had for this child.
hooks.register(HISTORY_HOOK, notices_for)


@hooks.register("register_demo_content")
def demo_notices():
    return seed_notices()


# Before the demo referrals (72), which are checked against the register when sent.
demo_notices.order = 71

hooks.register(RETENTION_HOOK, tasks.retention_report)
# After the attendance service's entries (35).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=36)
hooks.register(PERSONAL_DATA_HOOK, personal_data.find_notices)
