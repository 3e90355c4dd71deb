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
