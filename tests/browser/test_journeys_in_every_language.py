"""Each public journey done end to end in each of the portal's five languages, in a real
browser: from the translated start page to a reference, every step in that language
(`<html lang>`), axe clean with and without its errors, and the submission kept with the
applicant's language. Buttons are found by their names in the visitor's language, taken
from the catalogues, so an untranslated button fails."""

from datetime import date, timedelta

import pytest
from django.utils import translation

from forms_app.models import FormPage, Submission
from tests.browser import test_forms_ehe as ehe
from tests.browser.test_forms_licensing import as_clicked
from tests.browser.test_forms_licensing import fill as fill_named
from tests.forms_app.licensing_fixtures import chaperone_answers, licence_answers, permit_answers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = ["en", "cy", "pl", "ro", "ur"]


def in_language(code, text):
    with translation.override(code):
        return translation.gettext(text)


def ehe_steps():
    """(path, fill, must answer): the home education steps, typed by their fields' ids."""
    return [
        (
            path,
            lambda page, typed=typed, clicks=clicks: ehe.fill(page, typed, clicks),
            path != "step/reasons/",
        )
        for path, typed, clicks in ehe.STEPS
    ]


def named_steps(answers):
    """The licensing journeys' steps, answered by their fields' names."""
    return [
        (path, lambda page, data=data: fill_named(page, data), bool(data)) for path, data in answers
    ]


JOURNEYS = {
    "home-education": ("ehe_registration", ehe_steps),
    "child-work-permit": ("employment_permit", lambda: named_steps(as_clicked(permit_answers()))),
    "performance-licence": (
        "performance_licence",
        # Far enough ahead that the journey asks no "why so late" question.
        lambda: named_steps(licence_answers(first=date.today() + timedelta(days=40))),
    ),
    "chaperone-approval": ("chaperone_approval", lambda: named_steps(chaperone_answers())),
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("slug", list(JOURNEYS))
def test_the_journey_in_each_language(page, portal, assert_accessible, slug, code):
    journey, steps = JOURNEYS[slug]
    start = portal + ("" if code == "en" else f"/{code}") + f"/forms/{slug}/"

    def on_step(path):
        assert page.url == start + path, (page.url, path)
        assert page.locator("html").get_attribute("lang") == code, path
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ur" else "ltr")
        assert_accessible(page)

    def press(name):
        with page.expect_navigation():
            page.get_by_role("button", name=in_language(code, name), exact=True).click()

    page.goto(start)
    on_step("")
    # The start page is the translated page: its heading is not the English one.
    heading = page.locator("h1").inner_text()
    english_title = FormPage.objects.get(slug=slug, locale__language_code="en").title
    assert (heading == english_title) == (code == "en"), heading
    press("Start now")
    for path, answer, must_answer in steps():
        on_step(path)
        if must_answer:  # sent empty, the step says what is missing, in the same language
            press("Continue")
            assert page.title().startswith(in_language(code, "Error:")), path
            assert page.locator(".govuk-error-summary").is_visible()
            assert page.locator("html").get_attribute("lang") == code
            assert_accessible(page)
        answer(page)
        press("Continue")
    on_step("check-your-answers/")
    press("Accept and send application")
    on_step("confirmation/")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    submission = Submission.objects.get(reference=reference, journey=journey)
    assert submission.language == code
    for attachment in submission.attachments.all():  # leave no uploaded files behind
        attachment.file.delete(save=False)
