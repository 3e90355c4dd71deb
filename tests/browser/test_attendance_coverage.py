"""The coverage tracker of targeting support meetings in a browser, as the demo attendance
officer: the term's counts and schools, filtered, at full width and 320 CSS px wide. axe
finds nothing on any of these pages."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from attendance.models import SupportMeeting
from attendance.periods import term_on
from portal.models import School
from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_coverage_tracker(page, portal, assert_accessible):
    year, term = term_on(date.today())
    alderbrook = School.objects.get(urn="190001")
    SupportMeeting.objects.update_or_create(
        school=alderbrook,
        year=year,
        term=term,
        defaults={
            "starts_at": timezone.now() - timedelta(days=2),
            "place": "Video call",
            "status": SupportMeeting.Status.HELD,
        },
    )
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + "/admin/attendance/coverage/")
    main = page.locator("main")
    assert "Meetings held:" in main.inner_text() and "By locality" in main.inner_text()
    assert_accessible(page)
    page.select_option("#id_status", "held")
    page.get_by_role("button", name="Show").click()
    schools = main.locator("table").nth(2).inner_text()
    assert "Alderbrook Primary School" in schools
    assert page.input_value("#id_status") == "held"
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(portal + "/admin/attendance/coverage/?status=missing&phase=castle")
    assert page.input_value("#id_status") == "missing"  # the bad phase ignored
    assert_accessible(page)
