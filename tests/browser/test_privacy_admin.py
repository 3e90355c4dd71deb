"""Information governance in a browser: a subject access search (with an error first),
the one-file download, an erasure (refused without a reason, then done) and the audit
log that records it. axe finds nothing on any of these pages."""

import pytest

from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_subject_access_request_from_search_to_erasure(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, "information.governance@demo.wyvernshire.example")
    page.goto(portal + "/admin/privacy/subject-access/")
    assert_accessible(page)
    page.get_by_role("button", name="Search every service").click()
    assert "Give a name, an email address, or both." in page.locator("main").inner_text()
    assert_accessible(page)

    page.fill("#id_name", "Claire Dawson")
    page.get_by_role("button", name="Search every service").click()
    main = page.locator("main").inner_text()
    assert "Child performance licence, refused" in main
    assert "Elective home education registration, received" in main
    assert "Training" in main and "Child employment permit, not sent" in main
    assert "The case is still open" in main  # the EHE registration is kept
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything as one file (ZIP)").click()
    assert download.value.suggested_filename.startswith("subject-access-")

    row = page.locator("tr", has_text="Child performance licence, refused")
    reference = row.locator("td").first.inner_text()
    row.get_by_role("link").click()
    assert reference in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Delete the submission and its files").click()
    assert "This field is required" in page.locator("main").inner_text()
    assert_accessible(page)
    page.fill("#id_reason", "Erasure request DP-0042 received by email")
    page.get_by_role("button", name="Delete the submission and its files").click()
    main = page.locator("main").inner_text()
    assert f"{reference}: erased" in main
    assert page.locator("tr", has_text=reference).count() == 0
    # Wagtail fades its message in: axe measures contrast once it is fully shown.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.messages > ul')).opacity === '1'"
    )
    assert_accessible(page)

    # Searched, not filtered: Wagtail's filter button, once a filter is on, shows a count
    # that its accessible name leaves out (axe: label-content-name-mismatch).
    page.goto(portal + "/admin/audit_log/?q=" + reference)
    main = page.locator("main").inner_text()
    assert "Erased" in main and "DP-0042" in main
    assert_accessible(page)

    from audit.models import AuditEvent

    erased = AuditEvent.objects.get(action="erased")
    page.goto(portal + f"/admin/audit_log/inspect/{erased.pk}/")
    assert "DP-0042" in page.locator("main").inner_text()
    assert_accessible(page)
