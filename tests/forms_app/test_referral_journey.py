"""The attendance referral through the HTTP client: the whole journey, each error the
issue names, and who may use it."""

from datetime import date, timedelta

import pytest
from django.core import mail

from forms_app.models import Draft, Submission, SubmissionEvent
from portal.factories import MembershipFactory

from .conftest import Applicant
from .referral_fixtures import *  # noqa: F403  (the referral page and users)
from .referral_fixtures import answer_all, day, referral_answers


def answers_until(school, stop):
    """The answers before the step at `stop`."""
    answers = referral_answers(school)
    paths = [path for path, _data in answers]
    return answers[: paths.index(stop)]


def test_a_school_user_refers_a_pupil(
    referrer, school, school_user, django_capture_on_commit_callbacks
):
    answer_all(referrer, referral_answers(school))
    check = referrer.get("check-your-answers/").content.decode()
    assert "Kai" in check and "H801200001001" in check and "Year 6" in check
    assert "Alderbrook Primary" in check
    assert "What the absence figures show" not in check  # explanation pages add no section
    assert "Accept and send referral" in check and "application" not in check
    with django_capture_on_commit_callbacks(execute=True):
        response = referrer.post("check-your-answers/", {})
    assert response["Location"].endswith("confirmation/")
    submission = Submission.objects.get()
    assert submission.reference.startswith("ATT-") and submission.service == "attendance"
    assert submission.school == school and submission.submitted_by == school_user
    assert submission.submitter_email == school_user.email
    assert not submission.flagged
    assert any("we have your referral" in message.subject for message in mail.outbox)
    assert "Attendance 70.0% (absent from 30.0% of sessions)" in submission.findings
    assert "Persistent absence: 10% or more of sessions missed" in submission.findings
    assert any(f.startswith("National threshold met: 16") for f in submission.findings)
    assert any(
        f.startswith("First penalty notice: £80 within 21 days") for f in submission.findings
    )
    assert submission.attachments.count() == 1
    assert SubmissionEvent.objects.filter(submission=submission, kind="submitted").exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["attendance@portal.invalid", school_user.email]
    assert submission.reference in referrer.get("confirmation/").content.decode()


def test_the_absence_result_explains_the_figures(referrer, school):
    answer_all(referrer, answers_until(school, "step/absence_result/"))
    page = referrer.get("step/absence_result/").content.decode()
    assert "70.0%" in page and "Persistent absence" in page
    assert "threshold for considering a penalty notice is met" in page
    assert "16 unauthorised sessions" in page


def test_submitting_twice_makes_one_referral(referrer, school):
    answer_all(referrer, referral_answers(school))
    first = referrer.post("check-your-answers/", {})
    second = referrer.post("check-your-answers/", {})
    assert first["Location"] == second["Location"]
    assert Submission.objects.count() == 1


# --- errors -----------------------------------------------------------------------------


def errors_on(referrer, path, data):
    response = referrer.post(path, data)
    assert response.status_code == 200, response.get("Location")
    page = response.content.decode()
    assert "<title>Error: " in page and "govuk-error-summary" in page
    return page


def test_a_forged_school_is_refused(referrer, school, other_school):
    page = errors_on(referrer, "step/school/", {"school": str(other_school.pk)})
    assert "Select one of the schools you act for" in page
    assert Submission.objects.count() == 0


def test_the_only_school_is_chosen_already(referrer, school):
    page = referrer.get("step/school/").content.decode()
    assert (
        f'value="{school.pk}" checked' in page
        or f'checked value="{school.pk}"' in page
        or ("checked" in page and str(school.pk) in page)
    )


@pytest.mark.parametrize(
    "upn, message",
    [
        ("H80120000100", "must be 13 characters"),
        ("H8012000010X1", "a letter, then 11 numbers"),
        ("A801200001001", "This is not a valid UPN"),
    ],
)
def test_a_bad_upn(referrer, school, upn, message):
    data = dict(referral_answers(school)[1][1], upn=upn)
    page = errors_on(referrer, "step/pupil/", data)
    assert message in page
    assert 'value="Kai"' in page  # what was typed is kept


