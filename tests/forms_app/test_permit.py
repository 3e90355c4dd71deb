"""The printable permit: only licensing officers open it, and only for an approved child
employment permit application."""

from datetime import date

import pytest
from django.utils import timezone

from forms_app.models import Submission, SubmissionEvent
from forms_app.permit import valid_until
from portal.factories import UserFactory
from tests.clients import PortalClient

from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import permit_answers, walk


@pytest.fixture
def application(permit_applicant):
    walk(permit_applicant, permit_answers())
    permit_applicant.post("check-your-answers/", {})
    return Submission.objects.get()


def approve(submission):
    submission.status = Submission.Status.APPROVED
    submission.save()
    SubmissionEvent.objects.create(
        submission=submission,
        kind=SubmissionEvent.Kind.STATUS,
        from_status=Submission.Status.RECEIVED,
        to_status=Submission.Status.APPROVED,
    )
    return submission


def signed_in(groups):
    user = UserFactory(email=f"{groups[0].split()[0].lower()}@council.example", groups=groups)
    client = PortalClient(HTTP_HOST="localhost")
    client.force_login(user)  # with the second factor officers must give
    return client


def permit_url(submission):
    return f"/forms/permit/{submission.reference}/"


def test_a_licensing_officer_opens_the_permit_of_an_approved_application(application):
    approve(application)
    response = signed_in(["Licensing officers"]).get(permit_url(application))
    assert response.status_code == 200
    page = response.content.decode().replace("&#x27;", "'")
    today = timezone.localdate()
    for expected in (
        application.reference,
        "Jamie Clarke",
        "Wyvernton Academy",
        "Shah's News",
        "1 High Street, Wyvernton, WY1 1AB",
        "Delivering newspapers or leaflets",
        "7:45am to 8:30am",
        "9am to midday",
        f"{today:%-d %B %Y}",
        f"{valid_until(today):%-d %B %Y}",
    ):
        assert expected in page, expected
    assert application.events.filter(kind=SubmissionEvent.Kind.VIEWED).exists()


@pytest.mark.parametrize("groups", [["EHE officers"], ["Attendance officers"]])
def test_other_officers_are_refused(application, groups):
    approve(application)
    assert signed_in(groups).get(permit_url(application)).status_code == 403


def test_a_school_user_is_refused(application, school_user, client):
    approve(application)
    client.force_login(school_user)
    assert client.get(permit_url(application)).status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(application, client):
    approve(application)
    response = client.get(permit_url(application))
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/sign-in/?next=/forms/permit/")


def test_an_application_not_approved_has_no_permit(application):
    officer = signed_in(["Licensing officers"])
    assert officer.get(permit_url(application)).status_code == 404
    application.status = Submission.Status.REFUSED
    application.save()
    assert officer.get(permit_url(application)).status_code == 404


def test_only_employment_permits_have_a_permit_page(home, application):
    approve(application)
    Submission.objects.filter(pk=application.pk).update(journey="chaperone_approval")
    assert signed_in(["Licensing officers"]).get(permit_url(application)).status_code == 404
    assert signed_in(["Licensing officers"]).get("/forms/permit/CEP-NOTHERE/").status_code == 404


def test_a_permit_is_valid_for_12_months():
    assert valid_until(date(2026, 5, 3)) == date(2027, 5, 2)
    assert valid_until(date(2028, 2, 29)) == date(2029, 2, 28)


def test_the_officer_screen_links_an_approved_permit(client, home):
    from django.urls import reverse

    from forms_app.factories import SubmissionFactory
    from forms_app.journeys.registry import Journey
    from portal.factories import UserFactory

    officer = UserFactory(
        email="permits@council.example", is_staff=True, groups=["Licensing officers"]
    )
    approved = SubmissionFactory(journey=Journey.EMPLOYMENT_PERMIT, status="approved")
    pending = SubmissionFactory(journey=Journey.EMPLOYMENT_PERMIT)
    client.force_login(officer)
    page = client.get(reverse("forms_app_submission:inspect", args=[approved.pk])).content.decode()
    assert f"/forms/permit/{approved.reference}/" in page
    page = client.get(reverse("forms_app_submission:inspect", args=[pending.pk])).content.decode()
    assert "/forms/permit/" not in page
