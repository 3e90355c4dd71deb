"""Subject access and erasure: one search across every service, one download, and
erasure only where the law allows, each step in the audit log."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey, facts_of
from forms_app.models import Attachment, Draft, Submission
from portal.factories import MembershipFactory, UserFactory
from portal.models import Membership, User
from tests.training.conftest import make_course
from training.models import Booking, Feedback, TrainingIndexPage

SEARCH = reverse("privacy_subject_access")
ERASE = reverse("privacy_erase")


@pytest.fixture
def held(home, settings, tmp_path):
    """What the services hold about Zoë Okonjo, and one record of somebody else."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    ehe = SubmissionFactory(
        submitter_name="Zoë Okonjo",
        submitter_email="zoe@example.com",
        answers={
            "child": {"first_name": "Kemi", "last_name": "Okonjo"},
            "contact": {"name": "Zoë Okonjo"},
        },
    )
    permit = SubmissionFactory(
        journey=Journey.EMPLOYMENT_PERMIT,
        status="refused",
        submitter_name="A Employer",
        submitter_email="boss@shop.example",
        answers={"parent": {"email": "ZOE@example.com", "name": "Zoë Okonjo"}},
    )
    attachment = Attachment(
        submission=permit,
        question="q",
        original_name="../birth certificate.pdf",
        kind="pdf",
        size=4,
    )
    attachment.file.save("x", ContentFile(b"%PDF"), save=True)
    draft = Draft.objects.create(
        journey=Journey.PERFORMANCE_LICENCE,
        email="zoe@example.com",
        answers={"child": {"first_name": "Kemi"}},
    )
    index = TrainingIndexPage(title="Training", slug="training")
    home.add_child(instance=index)
    course = make_course(index, sessions=[(-30, 10), (30, 10)])
    past, future = course.sessions.order_by("starts_at")
    old_booking = Booking.objects.create(
        session=past, name="Zoë Okonjo", email="zoe@example.com", role="governor",
        status="confirmed", needs="Step-free access",
    )  # fmt: skip
    Feedback.objects.create(booking=old_booking, rating=4, comments="Zoë found it useful")
    new_booking = Booking.objects.create(
        session=future,
        name="Zoe Okonjo",
        email="zoe@example.com",
        role="governor",
        status="confirmed",
    )
    account = MembershipFactory(
        user__email="zoe@example.com", user__first_name="Zoë", user__last_name="Okonjo",
        role=Membership.Role.GOVERNOR,
    ).user  # fmt: skip
    stranger = SubmissionFactory(submitter_name="Sam Okafor", submitter_email="sam@example.com")
    return locals()


def search(client, **query):
    return client.get(SEARCH, query)


def test_one_search_finds_every_service_s_records(client, ig_officer, held):
    client.force_login(ig_officer)
    html = search(client, email="zoe@example.com").content.decode()
    for key in ("ehe", "permit"):
        assert held[key].reference in html
    assert held["old_booking"].reference in html and held["new_booking"].reference in html
    assert "Sign-in account" in html and "not sent" in html  # the account and the draft
    assert held["stranger"].reference not in html


def test_a_name_search_needs_every_word_and_ignores_accents_as_typed(client, ig_officer, held):
    client.force_login(ig_officer)
    html = search(client, name="Zoë Okonjo").content.decode()
    assert held["ehe"].reference in html and held["permit"].reference in html
    assert held["stranger"].reference not in html  # "Okafor" is not "Okonjo"
    assert held["new_booking"].reference not in html  # booked as "Zoe", without the accent
    html = search(client, name="Okonjo").content.decode()
    assert held["new_booking"].reference in html


def test_a_search_with_nothing_to_look_for_is_an_error(client, ig_officer, held):
    client.force_login(ig_officer)
    response = search(client, name=" ", email="")
    assert "Give a name, an email address, or both." in response.content.decode()
    assert not AuditEvent.objects.filter(action="searched").exists()


def test_each_search_is_audited(client, ig_officer, held):
    client.force_login(ig_officer)
    search(client, email="zoe@example.com")
    [event] = AuditEvent.objects.filter(action="searched")
    assert event.actor == ig_officer and "zoe@example.com" in event.detail
    assert "records found" in event.detail