def absence(**changes):
    data = {
        **day("period_from", "2026-09-07"),
        **day("period_to", "2026-11-20"),
        "possible": "100",
        "attended": "70",
        "code_g": "0",
        "code_n": "12",
        "code_o": "4",
        "code_u": "0",
    }
    data.update(changes)
    return data


def test_absence_errors(referrer, school):
    future = (date.today() + timedelta(days=10)).isoformat()
    page = errors_on(referrer, "step/absence/", absence(**day("period_to", future)))
    assert "The last day of the period must be today or in the past" in page
    page = errors_on(referrer, "step/absence/", absence(**day("period_to", "2026-09-01")))
    assert "must be the same as or after the first" in page
    page = errors_on(referrer, "step/absence/", absence(attended="120"))
    assert "Sessions attended must be no more than the 100 possible sessions" in page
    page = errors_on(referrer, "step/absence/", absence(code_n="40"))
    assert "add up to 44, but the pupil missed only 30 sessions" in page


def test_dates_must_add_up_to_the_counts(referrer, school):
    answers = answers_until(school, "step/absence_dates/add/")
    answer_all(referrer, answers)
    # One run of 5 days (10 sessions of N) where 12 of N and 4 of O were given.
    referrer.answer(
        "step/absence_dates/add/",
        {
            **day("first_day", "2026-10-05"),
            **day("last_day", "2026-10-09"),
            "part": "both",
            "code": "N",
        },
    )
    page = errors_on(referrer, "step/absence_dates/", {"add_another": "no"})
    assert "code N: the dates give 10 sessions, you said 12" in page
    assert "code O: the dates give 0 sessions, you said 4" in page
    # Check answers is out of reach until the list adds up.
    response = referrer.get("check-your-answers/")
    assert response["Location"].endswith("step/absence_dates/")


def test_a_date_outside_the_period(referrer, school):
    answer_all(referrer, answers_until(school, "step/absence_dates/add/"))
    page = errors_on(
        referrer,
        "step/absence_dates/add/",
        {
            **day("first_day", "2026-09-01"),
            **day("last_day", "2026-09-08"),
            "part": "both",
            "code": "N",
        },
    )
    assert "The dates must be within the period, 7 September 2026 to 20 November 2026" in page
    page = errors_on(
        referrer,
        "step/absence_dates/add/",
        {
            **day("first_day", "2026-10-24"),
            **day("last_day", "2026-11-01"),
            "part": "both",
            "code": "N",
        },
    )
    assert "These dates include no school days" in page


def test_a_third_penalty_notice_is_refused(referrer, school):
    answer_all(referrer, answers_until(school, "step/request/"))
    page = errors_on(
        referrer, "step/request/", {"request": "penalty_notice", "previous_notices": "2"}
    )
    assert "another cannot be issued. Choose another route, such as prosecution" in page
    referrer.answer("step/request/", {"request": "penalty_notice", "previous_notices": "1"})
    page = referrer.get("step/outcome/").content.decode()
    assert "A second notice is £160 from the start" in page


def test_legal_action_without_support_asks_why(referrer, school):
    answer_all(referrer, answers_until(school, "step/support/"))
    referrer.answer("step/support/", {"support": ["none"]})
    referrer.answer("step/request/", {"request": "prosecution_444_1", "previous_notices": "0"})
    outcome = referrer.get("step/outcome/").content.decode()
    assert "You have not recorded any support" in outcome
    assert referrer.answer("step/outcome/", {}).endswith("step/no_support/")
    page = errors_on(referrer, "step/no_support/", {"reason": ""})
    assert "Explain why legal action is right without offering support first" in page
    assert referrer.answer(
        "step/no_support/", {"reason": "The family refused every meeting."}
    ).endswith("step/safeguarding/")


def test_none_and_support_together_is_an_error(referrer, school):
    page = errors_on(referrer, "step/support/", {"support": ["none", "early_help"]})
    assert "or select that there was none, not both" in page
    page = errors_on(referrer, "step/support/", {"support": ["other"], "other_support": ""})
    assert "Enter what the other support was" in page


def test_agencies_none_stands_alone_and_other_needs_a_name(referrer, school):
    page = errors_on(referrer, "step/agencies/", {"agencies": ["none", "police"]})
    assert "or select none of these, not both" in page
    page = errors_on(referrer, "step/agencies/", {"agencies": ["other"], "other_agency": ""})
    assert "Enter the name of the other agency" in page


