"""Referrals after they are sent: the attendance officers' queue (flagged, findings,
outcomes) and the school's own view (dashboard panel and read-only page)."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from forms_app.demo_referrals import seed_referrals
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Submission, SubmissionEvent
from forms_app.school_referrals import referrals_panel
from portal.demo import seed_accounts, seed_schools
from portal.factories import MembershipFactory, SchoolFactory
from portal.models import User
from shared.demo_data import load

from .referral_fixtures import *  # noqa: F403  (the referral page and users)


def referral(school, user=None, **kwargs):
    return SubmissionFactory(
        journey=Journey.ATTENDANCE_REFERRAL,
        school=school,
        submitted_by=user,
        submitter_name="Priya Shah",
        submitter_email="lead@alderbrook.example",
        answers={"pupil": {"first_name": "Kai", "last_name": "Morgan", "upn": "H801200001001"}},
        findings=["Attendance 70.0% (absent from 30.0% of sessions)"],
        **kwargs,
    )


@pytest.fixture
def flagged_referral(school, school_user):
    return referral(school, school_user, flagged=True)


def inspect(submission):
    return reverse("forms_app_submission:inspect", args=[submission.pk])


def outcome_url(submission):
    return reverse("forms_app_submission:outcome", args=[submission.pk])


# --- officers ---------------------------------------------------------------------------


def test_attendance_officers_see_referrals_with_flag_and_findings(
    client, home, attendance_officer, flagged_referral
):
    client.force_login(attendance_officer)
    index = client.get(reverse("forms_app_submission:index")).content.decode()
    assert flagged_referral.reference in index
    flagged_only = client.get(reverse("forms_app_submission:index") + "?flagged=true")
    assert flagged_referral.reference in flagged_only.content.decode()
    page = client.get(inspect(flagged_referral)).content.decode()
    assert "Attendance 70.0% (absent from 30.0% of sessions)" in page
    assert "Flagged:" in page and "Record the outcome" in page


def test_the_flagged_filter_leaves_out_the_rest(client, home, attendance_officer, school):
    plain = referral(school)
    client.force_login(attendance_officer)
    page = client.get(reverse("forms_app_submission:index") + "?flagged=true").content.decode()
    assert plain.reference not in page


def test_an_officer_of_another_service_cannot_see_a_referral(
    client, home, ehe_officer, flagged_referral
):
    client.force_login(ehe_officer)
    assert (
        flagged_referral.reference
        not in client.get(reverse("forms_app_submission:index")).content.decode()
    )
    response = client.get(inspect(flagged_referral))
    assert response.status_code in (302, 403)
    assert client.post(outcome_url(flagged_referral), {"outcome": "case_opened"}).status_code in (
        302,
        403,
    )
    flagged_referral.refresh_from_db()
    assert flagged_referral.outcome == ""


def test_recording_an_outcome(
    client, home, attendance_officer, flagged_referral, django_capture_on_commit_callbacks
):
    client.force_login(attendance_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            outcome_url(flagged_referral), {"outcome": "penalty_notice", "confirmed": "yes"}
        )
    assert response.status_code == 302
    flagged_referral.refresh_from_db()
    assert flagged_referral.outcome == "penalty_notice"
    event = SubmissionEvent.objects.get(kind="outcome")
    assert event.user == attendance_officer and "Penalty notice issued" in event.note
    assert mail.outbox[-1].to == ["lead@alderbrook.example"]
    assert "Penalty notice issued" in mail.outbox[-1].subject


def test_declining_needs_a_reason(client, home, attendance_officer, flagged_referral):
    client.force_login(attendance_officer)
    client.post(outcome_url(flagged_referral), {"outcome": "declined", "reason": ""})
    flagged_referral.refresh_from_db()
    assert flagged_referral.outcome == ""
    client.post(
        outcome_url(flagged_referral),
        {"outcome": "declined", "reason": "Offer support first.", "confirmed": "yes"},
    )
    flagged_referral.refresh_from_db()
    assert (flagged_referral.outcome, flagged_referral.outcome_reason) == (
        "declined",
        "Offer support first.",
    )


def test_a_school_user_cannot_set_an_outcome(client, home, school_user, flagged_referral):
    client.force_login(school_user)
    response = client.post(outcome_url(flagged_referral), {"outcome": "case_opened"})
    assert response.status_code in (302, 403)
    flagged_referral.refresh_from_db()
    assert flagged_referral.outcome == ""


def test_outcomes_are_only_for_referrals(client, home, attendance_officer):
    client.force_login(attendance_officer)
    other = SubmissionFactory(journey=Journey.EHE_REGISTRATION)
    other.service = "attendance"  # even if an attendance officer could see it
    assert client.post(outcome_url(other), {"outcome": "case_opened"}).status_code in (302, 403)


def test_the_queue_costs_the_same_for_many_referrals(
    client, home, attendance_officer, school, django_assert_max_num_queries
):
    for _ in range(60):
        referral(school, flagged=True, outcome="case_opened")
    client.force_login(attendance_officer)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("forms_app_submission:index"))
    assert response.content.decode().count("ATT-") >= 50


# --- the school's view ------------------------------------------------------------------


def test_the_dashboard_lists_the_schools_referrals(
    client, home, school, school_user, other_school, flagged_referral
):
    theirs = referral(other_school)
    client.force_login(school_user)
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert "Your school&#x27;s referrals" in page
    assert flagged_referral.reference in page and "Kai Morgan" in page
    assert theirs.reference not in page


def test_governors_get_no_referrals_panel(client, home, governor, flagged_referral):
    client.force_login(governor)
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert "Your school&#x27;s referrals" not in page
    assert flagged_referral.reference not in page
    url = reverse("forms_app:referral", args=[flagged_referral.reference])
    assert client.get(url).status_code == 404


def test_the_referral_page_for_its_own_school_only(
    client, home, school_user, other_school_user, flagged_referral
):
    url = reverse("forms_app:referral", args=[flagged_referral.reference])
    assert "/portal/sign-in/" in client.get(url)["Location"]
    client.force_login(school_user)
    Submission.objects.filter(pk=flagged_referral.pk).update(
        outcome="declined", outcome_reason="Offer support first."
    )
    page = client.get(url).content.decode()
    assert flagged_referral.reference in page and "H801200001001" in page
    assert "Declined" in page and "Offer support first." in page
    assert SubmissionEvent.objects.filter(kind="viewed", user=school_user).count() == 1
    client.force_login(other_school_user)
    assert client.get(url).status_code == 404


def test_panel_and_page_cost_the_same_for_many_referrals(
    client, rf, home, school, school_user, django_assert_max_num_queries
):
    second = SchoolFactory(name="Castle Mead Academy")
    MembershipFactory(school=second, user=school_user)
    made = [referral(school if n % 2 else second, school_user) for n in range(80)]
    # The panel alone (the dashboard's other panels belong to other apps).
    request = rf.get("/portal/")
    request.user = User.objects.get(pk=school_user.pk)
    with django_assert_max_num_queries(5):
        panel = referrals_panel(request)
        page = render_to_string(panel.template_name, {"panel": panel}, request=request)
    assert page.count("/forms/referrals/ATT-") == 50
    assert "Showing the 50 most recent of 80 referrals" in page
    client.force_login(school_user)
    with django_assert_max_num_queries(15):
        client.get(reverse("forms_app:referral", args=[made[0].reference]))


# --- demo -------------------------------------------------------------------------------


def test_demo_referrals_are_made_once(db):
    seed_schools()
    seed_accounts()
    made = len(load("forms_app", "referrals")["referrals"])
    assert seed_referrals() == f"{made} demo referrals"
    assert seed_referrals() == "demo referrals already there"
    referrals = Submission.objects.filter(journey=Journey.ATTENDANCE_REFERRAL)
    assert referrals.count() == made >= 12
    assert referrals.filter(flagged=True).exists() and referrals.filter(flagged=False).exists()
    # A flagged referral says why, as the queue's tags show it: safeguarding, or (with no
    # penalty notice register seeded here) a declared notice the register does not hold.
    assert all(
        r.flags and set(r.flags) <= {"safeguarding", "penalty_register"}
        for r in referrals.filter(flagged=True)
    )
    assert all(r.flags == [] for r in referrals.filter(flagged=False))
    assert len(set(referrals.values_list("outcome", flat=True))) >= 4
    assert len(set(referrals.values_list("status", flat=True))) >= 4
    assert all(r.findings for r in referrals)
    assert set(referrals.values_list("school__urn", flat=True)) == {"190001", "190003", "190007"}
