"""A case's page and the forms that move it on: every view logged; an enquiry with its
checklist; a new next step never already past; an outcome needs its details; closing
needs an outcome; assigning; removal from the roll only after 20 school days and
enquiries. Officers of other services are refused every form."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from missing_education.factories import EnquiryFactory
from missing_education.models import Case, CaseEvent, Enquiry

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def url(case, action=""):
    return f"/admin/missing_education/{case.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def signed_in(client, tracker):
    client.force_login(tracker)
    return client


def test_each_view_of_a_case_is_logged(signed_in, case, tracker):
    EnquiryFactory(case=case, contact="Northshire CME officer")
    response = signed_in.get(url(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tia Marsh" in page and "Northshire CME officer" in page
    event = AuditEvent.objects.filter(action="viewed").latest("pk")
    assert (event.record_id, event.actor, event.service) == (
        str(case.pk),
        tracker,
        "pupil_tracking",
    )
    assert event.label == case.reference  # never the child's name


def test_other_services_officers_may_not_change_a_case(client, case, attendance_officer):
    client.force_login(attendance_officer)
    for action in ("enquiry", "next-step", "assign", "removal", "outcome"):
        response = client.post(url(case, action), {"made_on": TODAY.isoformat(),
                                                   "checks": ["gp"], "outcome": "x"})  # fmt: skip
        # Wagtail refuses a signed-in user a screen by sending them to the admin's home.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not Enquiry.objects.exists()


def test_an_enquiry_with_its_checklist(signed_in, case, tracker):
    response = signed_in.post(url(case, "enquiry"), {
        "made_on": TODAY.isoformat(), "checks": ["gp", "social_care", "border_force"],
        "contact": "Northgate Health Centre", "outcome": "Registered with the GP still.",
    })  # fmt: skip
    assert response.status_code == 302
    enquiry = Enquiry.objects.get(case=case)
    assert enquiry.checks == ["gp", "social_care", "border_force"]
    assert enquiry.made_by == tracker
    case.refresh_from_db()
    assert case.status == Case.Status.ENQUIRIES  # the first enquiry starts them
    assert case.events.filter(kind=CaseEvent.Kind.ENQUIRY).exists()


def test_an_enquiry_without_checks_or_outcome_is_refused_keeping_what_was_typed(signed_in, case):
    response = signed_in.post(url(case, "enquiry"), {
        "made_on": (TODAY + timedelta(days=1)).isoformat(), "contact": "Mrs Shah at the GP",
    })  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select who was asked" in page and "Say what the enquiry found" in page
    assert "must be today or in the past" in page
    assert 'href="#id_checks_0"' in page
    assert "Mrs Shah at the GP" in page
    assert not Enquiry.objects.exists()


def test_a_new_next_step_due_in_the_past_is_refused(signed_in, case):
    past = (TODAY - timedelta(days=1)).isoformat()
    response = signed_in.post(url(case, "next-step"), {
        "status": "enquiries", "next_step": "Visit the family", "next_step_due": past,
    })  # fmt: skip
    assert response.status_code == 200
    assert "must be today or in the future" in response.content.decode()
    soon = (TODAY + timedelta(days=3)).isoformat()
    response = signed_in.post(url(case, "next-step"), {
        "status": "enquiries", "next_step": "Visit the family", "next_step_due": soon,
        "school_asked": "Please join the visit.",
    })  # fmt: skip
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.next_step, case.school_asked) == (
        "enquiries",
        "Visit the family",
        "Please join the visit.",
    )
    kinds = set(case.events.values_list("kind", flat=True))
    assert {"status", "next_step"} <= kinds


def test_an_overdue_step_kept_as_it_was_may_stay_while_the_status_changes(signed_in, case):
    case.next_step_due = TODAY - timedelta(days=3)
    case.save()
    response = signed_in.post(url(case, "next-step"), {
        "status": "enquiries", "next_step": case.next_step,
        "next_step_due": case.next_step_due.isoformat(),
    })  # fmt: skip
    assert response.status_code == 302


def test_a_step_needs_its_date_and_a_date_its_step(signed_in, case):
    response = signed_in.post(url(case, "next-step"), {"status": "open", "next_step": "Call"})
    assert "Enter the date the next step is due" in response.content.decode()


def test_closing_is_not_a_status_of_its_own(signed_in, case):
    response = signed_in.post(url(case, "next-step"), {"status": "closed"})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


@pytest.mark.parametrize(
    "outcome, missing",
    [
        ("in_school", ["Choose the school the child is at"]),
        (
            "moved_away",
            ["Enter the receiving council", "Enter the date the receiving council was told"],
        ),
        (
            "not_found",
            ["Enter who the case was passed on to", "Enter the date the case was passed on"],
        ),
    ],
)
def test_an_outcome_needs_its_details(signed_in, case, outcome, missing):
    response = signed_in.post(url(case, "outcome"), {"outcome": outcome, "close": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    for message in missing:
        assert message in page
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


def test_closing_needs_an_outcome(signed_in, case):
    response = signed_in.post(url(case, "outcome"), {"close": "on"})
    assert "Select the outcome" in response.content.decode()


def test_moved_away_closes_with_the_council_told(signed_in, case, tracker, other_school):
    response = signed_in.post(url(case, "outcome"), {
        "outcome": "moved_away", "receiving_council": "Northshire County Council",
        "council_told_on": TODAY.isoformat(), "found_school": other_school.pk,
        "close": "on",
    })  # fmt: skip
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED and case.closed_at
    assert (case.receiving_council, case.council_told_on) == ("Northshire County Council", TODAY)
    assert case.found_school is None  # another outcome's detail is not kept
    assert case.outcome_by == tracker and case.next_step_due is None
    # A closed case takes no more enquiries.
    assert signed_in.post(url(case, "enquiry"), {}).status_code == 302
    assert not Enquiry.objects.exists()


def test_found_without_closing_stays_found_closing(signed_in, case, other_school):
    signed_in.post(url(case, "outcome"), {"outcome": "in_school", "found_school": other_school.pk})
    case.refresh_from_db()
    assert (case.status, case.found_school) == (Case.Status.FOUND, other_school)


def test_assigning(signed_in, case, tracker):
    assert signed_in.post(url(case, "assign"), {"officer": tracker.pk}).status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == tracker
    assert case.events.filter(kind="assigned").exists()


def test_only_a_pupil_tracking_officer_may_be_assigned(signed_in, case, attendance_officer):
    response = signed_in.post(url(case, "assign"), {"officer": attendance_officer.pk})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.assigned_to is None


def test_removal_only_after_twenty_school_days_and_enquiries(signed_in, case, settings):
    settings.PORTAL_TERMS = [
        ("Spring 2026", [("2026-01-05", "2026-02-13"), ("2026-02-23", "2026-03-27")])
    ]
    case.absent_since = date(2026, 1, 5)
    case.save()
    early = signed_in.post(url(case, "removal"), {"agreed_on": "2026-01-30"})
    assert "not before 2 February 2026" in early.content.decode()
    no_enquiries = signed_in.post(url(case, "removal"), {"agreed_on": "2026-02-02"})
    assert "Record the council" in no_enquiries.content.decode()
    EnquiryFactory(case=case)
    assert signed_in.post(url(case, "removal"), {"agreed_on": "2026-02-02"}).status_code == 302
    case.refresh_from_db()
    assert case.removal_agreed_on == date(2026, 2, 2)