def test_a_safeguarding_yes_shows_the_dsl_page_and_flags(referrer, school):
    answers = referral_answers(school)
    for index, (path, data) in enumerate(answers):
        if path == "step/safeguarding/":
            answers[index] = (path, dict(data, missing="yes"))
            answers.insert(index + 1, ("step/dsl/", {}))
            break
    answer_all(referrer, answers[: [p for p, _d in answers].index("step/dsl/")])
    dsl = referrer.get("step/dsl/").content.decode()
    assert "designated safeguarding lead (DSL) must" in dsl
    answer_all(referrer, answers[[p for p, _d in answers].index("step/dsl/") :])
    referrer.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.flagged
    assert "Safeguarding – yes: Has the pupil had missing episodes?" in submission.findings


def test_parents_need_one_with_parental_responsibility(referrer, school):
    answer_all(referrer, answers_until(school, "step/parents/add/"))
    referrer.answer(
        "step/parents/add/",
        {
            "first_name": "Lee",
            "last_name": "Morgan",
            "relationship": "other",
            "parental_responsibility": "no",
        },
    )
    page = errors_on(referrer, "step/parents/", {"add_another": "no"})
    assert "at least one parent or carer with parental responsibility" in page


# --- who may use it ---------------------------------------------------------------------


def test_anonymous_visitors_are_asked_to_sign_in(client, referral_page):
    start = client.get(referral_page.url).content.decode()
    assert "Sign in to start" in start and "/portal/sign-in/?next=" in start
    response = client.get(referral_page.url + "step/school/")
    assert response.status_code == 302 and "/portal/sign-in/" in response["Location"]
    assert client.post(referral_page.url + "check-your-answers/", {}).status_code == 302
    assert Draft.objects.count() == 0


def test_a_governor_cannot_make_a_referral(client, referral_page, governor):
    client.force_login(governor)
    for path in ("", "step/school/", "check-your-answers/"):
        response = client.get(referral_page.url + path)
        assert response.status_code == 403
        assert (
            "headteacher, attendance lead, designated safeguarding lead"
            in response.content.decode()
        )
    assert client.post(referral_page.url + "step/school/", {"school": "1"}).status_code == 403
    assert Draft.objects.count() == 0


def test_an_officer_cannot_make_a_referral(client, referral_page, attendance_officer):
    client.force_login(attendance_officer)
    assert client.get(referral_page.url + "step/school/").status_code == 403


def test_a_draft_belongs_to_its_user(client, referrer, referral_page, school, other_school_user):
    answer_all(referrer, referral_answers(school)[:2])
    draft = Draft.objects.get()
    session = client.session
    token = session[f"forms:{referral_page.journey}:draft"]
    # Another school's user, somehow holding the same token, does not get the draft.
    client.force_login(other_school_user)
    session = client.session
    session[f"forms:{referral_page.journey}:draft"] = token
    session.save()
    page = client.get(referral_page.url + "step/pupil/").content.decode()
    assert "Kai" not in page
    assert draft.user.email == "lead@alderbrook.example"


def test_save_and_return_only_for_the_same_user(
    client, referrer, referral_page, school, other_school_user, django_capture_on_commit_callbacks
):
    answer_all(referrer, referral_answers(school)[:1])
    referrer.post("step/pupil/", dict(referral_answers(school)[1][1], save=""))
    with django_capture_on_commit_callbacks(execute=True):
        response = referrer.post("save/", {"email": "lead@alderbrook.example"})
    assert response.status_code == 200
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/continue/" in line)
    path = link.split("localhost", 1)[1]
    client.force_login(other_school_user)
    assert client.get(path).status_code == 404
    client.logout()
    assert "/portal/sign-in/" in client.get(path)["Location"]


def test_a_question_added_by_the_form_says_what_to_choose_too(referrer, school):
    # Found by the fuzz: the safeguarding questions are added in the form's __init__, and a
    # value that is not yes or no was echoed back in Django's message.
    answer_all(referrer, answers_until(school, "step/safeguarding/"))
    page = errors_on(referrer, "step/safeguarding/", {"prevent": "<b>maybe</b>" * 500})
    assert "<b>maybe</b>" not in page and "&lt;b&gt;maybe" not in page
    assert "Select a valid choice" not in page


