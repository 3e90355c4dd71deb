from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .backoffice import SubmissionPermissionPolicy, submission_viewset
from .models import Submission

register_permission_policy(Submission, SubmissionPermissionPolicy(Submission))


@hooks.register("register_admin_viewset")
def register_submissions():
    return submission_viewset


@hooks.register("register_demo_content")
def demo_submissions():
    from .demo_submissions import seed_submissions

    return seed_submissions()


demo_submissions.order = 70
