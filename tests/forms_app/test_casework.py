"""The officers' casework, as each service works it: its own statuses (a home education
notice is never approved or refused), the queue's filters offering only the officer's
own services, every value in words, a decision's email shown and confirmed before it
goes (once, however often it is pressed), and flags with their reasons."""

import csv
import importlib
import io
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from audit.log import Action
from audit.models import AuditEvent
from forms_app.engine import journey_for
from forms_app.factories import SubmissionFactory
from forms_app.journeys.facts import (
    APPLICATION_STATUSES,
    HOME_EDUCATION_STATUSES,
    Flag,
    Status,
)
from forms_app.journeys.registry import Journey, facts_of, journeys
from forms_app.models import Draft, Submission, SubmissionEvent
from forms_app.services import submit
from portal.factories import UserFactory

QUEUE = "forms_app_submission:index"


@pytest.fixture
def licensing_officer(db):
    return UserFactory(email="lic@council.example", is_staff=True, groups=["Licensing officers"])


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@council.example", is_staff=True, is_superuser=True)


def inspect(submission):
    return reverse("forms_app_submission:inspect", args=[submission.pk])


def status_url(submission):
    return reverse("forms_app_submission:status", args=[submission.pk])


def outcome_url(submission):
    return reverse("forms_app_submission:outcome", args=[submission.pk])


def options(page, name):
    """The labels a <select name=...> offers, without its empty choice."""
    found = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    if not found:
        return None
    return [
        label.strip()
        for label in re.findall(r"<option[^>]*>([^<]*)</option>", found.group(1))
        if label.strip() != "---------"
    ]


class VisibleText(HTMLParser):
    """What a person reads on the page: text outside scripts, styles and templates."""

    HIDDEN = {"script", "style", "template", "svg"}

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.depth -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


# Codes no officer should ever read: statuses, journeys, flags and outcomes as stored.
CODES = sorted(
    {code for code in Status.values if "_" in code}
    | {facts.key for facts in journeys()}
    | {code for code in Flag.values if "_" in code}
    | {outcome.code for facts in journeys() for outcome in facts.outcomes if "_" in outcome.code}
)


def words_only(text):
    """What in the text is not in words: booleans, codes, ISO dates."""
    found = re.findall(r"\b(?:True|False|None)\b", text)
    found += [code for code in CODES if re.search(rf"\b{code}\b", text)]
    found += re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    return found


# --- each service's own statuses ---------------------------------------------------------


def test_home_education_is_a_notice_never_approved_or_refused():
    ehe = facts_of(Journey.EHE_REGISTRATION)
    assert ehe.statuses == HOME_EDUCATION_STATUSES
    assert not {Status.APPROVED, Status.REFUSED, Status.IN_REVIEW} & set(ehe.statuses)
    assert set(ehe.told) < set(ehe.statuses)
    for key in (Journey.EMPLOYMENT_PERMIT, Journey.PERFORMANCE_LICENCE, Journey.CHAPERONE_APPROVAL):
        assert facts_of(key).statuses == APPLICATION_STATUSES
    referral = facts_of(Journey.ATTENDANCE_REFERRAL)
    assert referral.statuses == APPLICATION_STATUSES and referral.outcomes
    # The model's choices hold every service's statuses.
    choices = {code for code, _label in Submission._meta.get_field("status").choices}
    assert {status for facts in journeys() for status in facts.statuses} <= choices


def test_the_status_form_offers_only_the_journeys_statuses(client, home, ehe_officer):
    submission = SubmissionFactory()
    client.force_login(ehe_officer)
    offered = options(client.get(inspect(submission)).content.decode(), "status")
    assert offered == [str(status.label) for status in HOME_EDUCATION_STATUSES]
    assert "Approved" not in offered and "Refused" not in offered


