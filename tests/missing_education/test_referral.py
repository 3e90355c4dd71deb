"""Any council officer refers a child missing education; the case opens in the pupil
tracking officers' queue; the referring officer sees only its reference."""

import pytest

from missing_education.models import Case, CaseEvent

pytestmark = pytest.mark.django_db

URL = "/admin/missing_education/refer/"
SENT = "/admin/missing_education/refer/sent/"


def test_an_officer_of_another_service_refers_and_sees_only_the_reference(
    client, ehe_officer, school
):
    client.force_login(ehe_officer)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {
        "first_name": "Poppy", "last_name": "Fairweather", "date_of_birth": "2016-06-30",
        "last_school": school.pk, "reason": "On no roll, and not educated at home.",
        "parents": "Jade Fairweather (mother)",
    })  # fmt: skip
    assert response["Location"] == SENT
    case = Case.objects.get()
    assert (case.source, case.referred_by, case.referred_by_service) == (
        Case.Source.REFERRAL,
        ehe_officer,
        "ehe",
    )
    assert case.events.get().kind == CaseEvent.Kind.OPENED
    page = client.get(SENT).content.decode()
    assert case.reference in page and "Poppy" not in page
    # The queue and the case stay the pupil tracking officers'.
    for url in ("/admin/missing_education/", f"/admin/missing_education/{case.pk}/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_a_referral_is_checked_keeping_what_was_typed(client, attendance_officer):
    client.force_login(attendance_officer)
    response = client.post(
        URL, {"first_name": "Poppy", "upn": "A12345678901", "date_of_birth": "2099-01-01"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the child&#x27;s last name" in page
    assert "Say why you think the child is missing education" in page
    assert "A unique pupil number must be 13 characters" in page
    assert "Date of birth must be in the past" in page
    assert 'value="Poppy"' in page
    assert not Case.objects.exists()


def test_schools_governors_editors_and_the_signed_out_may_not_refer(client, school_user, governor):
    from portal.factories import UserFactory

    editor = UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
    assert client.get(URL).status_code == 302
    for user in (school_user, governor, editor):
        client.force_login(user)
        response = client.post(URL, {"first_name": "A", "last_name": "B", "reason": "C"})
        assert response.status_code == 302
        assert response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    assert not Case.objects.exists()


def test_the_menu_offers_each_officer_their_own_screen(client, tracker, ehe_officer):
    client.force_login(tracker)
    home = client.get("/admin/").content.decode()
    assert "Children missing education" in home
    assert "Refer a child missing education" not in home  # they refer from the queue
    client.force_login(ehe_officer)
    home = client.get("/admin/").content.decode()
    assert "Refer a child missing education" in home
    assert "Children missing education" not in home
