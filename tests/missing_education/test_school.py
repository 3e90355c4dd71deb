"""The school's side: the dashboard panel lists the open cases of pupils who left the
schools the user acts for (not governors'), and each case's read-only page summarises the
enquiries without other agencies' details. A school never sees another school's cases."""

import pytest

from audit.models import AuditEvent
from missing_education.factories import CaseFactory, EnquiryFactory
from missing_education.models import Case

pytestmark = pytest.mark.django_db

DASHBOARD = "/portal/"


def page_url(case):
    return f"/portal/missing-education/cases/{case.pk}/"


def test_the_panel_lists_the_schools_open_cases_only(client, home, school_user, case, other_case):
    case.school_asked = "Please send the last attendance record."
    case.save()
    CaseFactory(last_school=case.last_school, first_name="Shut", status=Case.Status.CLOSED)
    client.force_login(school_user)
    page = client.get(DASHBOARD).content.decode()
    assert "Children missing education" in page
    assert "Tia Marsh" in page and "Please send the last attendance record." in page
    assert "Amir Haddad" not in page  # another school's
    assert "Shut" not in page  # closed


def test_no_panel_for_a_governor_or_a_school_without_cases(
    client, home, governor, school_user, other_case
):
    for user in (governor, school_user):
        client.force_login(user)
        assert "Children missing education" not in client.get(DASHBOARD).content.decode()


def test_the_case_page_summarises_enquiries_and_is_logged(client, home, school_user, case):
    EnquiryFactory(case=case, checks=["gp", "police"], contact="PC Jones, Northgate station",
                   outcome="Known to police at a new address in Leeds")  # fmt: skip
    client.force_login(school_user)
    response = client.get(page_url(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Health: GP, Police" in page
    assert "PC Jones" not in page and "Leeds" not in page  # other agencies' details
    event = AuditEvent.objects.filter(action="viewed").latest("pk")
    assert (event.record_id, event.actor) == (str(case.pk), school_user)


def test_another_schools_case_governors_officers_and_the_signed_out_are_refused(
    client, home, school_user, governor, attendance_officer, case, other_case
):
    client.force_login(school_user)
    assert client.get(page_url(other_case)).status_code == 404
    for user in (governor, attendance_officer):
        client.force_login(user)
        assert client.get(page_url(case)).status_code == 404
    client.logout()
    response = client.get(page_url(case))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_panel_does_a_fixed_number_of_queries(
    client, home, school_user, school, django_assert_max_num_queries
):
    from missing_education.views import open_cases_for

    CaseFactory.create_batch(12, last_school=school)
    with django_assert_max_num_queries(2):
        assert len(open_cases_for(school_user)) == 12
