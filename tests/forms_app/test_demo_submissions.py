"""The demo's submissions are complete and their dates make sense together: each one's
answers pass its journey's own questions, a permit prints in full, a child is of an age
the journey is for, and nothing is decided before it was received."""

from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from forms_app.demo_submissions import FILES, UPLOADS, seed_subject_access_person, seed_submissions
from forms_app.engine import journey_for
from forms_app.journeys.registry import Journey
from forms_app.models import Attachment, Draft, Submission, SubmissionEvent
from forms_app.rules.employment import age_on
from forms_app.uploads import judge
from portal.factories import UserFactory
from portal.terms import council_terms, is_school_day, working_day
from shared import times
from tests.clients import PortalClient

from .stored_answers import problems

S = Submission.Status


@pytest.fixture
def seeded(home, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path  # the demo's files, left nowhere
    seed_submissions()
    seed_subject_access_person()
    return Submission.objects.all()


def attachments_of(submission):
    return {str(attachment.pk): attachment for attachment in submission.attachments.all()}


def test_every_seeded_submission_passes_its_journeys_questions_and_is_complete(seeded):
    assert seeded.count() == 62
    assert set(seeded.values_list("journey", flat=True)) == {
        Journey.EHE_REGISTRATION,
        Journey.EMPLOYMENT_PERMIT,
        Journey.PERFORMANCE_LICENCE,
        Journey.CHAPERONE_APPROVAL,
    }
    for submission in seeded:
        found = problems(submission.journey, submission.answers, attachments_of(submission))
        assert found == [], (submission.reference, found)
        assert submission.submitter_name
        assert submission.submitter_email.endswith("@demo-applicant.example")


def test_a_seeded_record_that_misses_a_step_is_found_out(seeded):
    """The check above can fail: a permit without its hours, or with a child too young."""
    permit = seeded.filter(journey=Journey.EMPLOYMENT_PERMIT).first()
    answers = dict(permit.answers)
    del answers["hours"]
    assert problems(permit.journey, answers) == ["hours: not answered"]
    answers = dict(permit.answers)
    answers["start"] = {"start_date": "2000-01-01"}  # before the child was 13
    assert any(found.startswith("start:") for found in problems(permit.journey, answers))


def test_the_seeded_draft_is_answered_as_far_as_it_goes(seeded):
    draft = Draft.objects.get(email="claire.dawson@demo-applicant.example")
    values = journey_for(draft.journey).values(draft)
    definition = journey_for(draft.journey)
    asked = {step.slug for step in definition.visible_steps(values)}
    assert set(values) == asked - {"declaration"}  # every step but the last is valid
    assert definition.first_incomplete(values).slug == "declaration"
    assert values["child"]["first_name"] == "Evie"
    assert values["parent"]["name"] == "Claire Dawson"


def test_the_demo_files_are_what_the_upload_checks_accept(seeded):
    for question, (_step, name, kind) in UPLOADS.items():
        content = (FILES / name).read_bytes()
        verdict = judge(SimpleUploadedFile(name, content), (kind,))
        assert verdict.error is None and verdict.kind == kind, question
    licences = seeded.filter(journey=Journey.PERFORMANCE_LICENCE)
    for licence in licences:
        questions = set(licence.attachments.values_list("question", flat=True))
        assert {"documents.photo", "documents.birth_certificate"} <= questions
    assert not Attachment.objects.filter(submission__isnull=True).exists()


def _date(value):
    return date.fromisoformat(value)


def test_the_dates_of_each_seeded_submission_make_sense_together(seeded):
    now = timezone.now()
    today = timezone.localdate()
    for submission in seeded:
        answers = submission.answers
        received = submission.created_at
        on = timezone.localdate(received)
        where = (submission.reference, submission.journey)
        assert received < now
        events = list(submission.events.order_by("at"))
        assert events[0].kind == SubmissionEvent.Kind.SUBMITTED and events[0].at == received
        for event in events[1:]:
            assert received < event.at < now, where
        decisions = [event for event in events if event.kind == SubmissionEvent.Kind.STATUS]
        if submission.status == S.RECEIVED:
            assert decisions == [], where
        else:
            assert decisions[-1].to_status == submission.status, where
            assert (now - received) > timedelta(days=1), where
        if submission.journey == Journey.EHE_REGISTRATION:
            born = _date(answers["child"]["date_of_birth"])
            assert 5 <= age_on(born, on) <= 15 and 5 <= age_on(born, today) <= 15, where
            off_roll = answers["school"].get("off_roll_date")
            assert off_roll is None or born < _date(off_roll) <= on, where
        elif submission.journey == Journey.EMPLOYMENT_PERMIT:
            born = _date(answers["child"]["date_of_birth"])
            start = _date(answers["start"]["start_date"])
            assert 13 <= age_on(born, start) <= 15, where
            assert 13 <= age_on(born, today) <= 15, where
            assert on - timedelta(days=7) <= start <= on + timedelta(days=30), where
            if age_on(born, start) == 13:
                assert answers["job"]["light_work"] is True, where
        elif submission.journey == Journey.PERFORMANCE_LICENCE:
            born = _date(answers["child"]["date_of_birth"])
            first, last = _date(answers["dates"]["first"]), _date(answers["dates"]["last"])
            assert on < first <= last, where
            assert today <= first, where  # a licence is for a performance still to come
            assert 5 <= age_on(born, first) <= 15, where
            short = (first - on).days < 21
            if answers["exemption"]["misses_school"]:
                assert working_day(first), where
            else:  # a child who misses no school performs when there is none
                days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
                assert not any(is_school_day(day, council_terms()) for day in days), where
            assert answers["dates"]["short_notice"] is short and ("late" in answers) is short
        elif submission.journey == Journey.CHAPERONE_APPROVAL:
            born = _date(answers["applicant"]["date_of_birth"])
            assert age_on(born, on) >= 18, where
            assert _date(answers["dbs"]["issue_date"]) < on, where


def test_every_seeded_permit_prints_in_full(seeded, client):
    officer = UserFactory(email="licensing@council.example", groups=["Licensing officers"])
    client = PortalClient(HTTP_HOST="localhost")
    client.force_login(officer)
    permits = seeded.filter(journey=Journey.EMPLOYMENT_PERMIT, status=S.APPROVED)
    assert permits.exists()
    for permit in permits:
        page = client.get(f"/forms/permit/{permit.reference}/").content.decode()
        page = page.replace("&#x27;", "'")
        answers = permit.answers
        born = _date(answers["child"]["date_of_birth"])
        expected = [
            f"{answers['child']['first_name']} {answers['child']['last_name']}",
            f"{born:%-d %B %Y}",
            answers["child_address"]["line_1"],
            answers["child_address"]["postcode"],
            answers["school"]["school_name"],
            answers["employer"]["name"],
            answers["employer"]["business_name"],
            answers["supervisor"]["name"],
            f"{_date(answers['start']['start_date']):%-d %B %Y}",
        ]
        place = answers.get("workplace") or answers["business_address"]
        expected.append(place["postcode"])
        for slug in ("term_days", "holiday_days"):
            for day in answers.get(slug, []):
                expected.append(
                    times.clock_range(
                        time.fromisoformat(day["start"]), time.fromisoformat(day["end"])
                    )
                )
        approved = permit.events.get(to_status=S.APPROVED).at
        expected.append(f"{timezone.localdate(approved):%-d %B %Y}")
        for text in expected:
            assert text in page, (permit.reference, text)
        assert "Days and hours in" in page


def test_the_seeding_is_the_same_every_time_and_made_once(seeded):
    before = sorted(seeded.values_list("reference", flat=True))
    assert seed_submissions() == "demo submissions already there"
    assert "already there" in seed_subject_access_person()
    assert sorted(Submission.objects.values_list("reference", flat=True)) == before


def test_demo_referrals_are_sent_on_working_days_for_pupils_of_their_year_groups(db):
    from forms_app.demo_referrals import seed_referrals
    from portal.demo import seed_accounts, seed_schools

    seed_schools()
    seed_accounts()
    seed_referrals()
    referrals = Submission.objects.filter(journey=Journey.ATTENDANCE_REFERRAL)
    assert referrals.count() >= 10
    now = timezone.now()
    for referral in referrals:
        sent = timezone.localdate(referral.created_at)
        assert working_day(sent), referral.reference
        pupil = referral.answers["pupil"]
        school_year = sent.year if sent.month >= 9 else sent.year - 1
        on_1_september = age_on(_date(pupil["date_of_birth"]), date(school_year, 9, 1))
        group = pupil["year_group"]
        assert on_1_september == (4 if group == "reception" else int(group[5:]) + 4), pupil
        events = list(referral.events.order_by("at", "pk"))
        assert events[0].kind == SubmissionEvent.Kind.SUBMITTED
        assert events[0].at == referral.created_at
        assert all(referral.created_at < event.at < now for event in events[1:])
        kinds = [event.kind for event in events]
        if SubmissionEvent.Kind.OUTCOME in kinds:
            assert kinds.index(SubmissionEvent.Kind.OUTCOME) > kinds.index(
                SubmissionEvent.Kind.STATUS
            )
