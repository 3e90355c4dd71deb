"""Importing attendance figures in a browser: the attendance officer's upload page (and a
file refused as a whole), then the preview of a file with bad rows, each listed with its
row and reason. axe finds nothing at full width or at 320 CSS px."""

import pytest

from tests.attendance.import_files import council_file, council_row
from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def accessible_at_both_widths(page, assert_accessible):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_officer_uploads_a_file_with_errors(page, portal, assert_accessible, tmp_path):
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + "/admin/attendance/imports/")
    assert "Import attendance figures" in page.title()
    accessible_at_both_widths(page, assert_accessible)

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"name,figure\n")
    page.set_input_files("#id_file", str(empty))
    page.get_by_role("button", name="Upload and check").click()
    assert "The first row must name the columns" in page.locator("main").inner_text()
    accessible_at_both_widths(page, assert_accessible)

    bad = tmp_path / "figures.csv"
    rows = [council_row("190001"), council_row("999999"), council_row("190001", half=9)]
    bad.write_bytes(council_file(rows))
    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and check").click()
    if (
        "Checked" in page.locator("main").inner_text()
        and "error" not in page.locator("main").inner_text()
    ):
        page.reload()  # the worker was still checking
    main = page.locator("main").inner_text()
    assert "the file has 2 errors" in main
    assert "No school with the URN 999999" in main and "is not a half term" in main
    assert page.get_by_role("button", name="Import").count() == 0
    accessible_at_both_widths(page, assert_accessible)
