"""Schools flagged for a stage 1 audit when figures change, and the officers' stage
screens: the rules at their thresholds, what flagging never touches, the form's checks,
who may use the screens and what is recorded."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from attendance.factories import SchoolFiguresFactory, SchoolStageFactory
from attendance.models import SchoolFigures, SchoolStage
from attendance.signals import figures_changed
from attendance.stage_records import flag_schools
from audit.models import AuditEvent
from portal.factories import SchoolFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 1, 10)


def figures_at(school, rate, year=2025, half=2, persistent=15.0):
    """Figures whose attendance is exactly `rate`."""
    figures = SchoolFiguresFactory(school=school, year=year, half=half, persistent=persistent)
    absent = round((100 - Decimal(str(rate))) * figures.possible_sessions / 100)
    figures.authorised_illness, figures.authorised_medical = absent, 0
    figures.authorised_holiday = figures.authorised_other = 0
    figures.unauthorised_holiday = figures.unauthorised_late = figures.unauthorised_other = 0
    figures.save()
    assert figures.attendance_rate == Decimal(str(rate)), figures.attendance_rate
    return figures


def changed(years, today=TODAY):
    figures_changed.send(sender=SchoolFigures, years=set(years), today=today)


def test_under_the_threshold_is_flagged_and_the_threshold_itself_is_not():
    under, at = SchoolFactory(), SchoolFactory()
    figures_at(under, "93.99")  # 10,000 sessions a half term: two places exact
    figures_at(at, "94.00")
    changed({2025})
    stage = SchoolStage.objects.get()
    assert (stage.school, stage.year, stage.stage) == (under, 2025, SchoolStage.Stage.AUDIT)
    assert stage.flagged_on == TODAY and stage.flagged_attendance == Decimal("93.99")


def test_the_latest_half_term_with_figures_decides():
    recovered, slipped = SchoolFactory(), SchoolFactory()
    figures_at(recovered, "92.00", half=1)
    figures_at(recovered, "95.00", half=2)
    figures_at(slipped, "96.00", half=1)
    figures_at(slipped, "93.00", half=2)
    figures_at(SchoolFactory(active=False), "80.00")  # closed schools are not audited
    changed({2025})
    assert list(SchoolStage.objects.values_list("school", "flagged_attendance")) == [
        (slipped.pk, Decimal("93.00"))
    ]


def test_only_the_years_touched_are_flagged():
    school = SchoolFactory()
    figures_at(school, "90.00", year=2024)
    figures_at(school, "90.00", year=2025)
    changed({2025})
    assert list(SchoolStage.objects.values_list("year", flat=True)) == [2025]


def test_a_stage_an_officer_set_is_never_lowered_rewritten_or_reopened():
    school, closed = SchoolFactory(), SchoolFactory()
    figures_at(school, "90.00")
    figures_at(closed, "91.00")
    later = SchoolStageFactory(
        school=school, stage=SchoolStage.Stage.FOLLOW_UP, audit_on=date(2025, 11, 1), notes="Met"
    )
    done = SchoolStageFactory(school=closed, closed_on=date(2025, 12, 1), flagged_attendance=93)
    changed({2025})
    changed({2025})  # again: nothing more
    later.refresh_from_db()
    done.refresh_from_db()
    assert later.stage == SchoolStage.Stage.FOLLOW_UP and later.notes == "Met"
    assert later.flagged_attendance is None
    assert done.closed_on == date(2025, 12, 1) and done.flagged_attendance == Decimal("93.00")
    assert SchoolStage.objects.count() == 2


@override_settings(ATTENDANCE_STAGE_1_BELOW=90)
def test_the_threshold_is_a_setting():
    school, other = SchoolFactory(), SchoolFactory()
    figures_at(school, "89.99")
    figures_at(other, "90.00")
    assert [stage.school for stage in flag_schools({2025}, TODAY)] == [school]


@override_settings(ATTENDANCE_STAGE_1_BELOW=96)
def test_a_higher_threshold_flags_more():
    figures_at(SchoolFactory(), "95.50")
    assert len(flag_schools({2025}, TODAY)) == 1


def test_flagging_costs_the_same_queries_whatever_the_number_of_schools(
    django_assert_max_num_queries,
):
    def some(count, year):
        for _ in range(count):
            figures_at(SchoolFactory(), "90.00", year=year, half=1)
        return count

    some(3, 2023)
    with django_assert_max_num_queries(3):
        assert len(flag_schools({2023}, TODAY)) == 3
    some(25, 2024)
    with django_assert_max_num_queries(3):
        assert len(flag_schools({2023, 2024}, TODAY)) == 25


def test_the_command_flags_the_latest_year_or_the_one_named(capsys):
    school = SchoolFactory()
    figures_at(school, "90.00", year=2024)
    figures_at(school, "90.00", year=2025)
    call_command("flag_attendance_stages")
    assert "2025/26: 1 schools flagged" in capsys.readouterr().out
    call_command("flag_attendance_stages", "--year", "2024/25")
    assert sorted(SchoolStage.objects.values_list("year", flat=True)) == [2024, 2025]


# The officers' screens --------------------------------------------------------------

EDIT = "attendance_schoolstage:edit"


def form_data(**values):
    data = {"stage": "1", "audit_on": "", "follow_up_on": "", "central_review_on": "",
            "closed_on": "", "notes": ""}  # fmt: skip
    data.update(values)
    return data


@pytest.fixture
def stage(school):
    return SchoolStageFactory(
        school=school, flagged_on=date(2025, 10, 20), flagged_attendance=Decimal("91.50")
    )


def test_an_officer_moves_a_school_to_stage_2_and_it_is_recorded(client, attendance_officer, stage):
    client.force_login(attendance_officer)
    url = reverse(EDIT, args=[stage.pk])
    response = client.post(url, form_data(stage="2", audit_on="2025-11-03", notes="Audit done"))
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.stage == 2 and stage.audit_on == date(2025, 11, 3)
    assert stage.updated_by == attendance_officer
    event = AuditEvent.objects.filter(kind="attendance stage").latest("pk")
    assert event.action == "changed" and event.label == "Alderbrook Primary, 2025/26"
    assert event.actor == attendance_officer


@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"stage": "2"}, "audit_on", "Enter the audit date"),
        ({"stage": "3", "audit_on": "2025-11-01"}, "follow_up_on", "Enter the follow-up"),
        ({"audit_on": "2025-10-19"}, "audit_on", "before the school was flagged"),
        (
            {"audit_on": "2025-11-05", "follow_up_on": "2025-11-04"},
            "follow_up_on",
            "before the audit",
        ),
        ({"closed_on": str(date.today() + timedelta(days=1))}, "closed_on", "in the future"),
        ({"stage": "7"}, "stage", "Select a valid choice"),
        ({"audit_on": "next week"}, "audit_on", "Enter a valid date"),
    ],
)
def test_the_form_refuses_what_cannot_be(client, attendance_officer, stage, values, field, message):
    client.force_login(attendance_officer)
    response = client.post(reverse(EDIT, args=[stage.pk]), form_data(**values))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    stage.refresh_from_db()
    assert stage.stage == 1 and stage.audit_on is None


def test_the_edit_page_suggests_follow_up_from_the_figures(client, attendance_officer, stage):
    client.force_login(attendance_officer)
    url = reverse(EDIT, args=[stage.pk])
    figures_at(stage.school, "93.00", half=1, persistent=10.0)
    text = client.get(url).text
    assert "Latest figures, Autumn 1 2025/26: attendance 93.00%" in text
    assert "follow-up meetings are suggested" not in text
    figures_at(stage.school, "91.00", half=2, persistent=10.0)  # under stage 2's 92
    assert "follow-up meetings are suggested" in client.get(url).text
    with override_settings(ATTENDANCE_STAGE_2_BELOW=90):
        assert "follow-up meetings are suggested" not in client.get(url).text


def test_the_listing_filters_and_searches(client, attendance_officer, stage, other_school):
    SchoolStageFactory(school=other_school, stage=3, year=2024)
    client.force_login(attendance_officer)
    index = reverse("attendance_schoolstage:index")
    text = client.get(index).text
    assert "Alderbrook Primary" in text and "Beechfield Primary" in text
    text = client.get(index, {"stage": "3"}).text
    assert "Beechfield Primary" in text and "Alderbrook Primary" not in text
    text = client.get(index, {"year": "2025"}).text
    assert "Alderbrook Primary" in text and "Beechfield Primary" not in text
    text = client.get(index, {"q": "Beech"}).text
    assert "Beechfield Primary" in text and "Alderbrook Primary" not in text
    assert client.get(index, {"year": "abc", "stage": "x", "p": "zz"}).status_code == 200


def test_the_listing_costs_the_same_queries_whatever_the_number_of_stages(
    client, attendance_officer, django_assert_max_num_queries
):
    client.force_login(attendance_officer)
    index = reverse("attendance_schoolstage:index")
    for _ in range(3):
        SchoolStageFactory()
    client.get(index)
    with django_assert_max_num_queries(30) as few:
        client.get(index)
    for _ in range(40):
        SchoolStageFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(index).status_code == 200


@pytest.mark.parametrize("who", ["school_user", "governor", "ehe_officer"])
def test_others_are_refused_the_stage_screens(client, request, who, stage):
    client.force_login(request.getfixturevalue(who))
    for url in (
        reverse("attendance_schoolstage:index"),
        reverse(EDIT, args=[stage.pk]),
        reverse("attendance_schoolstage:add"),
        reverse("attendance_schoolstage:delete", args=[stage.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(reverse(EDIT, args=[stage.pk]), form_data(stage="3")).status_code in (
        302,
        403,
    )
    stage.refresh_from_db()
    assert stage.stage == 1


def test_stages_are_never_added_or_deleted_by_hand(client, attendance_officer, stage):
    client.force_login(attendance_officer)
    assert client.get(reverse("attendance_schoolstage:add")).status_code in (302, 403)
    client.post(reverse("attendance_schoolstage:delete", args=[stage.pk]))
    assert SchoolStage.objects.filter(pk=stage.pk).exists()
