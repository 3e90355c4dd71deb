from django.core import mail

from forms_app.models import Draft, Submission, SubmissionEvent

from .conftest import Applicant


def complete(applicant, answers):
    for path, data in answers.items():
        applicant.answer(path, data)


def test_the_start_page_is_public_and_cached(applicant, ehe_page):
    response = applicant.get()
    assert "Start now" in response.content.decode()
    assert applicant.get()["X-Page-Cache"] == "hit"


def test_a_parent_completes_the_journey(applicant, ehe_answers, django_capture_on_commit_callbacks):
    assert applicant.get("step/child/").status_code == 200
    locations = []
    for path, data in ehe_answers.items():
        locations.append(applicant.answer(path, data))
    assert locations[0].endswith("step/address/")
    assert locations[-1].endswith("check-your-answers/")

    check = applicant.get("check-your-answers/").content.decode()
    assert "Amira" in check and "14 March 2015" in check and "WY1 2AB" in check
    assert "Philosophical or lifestyle reasons, The child&#x27;s health or wellbeing" in check
    assert "Accept and send application" in check

    with django_capture_on_commit_callbacks(execute=True):
        response = applicant.post("check-your-answers/", {})
    assert response["Location"].endswith("confirmation/")
    submission = Submission.objects.get()
    assert submission.service == "ehe" and submission.reference.startswith("EHE-")
    assert submission.answers["child"]["date_of_birth"] == "2015-03-14"
    assert submission.answers["parents"][0]["relationship"] == "mother"
    assert submission.schema_version == 1
    assert SubmissionEvent.objects.filter(submission=submission, kind="submitted").exists()
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["ehe@portal.invalid", "sara@example.com"]
    assert submission.reference in mail.outbox[0].subject + mail.outbox[1].subject

    confirmation = applicant.get("confirmation/").content.decode()
    assert submission.reference in confirmation and "What happens next" in confirmation


def test_submitting_twice_makes_one_submission(applicant, ehe_answers):
    for path, data in ehe_answers.items():
        applicant.answer(path, data)
    first = applicant.post("check-your-answers/", {})
    second = applicant.post("check-your-answers/", {})  # back, then send again
    assert first["Location"] == second["Location"]
    assert Submission.objects.count() == 1


