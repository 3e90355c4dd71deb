"""The officers' queue: scoped by service, every view of a record recorded."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Attachment, Draft, RetentionPurge, Submission, SubmissionEvent
from forms_app.tasks import purge_expired_drafts, purge_expired_submissions
from portal.factories import UserFactory


@pytest.fixture
def licensing_officer(db):
    return UserFactory(email="lic@council.example", is_staff=True, groups=["Licensing officers"])


@pytest.fixture
def ehe_submission(db):
    return SubmissionFactory(submitter_name="Sara Khan")


@pytest.fixture
def permit_submission(db):
    return SubmissionFactory(journey=Journey.EMPLOYMENT_PERMIT, submitter_name="Tom Baker")


def inspect(submission):
    return reverse("forms_app_submission:inspect", args=[submission.pk])


def test_each_officer_sees_only_their_service(
    client, home, ehe_officer, ehe_submission, permit_submission
):
    client.force_login(ehe_officer)
    page = client.get(reverse("forms_app_submission:index")).content.decode()
    assert ehe_submission.reference in page and permit_submission.reference not in page


def test_an_ehe_officer_is_refused_a_licence_submission(
    client, home, ehe_officer, permit_submission
):
    client.force_login(ehe_officer)
    response = client.get(inspect(permit_submission))
    assert response.status_code in (302, 403)
    assert permit_submission.reference not in response.content.decode()
    assert not SubmissionEvent.objects.filter(kind="viewed").exists()


def test_opening_a_submission_is_recorded(client, home, ehe_officer, ehe_submission):
    client.force_login(ehe_officer)
    page = client.get(inspect(ehe_submission)).content.decode()
    assert ehe_submission.reference in page
    event = SubmissionEvent.objects.get(kind="viewed")
    assert event.user == ehe_officer and event.submission == ehe_submission


def test_a_decision_is_recorded_and_emailed(
    client, home, ehe_officer, ehe_submission, django_capture_on_commit_callbacks
):
    client.force_login(ehe_officer)
    url = reverse("forms_app_submission:status", args=[ehe_submission.pk])
    chosen = {"status": "education_concerns", "note": "Please send the school's letter."}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**chosen, "current": "received", "confirmed": "yes"})
    ehe_submission.refresh_from_db()
    assert ehe_submission.status == "education_concerns"
    event = SubmissionEvent.objects.get(kind="status")
    assert (event.user, event.from_status, event.to_status) == (
        ehe_officer,
        "received",
        "education_concerns",
    )
    assert mail.outbox[0].to == ["sara@example.com"]
    assert "Please send the school's letter." in mail.outbox[0].body


def test_assigning(client, home, ehe_officer, ehe_submission):
    client.force_login(ehe_officer)
    client.post(
        reverse("forms_app_submission:assign", args=[ehe_submission.pk]),
        {"assigned_to": ehe_officer.pk},
    )
    ehe_submission.refresh_from_db()
    assert ehe_submission.assigned_to == ehe_officer
    assert SubmissionEvent.objects.filter(kind="assigned").exists()


def test_files_only_for_officers_of_the_service(
    client, home, ehe_officer, licensing_officer, ehe_submission, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    attachment = Attachment.objects.create(
        submission=ehe_submission,
        question="school.letter",
        original_name="letter.pdf",
        kind="pdf",
        size=9,
        file=ContentFile(b"%PDF-1.4\n", name="x"),
    )
    assert str(tmp_path) in attachment.file.path and not attachment.file.path.startswith(
        str(settings.MEDIA_ROOT)
    )
    url = reverse("forms_app_submission:download", args=[ehe_submission.pk, attachment.pk])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(licensing_officer)
    assert client.get(url).status_code in (302, 403)
    client.force_login(ehe_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="letter.pdf"')
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert SubmissionEvent.objects.filter(kind="downloaded", user=ehe_officer).exists()


def test_officers_cannot_edit_or_delete_what_was_sent(client, home, ehe_officer, ehe_submission):
    client.force_login(ehe_officer)
    for name in ("edit", "delete"):
        response = client.get(reverse(f"forms_app_submission:{name}", args=[ehe_submission.pk]))
        assert response.status_code in (302, 403)
    assert client.get(reverse("forms_app_submission:add")).status_code in (302, 403)


def test_queue_in_a_fixed_number_of_queries_and_csv(
    client, home, ehe_officer, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(ehe_officer)
    url = reverse("forms_app_submission:index")
    SubmissionFactory.create_batch(3, assigned_to=ehe_officer)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    SubmissionFactory.create_batch(40, assigned_to=ehe_officer)
    with django_assert_max_num_queries(len(few)):
        page = client.get(url).content.decode()
    assert page.count("EHE-") >= 43
    csv = client.get(url, {"export": "csv"})
    body = b"".join(csv.streaming_content).decode()
    assert csv.status_code == 200 and body.count("EHE-") == 43


def test_a_page_of_the_queue_is_bounded_whatever_the_queue_holds(client, home, ehe_officer):
    """Past a page, more submissions cost no query, row or byte more; what was sent is
    not even read (it is on each submission's own page), nor is anyone else's service."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    big = {"contact": {"name": "Sara Khan", "notes": "x" * 5000}}
    SubmissionFactory.create_batch(50, assigned_to=ehe_officer, answers=big)
    client.force_login(ehe_officer)
    url = reverse("forms_app_submission:index")
    client.get(url)
    with CaptureQueriesContext(connection) as one_page:
        first = client.get(url).content.decode()
    SubmissionFactory.create_batch(70, assigned_to=ehe_officer, answers=big)
    SubmissionFactory.create_batch(5, journey=Journey.EMPLOYMENT_PERMIT)
    with CaptureQueriesContext(connection) as more:
        page = client.get(url).content.decode()
    assert len(more) == len(one_page)
    assert page.count('<td class="title">') == 50 and "Page 1 of 3" in page
    assert abs(len(page) - len(first)) < 2000  # the pagination's numbers, not rows
    listed = next(
        q["sql"]
        for q in more
        if 'FROM "forms_app_submission"' in q["sql"]
        and "LIMIT" in q["sql"]
        and "COUNT" not in q["sql"]
    )
    assert '"answers"' not in listed and "CEP-" not in page
    last = client.get(url, {"p": "999"}).content.decode()
    assert "Page 3 of 3" in last and last.count('<td class="title">') == 20
    assert client.get(url, {"p": "x"}).status_code == 200


def test_filter_and_search(client, home, ehe_officer, ehe_submission):
    SubmissionFactory(submitter_name="Other Person", status="education_suitable")
    client.force_login(ehe_officer)
    url = reverse("forms_app_submission:index")
    assert "Other Person" not in client.get(url, {"status": "received"}).content.decode()
    found = client.get(url, {"q": ehe_submission.reference}).content.decode()
    assert "Sara Khan" in found and "Other Person" not in found


def test_retention_purge_deletes_old_submissions_and_files(settings, tmp_path, db, capsys):
    from django.core.management import call_command

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    old = SubmissionFactory()
    recent = SubmissionFactory()
    attachment = Attachment.objects.create(
        submission=old,
        question="q",
        original_name="a.txt",
        kind="txt",
        size=1,
        file=ContentFile(b"a", name="a"),
    )
    path = attachment.file.path
    Submission.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=365 * 8))

    call_command("retention_purge", "--dry-run")
    assert old.reference in capsys.readouterr().out
    assert Submission.objects.count() == 2  # a dry run deletes nothing

    assert purge_expired_submissions()["ehe"] == 1
    assert list(Submission.objects.all()) == [recent]
    assert not __import__("os").path.exists(path)
    record = RetentionPurge.objects.get()
    assert (record.service, record.deleted, record.files_deleted) == ("ehe", 1, 1)


