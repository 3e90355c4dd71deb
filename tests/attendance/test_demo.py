"""The demo's attendance data has what the attendance screens show: five years of
figures for every open school, England's and the council's by phase, schools at each
stage, meetings held, scheduled and missing this term, and actions in every state.
Seeded here from the schools and accounts up (the whole demo is tests/test_demo_records.py)."""

from datetime import date

import pytest

from attendance.demo import demo_term, seed_attendance, seed_meetings
from attendance.models import (
    AreaFigures,
    MeetingAction,
    SchoolFigures,
    SchoolStage,
    SupportMeeting,
)
from attendance.periods import in_term, school_year_of
from portal.demo import seed_accounts, seed_schools
from portal.models import School
from shared import upn

PHASES = {"all", "primary", "secondary", "special"}


@pytest.fixture
def demo(db):
    seed_schools()
    seed_accounts()
    seed_attendance()
    return school_year_of(date.today())


def test_every_school_has_five_years_of_plausible_figures(demo):
    current = demo
    for school in School.objects.filter(active=True):
        years = set(school.attendance_figures.values_list("year", flat=True))
        assert years == set(range(current - 4, current + 1)), school.urn
        # Whole years before this one: six half terms each.
        assert school.attendance_figures.filter(year=current - 1).count() == 6
    ranges = {"primary": (93, 97.5), "secondary": (90, 95), "special": (86, 91)}
    for row in SchoolFigures.objects.filter(half=6).select_related("school"):
        low, high = ranges.get(row.school.phase, (85, 97.5))
        assert low <= row.attendance_rate <= high, (row, row.attendance_rate)
        assert 8 <= row.persistent_rate <= 30 and 0 < row.severe_rate <= 4, row
    alderbrook = SchoolFigures.objects.filter(school__urn="190001", year=current).last()
    assert 93 < alderbrook.attendance_rate < 94


def test_national_figures_are_the_published_ones_and_the_council_is_worked_out(demo):
    published = {
        row.phase: row.absence_rate
        for row in AreaFigures.objects.filter(area="national", year=2023, half=6)
    }
    expected = {"all": "6.80", "primary": "5.20", "secondary": "8.50", "special": "12.90"}
    assert {phase: str(rate) for phase, rate in published.items()} == expected
    for year in range(demo - 4, demo):
        for area in ("national", "council"):
            phases = set(
                AreaFigures.objects.filter(area=area, year=year, half=6).values_list(
                    "phase", flat=True
                )
            )
            assert PHASES <= phases, (area, year)
    assert AreaFigures.objects.filter(area="council", worked_out=False).count() == 0


def test_stages_meetings_and_actions_in_every_state(demo):
    this_year = school_year_of(date.today())
    stages = SchoolStage.objects.filter(year=this_year)
    assert {1, 2, 3} <= set(stages.values_list("stage", flat=True))
    assert stages.filter(school__urn="190001", stage=1).exists()
    assert SchoolStage.objects.filter(year=this_year - 1, school__urn="190001").exists()
    stage_2 = stages.get(stage=2)
    assert stage_2.audit_on and stage_2.notes

    current, term = demo_term(date.today())
    meetings = SupportMeeting.objects.filter(year=current, term=term)
    schools = School.objects.filter(active=True).count()
    held = meetings.filter(status="held", starts_at__date__lt=date.today()).count()
    # Still to come: this term's, or the next's when this one is nearly over.
    scheduled = SupportMeeting.objects.filter(status="scheduled", starts_at__date__gt=date.today())
    assert held >= schools // 2 and scheduled.exists() and meetings.count() < schools
    for earlier_term in (1, 2):
        assert SupportMeeting.objects.filter(year=current - 1, term=earlier_term).count() == schools

    alderbrook = meetings.get(school__urn="190001", status="held")
    assert alderbrook.actions.filter(status__in=MeetingAction.OPEN_STATUSES).exists()
    assert SupportMeeting.objects.filter(
        school__urn="190001", status="held", starts_at__lt=alderbrook.starts_at
    ).exists()

    actions = MeetingAction.objects.all()
    assert {"done", "in_progress", "open"} <= set(actions.values_list("status", flat=True))
    assert actions.filter(status="open", due_on__lt=date.today()).exists()
    for meeting in SupportMeeting.objects.filter(status="held").prefetch_related("actions"):
        assert 1 <= len(meeting.actions.all()) <= 4
    pupils = [pupil for pupil in actions.values_list("pupil", flat=True) if len(pupil) == 13]
    assert pupils and all(upn.problem(pupil) is None for pupil in pupils)
    assert actions.filter(pupil__regex=r"^[A-Z]{2}$").exists()
    assert actions.filter(cohort__gt="").exists()


def test_seeding_again_changes_nothing(demo):
    counts = [
        model.objects.count()
        for model in (SchoolFigures, AreaFigures, SchoolStage, SupportMeeting, MeetingAction)
    ]
    assert "0 schools' figures" in seed_attendance()
    assert counts == [
        model.objects.count()
        for model in (SchoolFigures, AreaFigures, SchoolStage, SupportMeeting, MeetingAction)
    ]


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 12, 21),  # the Christmas holiday: the spring term has not started
        date(2027, 1, 6),  # the spring term's first days
        date(2027, 3, 24),  # the spring term's last days
        date(2027, 8, 10),  # the summer holiday
    ],
)
def test_meetings_are_in_their_terms_whatever_the_day(db, today):
    """Seeded on any day of the year, a held meeting is in the past and one still to come
    in the future, each within its own term's dates; seeding again adds none."""
    seed_schools()
    seed_accounts()
    seed_meetings(today)
    meetings = list(SupportMeeting.objects.all())
    assert meetings
    for meeting in meetings:
        day = meeting.starts_at.date()
        assert in_term(day, meeting.year, meeting.term), (meeting, day)
        if meeting.status == "held":
            assert day < today, (meeting, day)
        else:
            assert day > today, (meeting, day)
    assert "0 targeting support meetings" in seed_meetings(today)