def test_errors_are_shown_and_what_was_typed_is_kept(applicant):
    response = applicant.post(
        "step/child/",
        {
            "first_name": "Amira",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "2015",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: About the child" in page
    assert "Enter the child&#x27;s last name" in page
    assert "must be a real date" in page
    assert 'value="Amira"' in page


def test_branching_skips_consent_for_a_child_never_at_school(applicant, ehe_answers):
    ehe_answers["step/school/"] = {"school_status": "never"}
    del ehe_answers["step/consent/"]
    for path, data in ehe_answers.items():
        applicant.answer(path, data)
    assert "Placements and orders" not in applicant.get("check-your-answers/").content.decode()


def test_consent_needed_routes_to_the_consent_request(applicant, ehe_answers):
    ehe_answers["step/consent/"] = {"special_school": "yes", "attendance_order": "no"}
    paths = list(ehe_answers)
    for path in paths[: paths.index("step/consent/") + 1]:
        location = applicant.answer(path, ehe_answers[path])
    assert location.endswith("step/consent_request/")
    page = applicant.get("step/consent_request/").content.decode()
    assert "cannot take the child off its roll until the council agrees" in page


def test_change_link_returns_to_check_answers(applicant, ehe_answers):
    for path, data in ehe_answers.items():
        applicant.answer(path, data)
    location = applicant.answer(
        "step/address/?change=1",
        {"line_1": "9 New Road", "town": "Wyvernton", "postcode": "WY1 9ZZ"},
    )
    assert location.endswith("check-your-answers/")
    assert "9 New Road" in applicant.get("check-your-answers/").content.decode()


def test_add_another_parent_and_remove_one(applicant, ehe_answers):
    applicant.answer("step/parents/add/", ehe_answers["step/parents/add/"])
    applicant.answer("step/parents/", {"add_another": "yes"})
    applicant.answer(
        "step/parents/add/",
        {
            "first_name": "Omar",
            "last_name": "Khan",
            "relationship": "father",
            "parental_responsibility": "yes",
        },
    )
    page = applicant.get("step/parents/").content.decode()
    assert "You have added 2 parents or carers" in page and "Omar Khan" in page
    applicant.answer("step/parents/1/remove/", {})
    assert "Omar Khan" not in applicant.get("step/parents/").content.decode()


def test_add_another_needs_an_answer(applicant, ehe_answers):
    applicant.answer("step/parents/add/", ehe_answers["step/parents/add/"])
    page = applicant.post("step/parents/", {}).content.decode()
    assert "Select yes if you need to add another" in page


def test_check_answers_sends_an_incomplete_journey_back(applicant, ehe_answers):
    applicant.answer("step/child/", ehe_answers["step/child/"])
    assert applicant.get("check-your-answers/")["Location"].endswith("step/address/")


def test_honeypot_and_rate_limit(applicant, ehe_answers, settings):
    for path, data in ehe_answers.items():
        applicant.answer(path, data)
    assert applicant.post("check-your-answers/", {"website_url": "http://spam"}).status_code == 400
    settings.PORTAL_SUBMISSIONS_PER_HOUR = 0
    response = applicant.post("check-your-answers/", {})
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert Submission.objects.count() == 0
    assert Draft.objects.get().answers  # nothing typed is lost


def test_save_and_come_back_on_another_device(
    client, applicant, ehe_answers, django_capture_on_commit_callbacks
):
    import re

    from django.test import Client

    applicant.answer("step/child/", ehe_answers["step/child/"])
    response = applicant.post("step/address/", {"line_1": "4 Mill Lane", "save": ""})
    assert response["Location"].endswith("save/")
    page = applicant.post("save/", {"email": "not-an-email"}).content.decode()
    assert "Enter an email address in the correct format" in page
    with django_capture_on_commit_callbacks(execute=True):
        page = applicant.post("save/", {"email": "sara@example.com"}).content.decode()
    # The address keeps its left-to-right order inside right-to-left pages.
    assert 'We have sent a link to <bdi dir="ltr">sara@example.com</bdi>' in page
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)

    other_device = Client(HTTP_HOST="localhost")
    response = other_device.get(link)
    assert response["Location"].endswith("step/address/")  # the first unanswered step
    page = other_device.get(response["Location"]).content.decode()
    assert 'value="4 Mill Lane"' in page  # what was typed before saving is back


def test_save_link_expires(
    client, applicant, ehe_answers, settings, django_capture_on_commit_callbacks
):
    import re

    applicant.answer("step/child/", ehe_answers["step/child/"])
    with django_capture_on_commit_callbacks(execute=True):
        applicant.post("save/", {"email": "sara@example.com"})
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    settings.PORTAL_DRAFT_DAYS = -1
    response = applicant.client.get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    settings.PORTAL_DRAFT_DAYS = 28
    tampered = link.replace("/continue/", "/continue/x")
    assert applicant.client.get(tampered).status_code == 410


def test_error_summary_links_reach_the_first_radio(applicant, ehe_answers):
    page = applicant.post("step/school/", {}).content.decode()
    assert 'href="#id_school_status_1"' in page
    assert 'id="id_school_status_1"' in page


def test_control_characters_are_dropped_before_an_answer_is_kept(applicant, ehe_answers):
    # Found by the fuzz: NUL and escape codes were kept in the draft (PostgreSQL stores no
    # NUL in JSON); tab and line breaks are what people type, and stay.
    child = dict(ehe_answers["step/child/"], first_name="Am\x00ira\x1b", last_name="Kh\x7fan")
    applicant.answer("step/child/", child)
    applicant.post("step/address/", {"line_1": "4 Mill\x08 Lane\x1b[31m\r\nBack", "save": ""})
    answers = Draft.objects.get().answers
    assert answers["child"]["first_name"] == ["Amira"]
    assert answers["child"]["last_name"] == ["Khan"]
    assert answers["address"]["line_1"] == ["4 Mill Lane[31m\r\nBack"]


def test_a_choice_that_does_not_exist_says_what_to_choose(applicant, ehe_answers):
    # Found by the fuzz: Django's "Select a valid choice. <what was sent> is not one of the
    # available choices." repeated 100,000 characters back into the page.
    sent = "<b>no such choice</b>" * 1000
    response = applicant.post("step/needs/", {"ehcp": sent, "sen_support": "no"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select whether the child has an EHCP" in page
    assert "no such choice" not in page
    applicant.answer("step/child/", ehe_answers["step/child/"])
    applicant.answer("step/parents/add/", ehe_answers["step/parents/add/"])
    page = applicant.post("step/parents/", {"add_another": sent}).content.decode()
    assert "Select yes if you need to add another" in page and "no such choice" not in page


def test_a_date_too_big_for_the_calendar_is_an_error(applicant, ehe_answers):
    # Found by the fuzz: a month of 99999999999999999999 overflowed (a server error).
    child = dict(ehe_answers["step/child/"], date_of_birth_1="99999999999999999999")
    response = applicant.post("step/child/", child)
    assert response.status_code == 200
    assert "The child&#x27;s date of birth must be a real date" in response.content.decode()


def test_the_limit_counts_each_visitor_behind_the_proxy(client, ehe_page, ehe_answers, settings):
    """Behind the council's TLS proxy every connection comes from the proxy: the limit
    counts the visitor it names, so one busy visitor does not stop the county."""
    settings.PORTAL_TRUSTED_PROXIES = "1"
    settings.PORTAL_SUBMISSIONS_PER_HOUR = 2

    def send(visitor):
        person = Applicant(client.__class__(HTTP_HOST="localhost"), ehe_page)
        via = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": visitor}
        for path, data in ehe_answers.items():
            assert person.post(path, data, **via).status_code == 302
        return person.post("check-your-answers/", {}, **via).status_code

    assert [send("198.51.100.1") for _ in range(3)] == [302, 302, 429]
    assert send("198.51.100.2") == 302  # another visitor, the same proxy
    # A client cannot dodge the limit by naming someone else before the proxy's entry.
    assert send("6.6.6.6, 198.51.100.1") == 429
    assert Submission.objects.count() == 3