def test_the_download_is_one_zip_of_everything_with_the_files(client, ig_officer, held):
    client.force_login(ig_officer)
    response = client.post(reverse("privacy_subject_access_download"), {"email": "zoe@example.com"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    report = json.loads(archive.read("subject-access.json"))
    references = {record["reference"] for record in report["records"]}
    assert {
        held["ehe"].reference,
        held["permit"].reference,
        held["old_booking"].reference,
    } <= references
    ehe = next(r for r in report["records"] if r["reference"] == held["ehe"].reference)
    assert ehe["data"]["answers"]["child"]["first_name"] == "Kemi"
    booking = next(r for r in report["records"] if r["reference"] == held["old_booking"].reference)
    assert booking["data"]["feedback"]["comments"] == "Zoë found it useful"
    files = [name for name in archive.namelist() if name.startswith("files/")]
    assert files == [
        f"files/{held['permit'].reference}/{held['attachment'].pk}/birth_certificate.pdf"
    ]
    assert archive.read(files[0]) == b"%PDF"
    [event] = AuditEvent.objects.filter(action="exported", kind="person")
    assert "1 files" in event.detail


def erase(client, key, reason="Request DP-1", **query):
    return client.post(ERASE, {**query, "key": key, "reason": reason})


def test_a_refused_application_is_erased_with_its_files(client, ig_officer, held):
    permit, attachment = held["permit"], held["attachment"]
    path = attachment.file.path
    client.force_login(ig_officer)
    response = erase(client, f"submission:{permit.reference}", email="zoe@example.com")
    assert response.status_code == 302
    assert not Submission.objects.filter(pk=permit.pk).exists()
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    import os

    assert not os.path.exists(path)
    erased = AuditEvent.objects.get(action="erased")
    assert erased.label == permit.reference and "Request DP-1" in erased.detail
    assert AuditEvent.objects.filter(action="deleted", label=permit.reference).exists()


def test_erasure_needs_a_reason(client, ig_officer, held):
    client.force_login(ig_officer)
    response = erase(
        client, f"submission:{held['permit'].reference}", reason="", email="zoe@example.com"
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert Submission.objects.filter(pk=held["permit"].pk).exists()


def test_a_home_education_record_is_kept_as_the_law_requires(client, ig_officer, held):
    client.force_login(ig_officer)
    html = search(client, email="zoe@example.com").content.decode()
    assert "Kept:" in html and "The case is still open" in html
    response = erase(client, f"submission:{held['ehe'].reference}", email="zoe@example.com")
    assert response.status_code == 200  # shown again: nothing to press
    assert Submission.objects.filter(pk=held["ehe"].pk).exists()
    assert not AuditEvent.objects.filter(action="erased").exists()


def test_a_past_booking_is_anonymised_and_a_future_one_kept(client, ig_officer, held):
    old, new = held["old_booking"], held["new_booking"]
    client.force_login(ig_officer)
    erase(client, f"booking:{old.reference}", email="zoe@example.com")
    old.refresh_from_db()
    assert (old.name, old.needs, old.email) == ("(erased)", "", f"erased-{old.pk}@erased.invalid")
    assert old.feedback.comments == "" and old.feedback.rating == 4  # the average survives
    assert AuditEvent.objects.filter(action="anonymised", label=old.reference).exists()
    erase(client, f"booking:{new.reference}", email="zoe@example.com")
    new.refresh_from_db()
    assert new.name == "Zoe Okonjo"


def test_a_school_user_s_account_is_closed_and_a_staff_account_kept(client, ig_officer, held):
    account = held["account"]
    client.force_login(ig_officer)
    erase(client, f"account:{account.pk}", email="zoe@example.com")
    account.refresh_from_db()
    assert not account.is_active and account.first_name == "" and not account.has_usable_password()
    assert account.email == f"erased-{account.pk}@erased.invalid"
    assert not Membership.objects.filter(user=account).exists()
    erase(client, f"account:{ig_officer.pk}", email="ig@council.example")
    assert User.objects.get(pk=ig_officer.pk).is_active


def test_a_draft_is_deleted(client, ig_officer, held):
    client.force_login(ig_officer)
    erase(client, f"draft:{held['draft'].pk}", email="zoe@example.com")
    assert not Draft.objects.filter(pk=held["draft"].pk).exists()
    assert AuditEvent.objects.filter(action="erased", kind="draft").exists()


@pytest.mark.parametrize("groups", [["EHE officers"], ["Attendance officers"], []])
def test_only_information_governance_may_use_it(client, held, groups):
    user = UserFactory(email="someone@council.example", is_staff=bool(groups), groups=groups)
    client.force_login(user)
    assert search(client, email="zoe@example.com").status_code in (302, 403)
    download = client.post(reverse("privacy_subject_access_download"), {"email": "zoe@example.com"})
    assert download.status_code in (302, 403)
    assert erase(
        client, f"submission:{held['permit'].reference}", email="zoe@example.com"
    ).status_code in (302, 403)
    assert Submission.objects.filter(pk=held["permit"].pk).exists()


def test_the_search_costs_a_fixed_number_of_queries(
    client, ig_officer, held, django_assert_max_num_queries
):
    for n in range(30):
        SubmissionFactory(submitter_email="zoe@example.com", submitter_name=f"Zoë Okonjo {n}")
    client.force_login(ig_officer)
    with django_assert_max_num_queries(30):
        html = search(client, email="zoe@example.com").content.decode()
    assert html.count("Elective home education registration") >= 31


def reason_to_keep(journey, status, outcome, until):
    """The rule each journey's facts name (forms_app/rules/erasure.py)."""
    return facts_of(journey).reason_to_keep(status, outcome, until)


class TestTheKeepingRules:
    until = timezone.now() + timedelta(days=100)

    def test_enforcement_is_kept(self):
        assert "evidence" in reason_to_keep(
            "attendance_referral", "closed", "penalty_notice", self.until
        )

    def test_an_open_case_is_kept(self):
        assert "still open" in reason_to_keep("chaperone_approval", "in_review", "", self.until)

    def test_an_approval_is_kept(self):
        assert "approval" in reason_to_keep("performance_licence", "approved", "", self.until)

    def test_home_education_is_kept_unless_withdrawn(self):
        assert "s436A" in reason_to_keep("ehe_registration", "closed", "", self.until)
        assert reason_to_keep("ehe_registration", "withdrawn", "", self.until) == ""

    def test_a_declined_referral_or_refused_permit_may_go(self):
        assert reason_to_keep("attendance_referral", "closed", "declined", self.until) == ""
        assert reason_to_keep("employment_permit", "refused", "", self.until) == ""
