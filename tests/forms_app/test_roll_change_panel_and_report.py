"""Roll-change notices after they are sent: the school's dashboard panel and read-only page
(its own schools' notices only, never a governor's), and the pupil tracking officers'
report in the Wagtail admin (by ground and by school, its CSV in the audit log)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from forms_app.demo_roll_changes import seed_roll_changes
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from portal.demo import seed_accounts, seed_schools
from portal.factories import SchoolFactory, UserFactory
from portal.terms import council_terms, term_index

from .roll_change_fixtures import *  # noqa: F403  (the page, the terms)
from .roll_change_fixtures import school_days_before


@pytest.fixture
def pupil_tracking_officer(db):
    return UserFactory(
        email="tracking@council.example", is_staff=True, groups=["Pupil tracking officers"]
    )


def notice(school, user=None, *, ground="9_1_g", deleted_on=None, first_name="Ruby", **kwargs):
    deleted_on = deleted_on or date.today()
    answers = {
        "school": {"school": str(school.pk)},
        "kind": {"kind": "deletion"},
        "pupil": {"first_name": first_name, "last_name": "Shaw", "date_of_birth": "2016-05-14"},
        "deletion": {"ground": ground, "deleted_on": deleted_on.isoformat()},
    }
    return SubmissionFactory(
        journey=Journey.ROLL_CHANGE,
        school=school,
        submitted_by=user,
        submitter_name="Priya Shah",
        submitter_email="lead@alderbrook.example",
        answers=answers,
        **kwargs,
    )


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("portal:dashboard")).content.decode()


# --- the school's panel and page -----------------------------------------------------------


def test_the_panel_lists_the_schools_notices_late_and_on_time(
    client, home, school, other_school, school_user, terms_around_today
):
    late = notice(school, school_user, deleted_on=school_days_before(date.today(), 9))
    on_time = notice(school, school_user, first_name="Leo", ground="9_1_a")
    theirs = notice(other_school, first_name="Hidden")
    page = dashboard(client, school_user)
    assert "Your school&#x27;s roll-change notices" in page
    assert late.reference in page and on_time.reference in page
    assert theirs.reference not in page and "Hidden" not in page
    assert "9(1)(g): Moved away" in page and "9(1)(a): Registered at another school" in page
    assert page.count(">Late<") == 1 and page.count(">On time<") == 1


def test_governors_get_no_roll_change_panel_nor_page(client, home, school, governor):
    sent = notice(school)
    assert "roll-change notices" not in dashboard(client, governor)
    response = client.get(reverse("forms_app:roll-change", args=[sent.reference]))
    assert response.status_code == 404


def test_the_page_for_its_own_school_only(
    client, home, school, other_school, school_user, terms_around_today
):
    mine, theirs = notice(school, school_user), notice(other_school)
    client.force_login(school_user)
    page = client.get(reverse("forms_app:roll-change", args=[mine.reference]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ruby Shaw" in text and "Due by" in text and "On time" in text
    assert client.get(reverse("forms_app:roll-change", args=[theirs.reference])).status_code == 404
    # Every look is recorded, as officers' looks are.
    assert AuditEvent.objects.filter(action="viewed", record_id=str(mine.pk)).exists()


def test_panel_and_page_cost_the_same_for_many_notices(
    client, home, school, school_user, django_assert_max_num_queries
):
    client.force_login(school_user)
    for number in range(3):
        notice(school, school_user, first_name=f"Pupil{number}")
    client.get(reverse("portal:dashboard"))  # caches warmed
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("portal:dashboard"))
    for number in range(30):
        notice(school, school_user, first_name=f"More{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("portal:dashboard"))
    sent = Submission.objects.filter(journey=Journey.ROLL_CHANGE).first()
    with django_assert_max_num_queries(20):
        client.get(reverse("forms_app:roll-change", args=[sent.reference]))


# --- the officers' report ------------------------------------------------------------------

REPORT = "/admin/roll-changes/"


def test_the_report_counts_this_terms_notices_by_ground_and_school(
    client, home, school, other_school, pupil_tracking_officer, django_assert_max_num_queries
):
    # Today is in a published term (settings.PORTAL_TERMS run to 2028), or before the next.
    assert term_index(timezone.localdate(), council_terms()) is not None
    notice(school, ground="9_1_g")
    notice(school, ground="9_1_g", flags=["late_notice"], flagged=True)
    notice(other_school, ground="9_1_a")
    client.force_login(pupil_tracking_officer)
    with django_assert_max_num_queries(25):
        page = client.get(REPORT)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Notices this term: 3, of which late: 1" in text
    assert "9(1)(g): Moved away" in text and school.name in text and other_school.name in text
    assert "journey=roll_change" in text  # the notices themselves, in the queue
    # Many more notices: the same queries.
    for _each in range(20):
        notice(SchoolFactory(), ground="9_1_i")
    with django_assert_max_num_queries(25):
        assert client.get(REPORT).status_code == 200


def test_another_term_is_chosen_and_a_bad_choice_ignored(client, home, pupil_tracking_officer):
    client.force_login(pupil_tracking_officer)
    first = council_terms()[0]
    page = client.get(REPORT + "?term=0").content.decode()
    assert first.name in page and "Notices this term: 0" in page
    assert client.get(REPORT + "?term=nonsense").status_code == 200


def test_the_csv_is_recorded_in_the_audit_log(client, home, school, pupil_tracking_officer):
    sent = notice(school, ground="9_1_g")
    client.force_login(pupil_tracking_officer)
    response = client.get(reverse("forms_app_roll_changes_csv"))
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert sent.reference in content and "9(1)(g): Moved away" in content
    event = AuditEvent.objects.get(action="exported", service="pupil_tracking")
    assert event.actor == pupil_tracking_officer


@pytest.mark.parametrize("url", [REPORT, "/admin/roll-changes/notices.csv"])
def test_officers_of_other_services_and_schools_are_refused(
    client, home, school_user, attendance_officer, ehe_officer, url
):
    for user in (attendance_officer, ehe_officer):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
    client.force_login(school_user)
    assert client.get(url).status_code in (302, 403)


def test_the_pupil_tracking_officer_works_notices_and_no_other_service(
    client, home, school, pupil_tracking_officer
):
    sent = notice(school)
    referral = SubmissionFactory(journey=Journey.ATTENDANCE_REFERRAL, school=school)
    client.force_login(pupil_tracking_officer)
    queue = client.get(reverse("forms_app_submission:index")).content.decode()
    assert sent.reference in queue and referral.reference not in queue
    assert client.get(reverse("forms_app_submission:inspect", args=[sent.pk])).status_code == 200
    refused = client.get(reverse("forms_app_submission:inspect", args=[referral.pk]))
    assert refused.status_code in (302, 403)
    # The admin menu leads to the report.
    assert REPORT in client.get("/admin/").content.decode()


# --- the demo ------------------------------------------------------------------------------


def test_demo_notices_are_made_once(db, home):
    seed_schools()
    seed_accounts()
    seed_roll_changes()
    made = Submission.objects.filter(journey=Journey.ROLL_CHANGE).count()
    assert made == 12
    assert seed_roll_changes() == "demo roll-change notices already there"
    assert Submission.objects.filter(journey=Journey.ROLL_CHANGE).count() == made
    notices = Submission.objects.filter(journey=Journey.ROLL_CHANGE)
    assert notices.filter(flags__icontains="late_notice").exists()
    assert notices.exclude(flags__icontains="late_notice").exists()
    # The home education deletion started its EHE record, once.
    assert Submission.objects.filter(flags__icontains="from_school").count() == 1
    assert any(
        (n.answers.get("destination") or {}).get("destination") == "not_known" for n in notices
    )
    assert timedelta(0) <= timezone.now() - notices.order_by("-created_at")[0].created_at
