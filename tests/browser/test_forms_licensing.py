"""The licensing journeys in a real browser: the child employment permit, the child
performance licence and chaperone approval. One walk per journey sends it end to end,
checking axe on every page, and on each step's error state, on the way."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forms_app.models import Submission
from tests.browser.conftest import officer_finds, shows_errors, sign_in_to_admin
from tests.forms_app.licensing_fixtures import (
    chaperone_answers,
    day,
    licence_answers,
    performance_day,
    permit_answers,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEMO_PASSWORD = "attendance-demo-2026"
LICENSING_OFFICER = "licensing.officer@demo.wyvernshire.example"


def fill(page, data):
    for name, value in data.items():
        if isinstance(value, SimpleUploadedFile):
            value.seek(0)
            page.set_input_files(
                f'input[type=file][name="{name}"]',
                files=[
                    {"name": value.name, "mimeType": value.content_type, "buffer": value.read()}
                ],
            )
            continue
        field = page.locator(f'[name="{name}"]').first
        kind = field.get_attribute("type")
        if kind == "radio":
            page.check(f'[name="{name}"][value="{value}"]')
        elif kind == "checkbox":
            page.check(f'[name="{name}"]')
        else:
            field.fill(str(value))


def as_clicked(answers):
    """The client tests post each "add" page in turn; a person says yes on the list page
    between them."""
    clicked = []
    for path, data in answers:
        if clicked and path.endswith("/add/") and clicked[-1][0] == path:
            clicked.append((path.removesuffix("add/"), {"add_another": "yes"}))
        clicked.append((path, data))
    return clicked


def go(page, locator):
    """Click, and wait for the page it leads to (every button and link here loads one)."""
    with page.expect_navigation():
        locator.click()


def continue_from(page):
    go(page, page.get_by_role("button", name="Continue", exact=True))


def answer_step(page, start, path, data, assert_accessible):
    """One step: it passes axe empty and with its errors, then is answered."""
    assert page.url == start + path, (page.url, path)
    assert_accessible(page)
    if data:  # a page with something to answer shows errors when sent empty
        continue_from(page)
        shows_errors(page, path)
        assert page.locator(".govuk-error-summary").is_visible()
        assert_accessible(page)
    fill(page, data)
    continue_from(page)


def send(page, start, journey, assert_accessible):
    assert page.url == start + "check-your-answers/"
    assert_accessible(page)
    go(page, page.get_by_role("button", name="Accept and send application"))
    assert page.url == start + "confirmation/"
    assert_accessible(page)
    reference = page.locator(".govuk-panel__body strong").inner_text()
    portal = start.split("/forms/")[0]
    assert officer_finds(page, portal, "licensing.officer@demo.wyvernshire.example", reference)
    return Submission.objects.get(reference=reference, journey=journey)


def begin(page, start, assert_accessible):
    page.goto(start)
    assert_accessible(page)
    go(page, page.get_by_role("button", name="Start now"))


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def test_child_work_permit(page, portal, assert_accessible):
    start = portal + "/forms/child-work-permit/"
    # A school week of 13 hours: one too many, which the hours page says.
    term = [day(name, "16:00", "18:00") for name in WEEKDAYS] + [day("saturday", "09:00", "12:00")]
    answers = as_clicked(permit_answers(age=14, term_days=term))
    begin(page, start, assert_accessible)
    for path, data in answers:
        if path == "step/hours/":
            break
        answer_step(page, start, path, data, assert_accessible)

    # The week's total: an error that links to the list of days.
    answer_step(page, start, "step/hours/", {"holiday_break": "yes"}, assert_accessible)
    assert "at most 12 hours in a school week" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    go(page, page.locator(".govuk-error-summary a", has_text="12 hours"))
    assert page.url == start + "step/term_days/"
    go(page, page.get_by_role("link", name="Remove Saturday"))
    assert_accessible(page)
    go(page, page.get_by_role("button", name="Yes, remove it"))
    for days in ("term_days", "holiday_days"):  # back through both lists to the hours
        assert page.url == start + f"step/{days}/"
        page.check('[name="add_another"][value="no"]')
        continue_from(page)
    answer_step(page, start, "step/hours/", {"holiday_break": "yes"}, assert_accessible)

    for path, data in answers[[p for p, _ in answers].index("step/hours/") + 1 :]:
        answer_step(page, start, path, data, assert_accessible)
    submission = send(page, start, "employment_permit", assert_accessible)
    assert len(submission.answers["term_days"]) == 5

    # The licensing officer approves it and prints the permit.
    submission.status = Submission.Status.APPROVED
    submission.save()
    sign_in_to_admin(page, portal, LICENSING_OFFICER)
    page.goto(portal + f"/forms/permit/{submission.reference}/")
    assert page.locator("h1").inner_text() == "Child employment permit"
    assert "Jamie Clarke" in page.locator("main").inner_text()
    assert_accessible(page)


def test_child_performance_licence(page, portal, assert_accessible):
    start = portal + "/forms/performance-licence/"
    begin(page, start, assert_accessible)

    # First, a child who needs no licence: the exit page, then back to change the answers.
    exempt = {"paid": "no", "misses_school": "no", "days_performed": "1", "body_of_persons": "no"}
    answer_step(page, start, "step/exemption/", exempt, assert_accessible)
    assert page.locator("h1").inner_text() == "The child does not need a licence"
    assert_accessible(page)
    go(page, page.get_by_role("link", name="Change your answers"))

    # Then one who does, misses school, and performs in 10 days: the late warning shows.
    answers = licence_answers(misses_school=True, first=date.today() + timedelta(days=10))
    at = [path for path, _ in answers].index("step/places/")
    answers.insert(at, ("step/late/", {}))
    for path, data in answers:
        if path == "step/exemption/":
            assert page.url == start + path
            fill(page, data)
            continue_from(page)
            continue
        answer_step(page, start, path, data, assert_accessible)
        if path == "step/dates/":
            assert "less than 21 days" in page.locator(".govuk-warning-text").inner_text()
    submission = send(page, start, "performance_licence", assert_accessible)
    assert submission.answers["dates"]["short_notice"] is True
    attachments = list(submission.attachments.all())
    assert sorted(a.kind for a in attachments) == ["pdf", "png"]
    for attachment in attachments:  # leave no files behind
        attachment.file.delete(save=False)


def test_a_licence_day_past_the_latest_time_asks_about_night_work(page, portal, assert_accessible):
    """A day that breaks a limit is refused under its field, naming the date and the
    regulation; a lawful evening past 11pm leads to the night work page, axe clean."""
    start = portal + "/forms/performance-licence/"
    begin(page, start, assert_accessible)
    first = date.today() + timedelta(days=40)
    evening = performance_day(first, arrives="19:30", leaves="23:30", performing="2:00")
    answers = licence_answers(first=first, days=[evening], born=date(2018, 1, 1))
    for path, data in answers[: [path for path, _ in answers].index("step/days/add/")]:
        answer_step(page, start, path, data, assert_accessible)
    fill(page, dict(evening, performing="4:00", longest="4:00"))
    continue_from(page)
    errors = page.locator(".govuk-error-summary").inner_text()
    assert f"{first:%-d %B %Y}: a child aged " in errors and "(regulation 22)" in errors
    assert_accessible(page)
    fill(page, evening)
    continue_from(page)
    answer_step(page, start, "step/days/", {"add_another": "no"}, assert_accessible)
    assert "This is night work" in page.locator("main").inner_text()
    answer_step(
        page, start, "step/night_work/", {"reasons": "The show ends at 11:15pm"}, assert_accessible
    )
    assert page.url == start + "step/safeguarding/"


def test_chaperone_approval(page, portal, assert_accessible):
    start = portal + "/forms/chaperone-approval/"
    begin(page, start, assert_accessible)
    answers = chaperone_answers()
    for path, data in answers:
        answer_step(page, start, path, data, assert_accessible)
        if path == "step/references/add/" and page.url == start + "step/references/":
            assert_accessible(page)  # the list of referees
    submission = send(page, start, "chaperone_approval", assert_accessible)
    assert len(submission.answers["references"]) == 2
