"""An EHE officer's casework in a browser: the queue shows why records are flagged (a tag
per reason), the record says it too, and a status that emails the parent shows the email
and waits for "Send decision". axe finds nothing on any of these pages."""

import pytest

from forms_app.models import Submission
from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EHE_OFFICER = "ehe.officer@demo.wyvernshire.example"
QUEUE = "/admin/forms_app_submission/"


def shown_messages(page):
    # Wagtail fades its message in: axe measures contrast once it is fully shown.
    page.wait_for_function(
        "() => { const shown = document.querySelector('.messages > ul');"
        " return shown && getComputedStyle(shown).opacity === '1'; }"
    )


def test_flags_in_the_queue_and_a_decision_confirmed(page, portal, assert_accessible):
    flagged = (
        Submission.objects.filter(journey="ehe_registration", flags__icontains='"consent"')
        .exclude(status="education_suitable")
        .first()
    )
    assert flagged is not None, "the demo has a home education notice needing consent"
    sign_in_to_admin(page, portal, EHE_OFFICER)

    page.goto(portal + QUEUE)
    header = page.locator("main thead").inner_text()
    assert "Flagged" in header and "Outcome" not in header
    row = page.locator("main tr", has_text=flagged.reference)
    assert row.locator(".w-status", has_text="Consent needed").count() == 1
    main = page.locator("main").inner_text()
    assert "True" not in main and "False" not in main
    assert_accessible(page)

    # Filtered by the reason (no axe here: Wagtail's filter button, once a filter is on,
    # shows a count its accessible name leaves out).
    page.goto(portal + QUEUE + "?flagged=consent")
    tags = page.locator("main tbody tr")
    assert tags.count() >= 1
    assert tags.count() == page.locator("main tbody tr", has_text="Consent needed").count()

    page.goto(portal + QUEUE + f"inspect/{flagged.pk}/")
    flags = " ".join(page.locator("#flags").text_content().split())  # tags show in capitals
    assert "Read this first. Flagged: Consent needed" in flags
    assert_accessible(page)

    page.select_option("#id_status", label="Education appears suitable")
    page.fill("#id_note", "Thank you for telling us about the education you provide.")
    page.get_by_role("button", name="Save status").click()
    assert page.locator("h1").inner_text().strip() == "Send this decision?"
    assert page.locator("#email-to").inner_text() == flagged.submitter_email
    assert "Education appears suitable" in page.locator("#email-subject").inner_text()
    assert "Thank you for telling us" in page.locator("#email-body").inner_text()
    flagged.refresh_from_db()
    assert flagged.status != "education_suitable"  # nothing changes until it is sent
    assert_accessible(page)

    changes = flagged.events.filter(kind="status").count()
    confirmation = page.locator("main form").last
    action = portal + confirmation.get_attribute("action")
    sent = confirmation.evaluate("form => Object.fromEntries(new FormData(form))")
    with page.expect_navigation():
        page.get_by_role("button", name="Send decision").click()
    shown_messages(page)
    assert "Status changed to Education appears suitable." in page.locator("main").inner_text()
    flagged.refresh_from_db()
    assert flagged.status == "education_suitable"
    assert_accessible(page)

    # The same confirmation sent again (a second press): nothing more changes or goes.
    again = page.request.post(action, form=sent)
    assert again.ok and "Nothing was changed" in again.text()
    assert flagged.events.filter(kind="emailed").count() == 1
    assert flagged.events.filter(kind="status").count() == changes + 1


def test_cancel_leaves_the_record_as_it_was(page, portal):
    notice = Submission.objects.filter(journey="ehe_registration", status="received").first()
    sign_in_to_admin(page, portal, EHE_OFFICER)
    page.goto(portal + QUEUE + f"inspect/{notice.pk}/")
    page.select_option("#id_status", label="Concerns about the education")
    page.get_by_role("button", name="Save status").click()
    page.get_by_role("link", name="Cancel").click()
    assert page.url.endswith(f"/inspect/{notice.pk}/")
    notice.refresh_from_db()
    assert notice.status == "received" and not notice.events.filter(kind="emailed").exists()
