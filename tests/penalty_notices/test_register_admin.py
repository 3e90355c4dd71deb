"""The register in the Wagtail admin: attendance officers alone; the list (filters,
search, a page of 50 at the same cost for 5 or 60 notices), the CSV export recorded in
the audit log, the forms with their errors, a notice started from a referral, and each
notice's page with the family's other notices and what the law allows next."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from penalty_notices.models import PenaltyNotice
from portal.factories import SchoolFactory

from .notices import form_data, notice

INDEX = reverse("penalty_notices_notice:index")
ADD = reverse("penalty_notices_notice:add")


def page_of(pk):
    return reverse("penalty_notices_notice:notice", args=[pk])


def many(school, count):
    # Each its own family: none of them a third notice.
    for index in range(count):
        notice(
            school,
            child_first_name=f"Child{index}",
            issued_on=date.today() - timedelta(days=40 + index),
        )


@pytest.mark.parametrize("who", ["anonymous", "school_user", "ehe_officer"])
def test_only_attendance_officers_reach_the_register(client, school, who, request):
    made = notice(school)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in (
        INDEX,
        ADD,
        page_of(made.pk),
        reverse("penalty_notices_notice:edit", args=[made.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "login" in response["Location"] or response["Location"].startswith("/admin/")
    assert not AuditEvent.objects.filter(action="viewed", kind="penalty notice").exists()


def test_no_one_deletes_a_notice(client, school, attendance_officer):
    made = notice(school)
    client.force_login(attendance_officer)
    response = client.get(reverse("penalty_notices_notice:delete", args=[made.pk]))
    assert response.status_code in (302, 403)
    assert PenaltyNotice.objects.filter(pk=made.pk).exists()


def test_the_list_costs_the_same_for_5_and_60_notices(
    client, school, attendance_officer, django_assert_max_num_queries
):
    client.force_login(attendance_officer)
    many(school, 5)
    client.get(INDEX)  # the session and the permissions, cached once
    with django_assert_max_num_queries(30) as few:
        assert client.get(INDEX).status_code == 200
    many(SchoolFactory(), 55)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(INDEX).content.decode()
    assert page.count('class="title"') >= 50


def test_filters_and_search(client, school, other_school, attendance_officer):
    client.force_login(attendance_officer)
    kai = notice(school)
    paid = notice(other_school, child_first_name="Lily", parent_first_name="Shaun",
                  paid_on=date.today() - timedelta(days=30), amount_paid=80)  # fmt: skip
    old = notice(school, child_first_name="Ben", issued_on=date(2025, 3, 3))

    def numbers(query):
        return {
            n
            for n in (kai.number, paid.number, old.number)
            if n in client.get(INDEX + query).content.decode()
        }

    assert numbers(f"?school={other_school.pk}") == {paid.number}
    assert numbers("?status=paid") == {paid.number}
    assert numbers("?status=issued") == {kai.number, old.number}
    assert numbers("?year=2024") == {old.number}
    assert numbers("?q=shaun") == {paid.number}
    assert numbers("?q=KAI+MORGAN") == {kai.number}
    assert numbers(f"?q={old.number}") == {old.number}


def test_the_csv_export_is_streamed_and_recorded(client, school, attendance_officer):
    client.force_login(attendance_officer)
    made = notice(school, parent_first_name="=HYPERLINK(1)")
    response = client.get(INDEX + "?export=csv&status=issued")
    assert response.streaming
    content = b"".join(response.streaming_content).decode()
    assert made.number in content and "'=HYPERLINK(1)" in content and "Issued" in content
    event = AuditEvent.objects.get(action="exported", kind="penalty notice")
    assert event.service == "attendance" and "status=issued" in event.detail


def test_adding_a_notice_and_its_errors_keep_what_was_typed(client, school, attendance_officer):
    client.force_login(attendance_officer)
    issued = date.today() - timedelta(days=40)
    wrong = form_data(school, amount="95", paid_on=(issued - timedelta(days=1)).isoformat(), amount_paid="80", parent_first_name="Dana")  # fmt: skip
    response = client.post(ADD, wrong)
    assert response.status_code == 200
    page = response.content.decode()
    assert "£160 (£80 if paid within 21 days)" in page
    assert "on or after the date the notice was issued" in page
    assert 'value="95"' in page and 'value="Dana"' in page
    response = client.post(ADD, form_data(school))
    made = PenaltyNotice.objects.get()
    assert response["Location"] == page_of(made.pk)
    assert AuditEvent.objects.filter(kind="penalty notice", action="created").exists()


def test_changing_a_notice_records_the_view_and_the_change(client, school, attendance_officer):
    client.force_login(attendance_officer)
    made = notice(school)
    edit = reverse("penalty_notices_notice:edit", args=[made.pk])
    assert client.get(edit).status_code == 200
    assert AuditEvent.objects.filter(kind="penalty notice", action="viewed").count() == 1
    data = form_data(
        school, paid_on=(made.issued_on + timedelta(days=10)).isoformat(), amount_paid="80"
    )
    data.update(issued_on=made.issued_on.isoformat(), offence_from=made.offence_from.isoformat(),
                offence_to=made.offence_to.isoformat())  # fmt: skip
    client.post(edit, data)
    made.refresh_from_db()
    assert made.status == "paid" and made.amount_paid == 80


def test_a_third_notice_is_refused_in_the_form(client, school, other_school, attendance_officer):
    client.force_login(attendance_officer)
    notice(school, issued_on=date.today() - timedelta(days=700))
    notice(other_school, issued_on=date.today() - timedelta(days=300))
    page = client.post(ADD, form_data(school)).content.decode()
    assert "a further notice cannot be issued" in page and "section 444" in page
    assert PenaltyNotice.objects.count() == 2


def test_a_notice_started_from_a_referral(client, school, attendance_officer):
    referral = SubmissionFactory(
        journey=Journey.ATTENDANCE_REFERRAL,
        school=school,
        answers={
            "pupil": {"first_name": "Kai", "last_name": "Morgan", "date_of_birth": "2016-03-09", "upn": "H801200001001"},
            "pupil_address": {"line_1": "9 Kiln Road", "town": "Wyvernton", "postcode": "WY1 4EF"},
            "parents": [
                {"first_name": "Sam", "last_name": "Morgan", "parental_responsibility": False},
                {"first_name": "Dana", "last_name": "Morgan", "parental_responsibility": True, "address": ""},
            ],
        },
    )  # fmt: skip
    client.force_login(attendance_officer)
    form = client.get(f"{ADD}?referral={referral.reference}").context["form"]
    assert form.initial["child_first_name"] == "Kai"
    assert form.initial["child_date_of_birth"] == date(2016, 3, 9)
    assert form.initial["parent_first_name"] == "Dana"
    assert form.initial["parent_address"] == "9 Kiln Road, Wyvernton, WY1 4EF"
    assert form.initial["school"] == school.pk
    assert form.initial["referral_reference"] == referral.reference
    # Another reference fills nothing.
    assert (
        not client.get(f"{ADD}?referral=ATT-NOTHING")
        .context["form"]
        .initial.get("child_first_name")
    )


def test_a_notice_page_shows_the_family_and_what_is_allowed_next(
    client, school, other_school, attendance_officer
):
    client.force_login(attendance_officer)
    first = notice(
        other_school, issued_on=date.today() - timedelta(days=700), child_last_name="morgan "
    )
    second = notice(school, issued_on=date.today() - timedelta(days=40))
    withdrawn = notice(school, issued_on=date.today() - timedelta(days=200), withdrawn_on=date.today() - timedelta(days=190), withdrawn_reason="Wrong child")  # fmt: skip
    another_kai = notice(school, child_date_of_birth=date(2016, 3, 10))
    page = client.get(page_of(second.pk)).content.decode()
    assert first.number in page and withdrawn.number in page
    assert "Beechfield Primary" in page
    assert "No further penalty notice" in page and "section 444" in page
    assert another_kai.number not in page
    assert AuditEvent.objects.filter(
        kind="penalty notice", action="viewed", record_id=str(second.pk)
    ).exists()
    alone = notice(school, child_first_name="Mia")
    page = client.get(page_of(alone.pk)).content.decode()
    assert "A second penalty notice within 3 years: £160." in page