@pytest.mark.parametrize("confirmed", [{}, {"confirmed": "yes", "current": "received"}])
def test_the_server_refuses_another_services_status(
    client, home, ehe_officer, confirmed, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory()
    client.force_login(ehe_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(submission), {"status": "approved", **confirmed})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "received"
    assert not SubmissionEvent.objects.filter(kind__in=["status", "emailed"]).exists()
    assert mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "Choose one of the statuses offered." in page


def test_a_licence_can_still_be_approved(
    client, home, licensing_officer, django_capture_on_commit_callbacks
):
    permit = SubmissionFactory(journey=Journey.EMPLOYMENT_PERMIT)
    client.force_login(licensing_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            status_url(permit), {"status": "approved", "current": "received", "confirmed": "yes"}
        )
    permit.refresh_from_db()
    assert permit.status == "approved" and len(mail.outbox) == 1


def test_old_home_education_statuses_are_moved_and_the_move_recorded(db):
    migration = importlib.import_module("forms_app.migrations.0006_case_statuses_and_flags")
    ehe = {
        old: SubmissionFactory(status=old)
        for old in ("received", "in_review", "more_information", "approved", "refused", "withdrawn")
    }
    permit = SubmissionFactory(journey=Journey.EMPLOYMENT_PERMIT, status="approved")
    special_school = SubmissionFactory(
        answers={"consent": {"special_school": True, "attendance_order": False}}
    )
    late = SubmissionFactory(
        journey=Journey.PERFORMANCE_LICENCE, answers={"dates": {"short_notice": True}}
    )
    migration.forwards(apps, None)
    now = {old: Submission.objects.get(pk=s.pk).status for old, s in ehe.items()}
    assert now == {
        "received": "received",
        "in_review": "acknowledged",
        "more_information": "first_contact",
        "approved": "education_suitable",
        "refused": "education_concerns",
        "withdrawn": "withdrawn",
    }
    moved = SubmissionEvent.objects.get(submission=ehe["approved"], kind="status")
    assert (moved.from_status, moved.to_status) == ("approved", "education_suitable")
    assert Submission.objects.get(pk=permit.pk).status == "approved"
    assert Submission.objects.get(pk=special_school.pk).flags == ["consent"]
    assert Submission.objects.get(pk=late.pk).flags == ["short_notice"]


# --- the queue's filters: the officer's own services only --------------------------------


EXPECTED_FILTERS = {
    "ehe": {
        "journey": ["Elective home education registration"],
        "outcome": None,
        "flagged": ["For any reason", "Consent needed", "Started by a school", "Not flagged"],
    },
    "licensing": {
        "journey": ["Child employment permit", "Child performance licence", "Chaperone approval"],
        "outcome": None,
        "flagged": [
            "For any reason", "Short notice", "Safeguarding", "Night work",
            "Not flagged",
        ],
    },
    "attendance": {
        "journey": ["Attendance referral"],
        "outcome": ["Notice to improve issued", "Penalty notice issued", "Case opened", "Declined"],
        "flagged": [
            "For any reason", "Safeguarding", "Penalty notice register disagrees", "Not flagged",
        ],
    },
}  # fmt: skip


@pytest.mark.parametrize("service", ["ehe", "licensing", "attendance", "all"])
def test_the_filters_offer_only_the_officers_services(
    client, home, service, ehe_officer, licensing_officer, attendance_officer, superuser
):
    user = {
        "ehe": ehe_officer,
        "licensing": licensing_officer,
        "attendance": attendance_officer,
        "all": superuser,
    }[service]
    client.force_login(user)
    page = client.get(reverse(QUEUE)).content.decode()
    statuses = options(page, "status")
    if service == "all":
        assert options(page, "journey") == [str(facts.name) for facts in journeys()]
        assert set(statuses) == {str(label) for label in Status.labels}
        assert len(options(page, "outcome")) == 4
        assert options(page, "flagged") == ["For any reason"] + [
            str(label) for label in Flag.labels
        ] + ["Not flagged"]
        return
    expected = EXPECTED_FILTERS[service]
    assert options(page, "journey") == expected["journey"]
    assert options(page, "outcome") == expected["outcome"]
    assert options(page, "flagged") == expected["flagged"]
    own = HOME_EDUCATION_STATUSES if service == "ehe" else APPLICATION_STATUSES
    assert statuses == [str(status.label) for status in own]
    if service == "ehe":
        assert "Approved" not in statuses and "Refused" not in statuses
    else:
        assert "Education appears suitable" not in statuses


def test_the_flagged_filter_by_reason(client, home, licensing_officer):
    late = SubmissionFactory(
        journey=Journey.PERFORMANCE_LICENCE, flags=["short_notice"], flagged=True
    )
    both = SubmissionFactory(
        journey=Journey.PERFORMANCE_LICENCE, flags=["short_notice", "night_work"], flagged=True
    )
    plain = SubmissionFactory(journey=Journey.PERFORMANCE_LICENCE)
    client.force_login(licensing_officer)

    def found(flagged):
        page = client.get(reverse(QUEUE), {"flagged": flagged}).content.decode()
        return {s.reference for s in (late, both, plain) if s.reference in page}

    assert found("short_notice") == {late.reference, both.reference}
    assert found("night_work") == {both.reference}
    assert found("safeguarding") == set()
    assert found("true") == {late.reference, both.reference}
    assert found("false") == {plain.reference}


# --- every value in words ---------------------------------------------------------------


@pytest.fixture
def worked_records(ehe_officer):
    ehe = SubmissionFactory(
        flags=["consent"],
        flagged=True,
        status="education_concerns",
        assigned_to=ehe_officer,
        answers={
            "consent": {"special_school": True, "attendance_order": False},
            "school": {"school_status": "on_roll", "school_name": "Alderbrook", "off_roll_date": "2026-11-02"},
            "legacy_step": {"checked": True, "when": "2026-10-01", "kinds": ["a", "b"]},
        },
    )  # fmt: skip
    SubmissionEvent.objects.create(
        submission=ehe, kind="status", from_status="received", to_status="education_concerns"
    )
    SubmissionFactory(status="first_contact")
    return ehe


def test_the_queue_and_the_record_say_every_value_in_words(
    client, home, ehe_officer, worked_records
):
    client.force_login(ehe_officer)
    queue = visible(client.get(reverse(QUEUE)).content.decode())
    assert "Concerns about the education" in queue and "Consent needed" in queue
    assert "First contact made" in queue and "Elective home education registration" in queue
    assert words_only(queue) == []
    record = visible(client.get(inspect(worked_records)).content.decode())
    assert "Received → Concerns about the education" in record
    assert "2 November 2026" in record and "1 October 2026" in record
    assert "Yes" in record and "No" in record
    assert words_only(record) == []


@pytest.mark.parametrize("spreadsheet", ["csv", "xlsx"])
def test_the_exports_say_every_value_in_words(
    client, home, ehe_officer, worked_records, spreadsheet
):
    client.force_login(ehe_officer)
    response = client.get(reverse(QUEUE), {"export": spreadsheet})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if spreadsheet == "csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        rows = [[str(cell) if cell is not None else "" for cell in row] for row in sheet.values]
    heading, *records = rows
    assert heading[:4] == ["Reference", "Form", "Status", "Flagged"]
    flagged = next(row for row in records if row[0] == worked_records.reference)
    assert flagged[1:4] == [
        "Elective home education registration",
        "Concerns about the education",
        "Consent needed",
    ]
    other = next(row for row in records if row[0] != worked_records.reference)
    assert other[2:4] == ["First contact made", "Not flagged"]
    assert re.fullmatch(
        r"\d{1,2} [A-Z][a-z]+ \d{4}, (\d{1,2}(:\d{2})?[ap]m|midday|midnight)",
        flagged[heading.index("Received")],
    )
    assert flagged[heading.index("Assigned to")] == str(ehe_officer)
    assert other[heading.index("Assigned to")] == "Nobody"
    assert words_only(" ".join(cell for row in rows for cell in row)) == []


# --- a decision's email, shown and confirmed ---------------------------------------------


def test_a_status_that_emails_shows_the_email_first_and_changes_nothing(
    client, home, ehe_officer, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory()
    client.force_login(ehe_officer)
    chosen = {
        "status": "education_suitable",
        "note": "Thank you for the report.",
        "current": "received",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(submission), chosen)
    assert response.status_code == 200
    page = response.content.decode()
    text = visible(page)
    assert "Send this decision?" in text
    assert "The status will change from Received to Education appears suitable." in text
    assert "sara@example.com" in text and "Thank you for the report." in text
    assert 'name="confirmed" value="yes"' in page and 'name="current" value="received"' in page
    assert ">Send decision</button>" in page and inspect(submission) in page  # Cancel
    submission.refresh_from_db()
    assert submission.status == "received" and mail.outbox == []
    assert not SubmissionEvent.objects.filter(kind__in=["status", "emailed"]).exists()
    assert not AuditEvent.objects.filter(action=Action.CHANGED).exists()

    # "Send decision": exactly the email shown goes, once.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(status_url(submission), {**chosen, "confirmed": "yes"})
    [email] = mail.outbox
    assert email.to == ["sara@example.com"] and email.subject in text
    for line in filter(None, (line.strip() for line in email.body.splitlines())):
        assert line in text
    submission.refresh_from_db()
    assert submission.status == "education_suitable"
    assert AuditEvent.objects.filter(action=Action.CHANGED).count() == 1


def test_pressing_send_decision_twice_changes_and_sends_once(
    client, home, ehe_officer, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory()
    client.force_login(ehe_officer)
    confirm = {"status": "attendance_order", "note": "", "current": "received", "confirmed": "yes"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(status_url(submission), confirm)
        second = client.post(status_url(submission), confirm, follow=True)
    assert SubmissionEvent.objects.filter(kind="status").count() == 1
    assert SubmissionEvent.objects.filter(kind="emailed").count() == 1
    assert len(mail.outbox) == 1
    assert (
        "Nothing was changed: this record&#x27;s status is already School attendance order considered."
        in second.content.decode()
    )


def test_a_status_that_sends_nothing_changes_at_once(
    client, home, ehe_officer, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory()
    client.force_login(ehe_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(submission), {"status": "first_contact", "current": "received"}
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "first_contact" and mail.outbox == []


def test_an_outcome_shows_its_email_and_is_recorded_once(
    client, home, attendance_officer, django_capture_on_commit_callbacks
):
    referral = SubmissionFactory(
        journey=Journey.ATTENDANCE_REFERRAL, submitter_email="lead@school.example"
    )
    client.force_login(attendance_officer)
    chosen = {"outcome": "penalty_notice", "reason": "", "current": ""}
    with django_capture_on_commit_callbacks(execute=True):
        preview = client.post(outcome_url(referral), chosen)
    assert preview.status_code == 200
    text = visible(preview.content.decode())
    assert "The outcome will be recorded as Penalty notice issued." in text
    assert "lead@school.example" in text and mail.outbox == []
    referral.refresh_from_db()
    assert referral.outcome == ""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(outcome_url(referral), {**chosen, "confirmed": "yes"})
        client.post(outcome_url(referral), {**chosen, "confirmed": "yes"})
    referral.refresh_from_db()
    assert referral.outcome == "penalty_notice"
    assert SubmissionEvent.objects.filter(kind="outcome").count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].subject in text


def test_the_email_shown_is_in_the_applicants_language(client, home, ehe_officer):
    submission = SubmissionFactory(language="pl")
    client.force_login(ehe_officer)
    page = client.post(
        status_url(submission), {"status": "acknowledged", "current": "received"}
    ).content.decode()
    assert "The email is in Polish, the language the applicant used." in visible(page)
    assert 'id="email-body" lang="pl"' in page


# --- flags, worked out from the answers --------------------------------------------------


def flags(journey, values):
    return [str(flag) for flag in journey_for(journey).flags(values)]


@pytest.mark.parametrize(
    "consent, register, expected",
    [
        ({"special_school": True, "attendance_order": False}, False, ["consent"]),
        ({"special_school": False, "attendance_order": True}, False, ["consent"]),
        ({"special_school": False, "attendance_order": False, "child_protection": True}, True, ["consent"]),
        ({"special_school": False, "attendance_order": False, "child_protection": True}, False, []),
        ({"special_school": False, "attendance_order": False}, False, []),
        (None, False, []),
    ],
)  # fmt: skip
def test_home_education_is_flagged_when_consent_is_needed(consent, register, expected, settings):
    settings.PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER = register
    values = {"consent": consent} if consent is not None else {}
    assert flags(Journey.EHE_REGISTRATION, values) == expected


def test_each_journeys_flags_read_its_answers_defensively():
    assert flags(Journey.PERFORMANCE_LICENCE, {"dates": {"short_notice": True}}) == ["short_notice"]
    assert flags(Journey.PERFORMANCE_LICENCE, {"dates": {"short_notice": False}}) == []
    assert flags(Journey.PERFORMANCE_LICENCE, {"dates": None}) == []
    assert flags(Journey.CHAPERONE_APPROVAL, {"convictions": {"convictions": True}}) == [
        "safeguarding"
    ]
    assert flags(Journey.CHAPERONE_APPROVAL, {"convictions": {"convictions": False}}) == []
    assert flags(Journey.CHAPERONE_APPROVAL, {"references": [{"name": "A"}]}) == []
    assert flags(Journey.ATTENDANCE_REFERRAL, {"safeguarding": {"prevent": True}}) == [
        "safeguarding"
    ]
    assert flags(Journey.ATTENDANCE_REFERRAL, {}) == []
    for facts in journeys():  # what a journey may raise, the filter offers
        assert set(facts.may_flag) <= set(Flag)


def test_a_special_school_notice_is_sent_flagged_with_its_reason(
    client, home, ehe_officer, settings
):
    settings.PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER = False
    draft = Draft.objects.create(journey=Journey.EHE_REGISTRATION)
    values = {
        "child": {"first_name": "Amira", "last_name": "Khan"},
        "school": {"school_status": "on_roll", "school_name": "Oak Special School"},
        "consent": {"special_school": True, "attendance_order": False},
        "contact": {"name": "Sara Khan", "email": "sara@example.com"},
    }
    submission, created = submit(journey_for(Journey.EHE_REGISTRATION), draft.pk, values)
    assert created and submission.flags == ["consent"] and submission.flagged
    assert submission.findings == ["The child attends a special school placed by the council."]
    client.force_login(ehe_officer)
    row = re.search(
        rf"<tr[^>]*>(?:(?!</tr>).)*{submission.reference}(?:(?!</tr>).)*</tr>",
        client.get(reverse(QUEUE)).content.decode(),
        re.S,
    ).group(0)
    assert re.search(r'class="w-status[^"]*"[^>]*>\s*Consent needed', row)
    record = visible(client.get(inspect(submission)).content.decode())
    assert "Read this first. Flagged: Consent needed" in record
    assert "The child attends a special school placed by the council." in record
