"""Training in a real browser, with axe: the index, a course, the booking steps with
errors, manage booking (cancelled, and once its link has expired), and the register in
the admin."""

import pytest

from tests.browser.conftest import shows_errors, sign_in_to_admin
from training.links import manage_token
from training.models import Booking

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_booking_a_course_is_accessible(page, portal, assert_accessible):
    page.goto(portal + "/training/")
    assert_accessible(page)
    page.goto(portal + "/training/?format=online&audience=governors")
    assert_accessible(page)
    page.goto(portal + "/training/using-attendance-data/")
    assert_accessible(page)
    page.locator("a", has_text="Book a place").first.click()
    page.fill("#id_email", "not an email")
    with page.expect_navigation():
        page.click("main button[name=submit]")
    shows_errors(page)
    assert_accessible(page)
    page.fill("#id_name", "Rowan Tester")
    page.fill("#id_email", "rowan@example.com")
    page.check("#id_role_2")
    page.select_option("#id_school", label="Not a school")
    page.click("main button[name=submit]")
    assert "Check your answers" in page.title()
    assert_accessible(page)
    page.click("main button[name=submit]")
    assert "Place booked" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Cancel this booking").click()
    page.wait_for_url("**/cancel/")
    with page.expect_navigation():
        page.click("main button[name=submit]")
    shows_errors(page)
    assert_accessible(page)
    page.check("input[name=confirm][value=yes]")
    with page.expect_navigation():
        page.click("main button[name=submit]")
    assert "This booking is cancelled" in page.content()  # the link now changes nothing
    assert_accessible(page)


def test_manage_an_attended_booking_is_accessible(page, portal, assert_accessible, settings):
    attended = Booking.objects.filter(attendance="attended", feedback__isnull=True).first()
    page.goto(portal + f"/training/bookings/{manage_token(attended)}/")
    assert "certificate" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Tell us what you thought of the session").click()
    page.wait_for_url("**/feedback/")
    with page.expect_navigation():
        page.click("main button[name=submit]")
    shows_errors(page)
    assert_accessible(page)
    # Long after the session the link has expired, and says who to ask instead.
    settings.PORTAL_BOOKING_LINK_DAYS_AFTER = -365
    response = page.goto(portal + f"/training/bookings/{manage_token(attended)}/")
    assert response.status == 410
    assert "This booking link has expired" in page.content()
    assert_accessible(page)


def test_the_register_is_accessible(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, "training.admin@demo.wyvernshire.example")
    page.goto(portal + "/admin/training/sessions/?when=past")
    assert_accessible(page)
    page.locator("table a").first.click()
    page.wait_for_url("**/training/sessions/*/")
    assert "Register" in page.content()
    assert_accessible(page)