def test_expired_drafts_are_deleted(db):
    Draft.objects.create(
        journey=Journey.EHE_REGISTRATION, expires_at=timezone.now() - timedelta(days=1)
    )
    kept = Draft.objects.create(journey=Journey.EHE_REGISTRATION)
    assert purge_expired_drafts() >= 1
    assert list(Draft.objects.all()) == [kept]


def test_demo_submissions_fill_every_queue_and_status(client, home, ehe_officer):
    from forms_app.demo_submissions import seed_submissions

    seed_submissions()
    seed_submissions()  # a second run adds nothing
    assert Submission.objects.count() == 60
    assert set(Submission.objects.values_list("status", flat=True)) == set(Submission.Status.values)
    assert set(Submission.objects.values_list("service", flat=True)) == {"ehe", "licensing"}
    client.force_login(ehe_officer)
    submission = Submission.objects.filter(service="ehe").first()
    page = client.get(inspect(submission)).content.decode()
    assert "About the child" in page and "Is the child on a school" in page


def test_officers_see_what_was_sent_even_when_dates_have_passed(client, home, ehe_officer):
    submission = SubmissionFactory(
        answers={
            "child": {"first_name": "Amira", "last_name": "Khan", "date_of_birth": "2015-03-14"},
            "school": {"school_status": "never", "school_name": "", "off_roll_date": None},
            "legacy_step": {"old_field": "kept"},
        }
    )
    client.force_login(ehe_officer)
    page = client.get(inspect(submission)).content.decode()
    assert "About the child" in page and "14 March 2015" in page
    assert "No, the child has never been to school" in page  # the choice's label
    assert "Legacy step" in page and "kept" in page  # answers from an older form version


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "sqlite", reason="SQLite's query plan"
)
def test_a_page_of_a_service_s_queue_is_read_newest_first_from_an_index(db):
    SubmissionFactory.create_batch(3)
    page = Submission.objects.filter(service__in=["ehe"]).order_by("-created_at")[:50]
    plan = page.explain()
    assert "submission_queue_newest" in plan and "TEMP B-TREE" not in plan
