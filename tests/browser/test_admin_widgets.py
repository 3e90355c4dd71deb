"""Wagtail's inline panels and date pickers start under the portal's Content-Security-
Policy, which refuses inline scripts: the `page` fixture fails a test on any script it
refuses, and these screens had some (shared/templates/wagtailadmin/ leaves their
arguments as data; shared/static/shared/admin-init.js starts them)."""

import pytest

from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUPERUSER = "admin@demo.wyvernshire.example"


def test_a_course_gets_another_session_in_the_page_editor(page, portal):
    from training.models import CoursePage

    course = CoursePage.objects.filter(locale__language_code="en").first()
    before = course.sessions.count()
    sign_in_to_admin(page, portal, SUPERUSER)
    page.goto(f"{portal}/admin/pages/{course.pk}/edit/")
    forms = page.locator("#id_sessions-FORMS > *")
    shown = forms.count()
    assert shown == before > 0
    page.get_by_role("button", name="Add session").click()
    assert forms.count() == shown + 1  # the panel started: its button adds a form
    new = f"#id_sessions-{shown}-starts_at"
    page.click(new)
    # The new form's date and time picker started too (its calendar opens). No axe here:
    # the editor and its picker are Wagtail's, not the portal's pages.
    page.locator(".xdsoft_datetimepicker:visible").wait_for()


def test_a_school_users_school_is_chosen_in_the_chooser(page, portal):
    from portal.models import Membership

    membership = Membership.objects.select_related("school").first()
    sign_in_to_admin(page, portal, SUPERUSER)
    page.goto(f"{portal}/admin/snippets/portal/membership/edit/{membership.pk}/")
    assert membership.school.name in page.locator("#id_school-chooser").inner_text()
    # The chooser's own "choose another school" button (in its actions menu), clicked.
    page.evaluate(
        "document.querySelector('#id_school-chooser [data-chooser-action-choose]').click()"
    )
    # The chooser started: its button opens the modal listing the schools.
    page.locator(".modal-content").get_by_text(membership.school.name).first.wait_for()
