"""The agenda the portal prepares for a targeting support meeting: the school's own
figures against the council and England for its phase, its stage, and a section from
each service's hook (reduced timetables, open referrals, self-assessment priorities),
each answering in a fixed number of queries however much the school has."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail import hooks

from attendance.agenda import agenda_for
from attendance.factories import (
    AreaFiguresFactory,
    MeetingActionFactory,
    SchoolFiguresFactory,
    SchoolStageFactory,
)
from attendance.models import AreaFigures
from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from returns.models import SchoolReturn
from self_assessment.models import Action, Answer, Assessment, AssessmentArea
from shared.support_agenda import HOOK_NAME
from tests.returns.conftest import add_pupil, make_period
from tests.self_assessment.conftest import make_framework

from .meetings_setup import future_meeting

TODAY = date.today()


def section(key, school):
    for answer in hooks.get_hooks(HOOK_NAME):
        found = answer(school, TODAY)
        if found is not None and found.key == key:
            return found
    raise AssertionError(f"no {key} section")


def test_the_school_s_figures_against_the_council_and_england_for_its_phase(school):
    SchoolFiguresFactory(school=school, year=2025, half=1, absence=4.0)
    SchoolFiguresFactory(school=school, year=2025, half=2, absence=7.0, persistent=22.0)
    AreaFiguresFactory(area="council", phase="primary", year=2025, half=2, absence=5.0)
    AreaFiguresFactory(area="council", phase="all", year=2025, half=2, absence=6.0)
    AreaFiguresFactory(area="national", phase="all", year=2025, half=2, absence=6.8)
    SchoolStageFactory(school=school, year=2025, stage=1)
    meeting = future_meeting(school, year=2025)
    agenda = agenda_for(meeting, TODAY)
    assert agenda.period.school.half == 2 and agenda.period.below_threshold  # 93.00% < 94
    attendance = agenda.rows[0]
    assert (attendance["school"], attendance["council"], attendance["national"]) == (
        Decimal("93.00"),
        Decimal("95.00"),  # primary, not all schools
        Decimal("93.20"),  # England's primary figures missing: all schools
    )
    assert agenda.rows[1]["school"] == Decimal("22.00")
    assert agenda.stage.stage == 1
    assert [s.key for s in agenda.sections] == ["returns", "referrals", "self_assessment"]


def test_no_figures_yet_is_said_not_an_error(school):
    agenda = agenda_for(future_meeting(school), TODAY)
    assert agenda.period is None and agenda.rows == [] and agenda.stage is None


def test_reduced_timetables_by_initials_year_group_and_review_date(school, other_school):
    period = make_period()
    school_return = SchoolReturn.objects.get(period=period, school=school)
    add_pupil(school_return, pupil="K.L.", year_group="4")
    from shared import upn

    rest = "820700125001"
    add_pupil(school_return, pupil=upn.check_letter(rest) + rest)
    assert section("returns", school).count == 0  # not sent yet
    school_return.status = SchoolReturn.Status.RETURNED
    school_return.save()
    found = section("returns", school)
    assert found.count == 2
    assert any(line.startswith("K.L., Year 4, review ") for line in found.lines)
    assert any("UPN ending 5001" in line for line in found.lines)
    assert not any(rest in line for line in found.lines)  # never the whole UPN
    assert found.url.endswith(f"/edit/{school_return.pk}/")


def test_open_referrals_by_reference_and_status(school, other_school):
    made = [
        SubmissionFactory(journey=Journey.ATTENDANCE_REFERRAL, school=school, status=status)
        for status in ("received", "in_review", "approved", "closed")
    ]
    SubmissionFactory(journey=Journey.ATTENDANCE_REFERRAL, school=other_school)
    found = section("referrals", school)
    assert found.count == 2
    assert sorted(line.split(":")[0] for line in found.lines) == sorted(
        s.reference for s in made[:2]
    )
    assert "In review" in " ".join(found.lines)
    assert "Sara" not in " ".join(found.lines)


def test_self_assessment_priorities_lowest_areas_and_open_actions(school):
    assert "not submitted" in section("self_assessment", school).lines[0]
    framework = make_framework()
    assessment = Assessment.objects.create(
        school=school, framework=framework, school_year=2025, status="submitted",
        submitted_at=timezone.now(),
    )  # fmt: skip
    areas = list(AssessmentArea.objects.order_by("order"))
    for number, statement in enumerate(framework.statements.select_related("area")):
        level = 1 if statement.area == areas[1] else (2 if statement.area == areas[2] else 4)
        Answer.objects.create(assessment=assessment, statement=statement, level=level + number % 1)
    Action.objects.create(school=school, title="Daily calls", owner="Lead", due_date=TODAY)
    Action.objects.create(
        school=school, title="Done already", owner="Lead", due_date=TODAY, status="done"
    )
    found = section("self_assessment", school)
    assert found.lines[0].startswith(f"Lowest-rated area: {areas[1].name}, 1.0 out of 4")
    assert areas[2].name in found.lines[1]
    assert [line for line in found.lines if "Open action" in line] == [
        f"Open action: Daily calls (due {TODAY.day} {TODAY:%B %Y})"
    ]
    assert found.count == 3


def _lots_of_everything(school, times):
    period = make_period(name=f"Period {times}", opens=-10 - times)
    school_return = SchoolReturn.objects.get(period=period, school=school)
    for n in range(times):
        add_pupil(school_return, pupil="AB"[n % 2] + "C")
    school_return.status = SchoolReturn.Status.RETURNED
    school_return.save()
    for _n in range(times):
        SubmissionFactory(journey=Journey.ATTENDANCE_REFERRAL, school=school, status="received")
        Action.objects.create(school=school, title="An action", owner="Lead", due_date=TODAY)
    SchoolFiguresFactory(school=school, year=2025, half=times % 6 + 1)
    AreaFiguresFactory(area=AreaFigures.Area.COUNCIL, phase="all", year=2025, half=times % 6 + 1)


def test_the_whole_agenda_costs_a_fixed_number_of_queries(school, django_assert_max_num_queries):
    framework = make_framework()
    assessment = Assessment.objects.create(
        school=school, framework=framework, school_year=2025, status="submitted",
        submitted_at=timezone.now(),
    )  # fmt: skip
    Answer.objects.bulk_create(
        Answer(assessment=assessment, statement=statement, level=2)
        for statement in framework.statements.all()
    )
    earlier = future_meeting(school, starts_at=timezone.now() - timedelta(days=100), term=3)
    meeting = future_meeting(school)
    _lots_of_everything(school, 1)
    MeetingActionFactory(meeting=earlier)
    # figures 2, stage 1, earlier actions 1, returns 2, referrals 1, self-assessment 4
    with django_assert_max_num_queries(11):
        agenda_for(meeting, TODAY)
    _lots_of_everything(school, 15)
    for _n in range(15):
        MeetingActionFactory(meeting=earlier)
    # More than fit on the agenda: each list counts the rest (one query each).
    with django_assert_max_num_queries(14):
        agenda = agenda_for(meeting, TODAY)
    assert agenda.earlier_open == 16 and len(agenda.earlier_actions) == 10
    referrals = next(s for s in agenda.sections if s.key == "referrals")
    assert referrals.count == 16 and len(referrals.lines) == 10
    assert Submission.objects.filter(school=school).count() == 16
