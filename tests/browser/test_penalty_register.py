"""The penalty notice register in a browser: the attendance officer reads the list, a
notice's page (the parent's other notice for the child, and no further notice allowed),
the demo referral whose school declared fewer notices than the register holds (its
register section and warning), and starts a notice from it, refused as a third in three
years. axe finds nothing on any of these pages, full width and 320px wide."""

from datetime import date, timedelta

import pytest

from forms_app.models import Submission
from penalty_notices.models import PenaltyNotice
from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}
OFFICER = "attendance.officer@demo.wyvernshire.example"


def shown_messages(page):
    # Wagtail fades its message in: axe measures contrast once it is fully shown.
    page.wait_for_function(
        "() => { const shown = document.querySelector('.messages > ul');"
        " return shown && getComputedStyle(shown).opacity === '1'; }"
    )


def both_widths(page, assert_accessible):
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.set_viewport_size(WIDE)


def test_the_officer_reads_the_register_and_a_notice(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + "/admin/penalty_notices_notice/")
    text = page.locator("main").inner_text().lower()  # the status tags are in capitals
    assert "kai morgan" in text and "withdrawn" in text and "prosecuted" in text
    both_widths(page, assert_accessible)

    latest = PenaltyNotice.objects.filter(child_first_name="Kai").order_by("-issued_on").first()
    page.get_by_role("link", name=latest.number).click()
    text = page.locator("main").inner_text()
    assert "No further penalty notice" in text and "Beechfield Primary School" in text
    both_widths(page, assert_accessible)


def test_the_referral_s_register_section_and_a_notice_started_from_it(
    page, portal, assert_accessible
):
    referral = Submission.objects.get(
        journey="attendance_referral", answers__pupil__first_name="Kai"
    )
    assert "penalty_register" in referral.flags
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + f"/admin/forms_app_submission/inspect/{referral.pk}/")
    section = page.locator("#penalty-register").inner_text()
    assert "The register and the school disagree." in section
    assert "What the school declared" in section
    both_widths(page, assert_accessible)

    page.get_by_role("link", name="Add a notice to the register from this referral").click()
    assert page.locator("#id_child_first_name").input_value() == "Kai"
    assert page.locator("#id_referral_reference").input_value() == referral.reference
    both_widths(page, assert_accessible)
    today = date.today()
    page.fill("#id_offence_from", (today - timedelta(days=60)).isoformat())
    page.fill("#id_offence_to", (today - timedelta(days=10)).isoformat())
    page.fill("#id_issued_on", (today - timedelta(days=2)).isoformat())
    page.fill("#id_amount", "160")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state()
    shown_messages(page)
    text = page.locator("main").inner_text()
    assert "a further notice cannot be issued" in text  # a third in three years
    assert page.locator("#id_child_first_name").input_value() == "Kai"  # kept as typed
    both_widths(page, assert_accessible)
    assert PenaltyNotice.objects.filter(child_first_name="Kai").count() == 2