# --- answers that must make sense together ----------------------------------------------


def test_possible_sessions_at_most_two_a_school_day(referrer, school):
    # 7 September to 20 November 2026: 50 school days, so 100 sessions at most.
    answer_all(referrer, answers_until(school, "step/absence/"))
    page = errors_on(referrer, "step/absence/", absence(possible="101"))
    assert (
        "There are 50 school days from 7 September 2026 to 20 November 2026 in the "
        "council&#x27;s term dates. A school day has 2 sessions, so there can be at most "
        "100 possible sessions"
    ) in page
    assert referrer.answer("step/absence/", absence(possible="100"))


def test_a_period_outside_the_councils_term_dates(referrer, school):
    answer_all(referrer, answers_until(school, "step/absence/"))
    data = absence(
        **day("period_from", "2025-06-02"), **day("period_to", "2025-06-20"), possible="30"
    )
    data.update(attended="30", code_n="0", code_o="0")
    page = errors_on(referrer, "step/absence/", data)
    assert "These dates are outside the term dates the council has published" in page


def pupil(school, **changes):
    return dict(referral_answers(school)[1][1], **changes)


def test_a_year_group_that_is_not_the_age_group_needs_a_reason(referrer, school):
    answer_all(referrer, answers_until(school, "step/pupil/"))
    first = referrer.get("step/pupil/").content.decode()
    assert "Why is the pupil taught outside their age group?" not in first
    page = errors_on(referrer, "step/pupil/", pupil(school, year_group="year_5"))
    assert "so their age group is Year 6, not Year 5" in page
    assert "Why is the pupil taught outside their age group?" in page  # asked now
    referrer.answer(
        "step/pupil/",
        pupil(school, year_group="year_5", year_group_reason="Kept back a year for SEN"),
    )
    answer_all(referrer, referral_answers(school)[2:])
    check = referrer.get("check-your-answers/").content.decode()
    assert "Kept back a year for SEN" in check
    referrer.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert (
        "Taught outside their age group: in Year 5, where their age puts them in Year 6. "
        "The school says: Kept back a year for SEN"
    ) in submission.findings


def test_a_reason_is_not_kept_when_the_year_group_is_the_age_group(referrer, school):
    answer_all(referrer, referral_answers(school))
    referrer.answer("step/pupil/", pupil(school, year_group_reason="Not needed"))
    check = referrer.get("check-your-answers/").content.decode()
    assert "Not needed" not in check
    assert "Why is the pupil taught outside their age group?" not in check


def test_the_declaration_is_made_in_the_role_held(referrer, school, school_user):
    answer_all(referrer, answers_until(school, "step/declaration/"))
    page = referrer.get("step/declaration/").content.decode()
    assert "Pat Example" in page and "Attendance lead" in page
    assert 'name="name"' not in page and 'name="role"' not in page  # shown, not typed
    # An attendance lead claiming to be the headteacher is refused.
    page = errors_on(
        referrer,
        "step/declaration/",
        {"name": "Priya Shah", "role": "headteacher", "confirm": "on"},
    )
    assert (
        "You make the declaration as yourself, in your role at the school: attendance lead. "
        "You cannot declare in another role"
    ) in page
    referrer.answer("step/declaration/", {"name": "Priya Shah", "confirm": "on"})
    referrer.post("check-your-answers/", {})
    declaration = Submission.objects.get().answers["declaration"]
    assert declaration == {"name": "Pat Example", "role": "attendance_lead", "confirm": True}


def test_a_headteacher_declares_as_the_headteacher(client, referral_page, school):
    head = MembershipFactory(
        school=school, role="headteacher", user__email="head@alderbrook.example",
        user__first_name="Priya", user__last_name="Shah",
    ).user  # fmt: skip
    client.force_login(head)
    answer_all(Applicant(client, referral_page), referral_answers(school))
    Applicant(client, referral_page).post("check-your-answers/", {})
    declaration = Submission.objects.get().answers["declaration"]
    assert declaration["name"] == "Priya Shah" and declaration["role"] == "headteacher"
