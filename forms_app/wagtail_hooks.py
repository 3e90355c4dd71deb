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


@hooks.register("register_demo_content")
def demo_form_pages():
    from .demo import seed_form_pages

    return seed_form_pages()


demo_form_pages.order = 60
