from datetime import date
from decimal import Decimal

import pytest
from django.test import override_settings

from attendance import stages
from attendance.factories import SchoolFiguresFactory
from attendance.models import percent
from attendance.periods import HalfTerm, parse_year, school_year_of, term_on, year_label


@pytest.mark.parametrize(
    "text, year",
    [
        ("2025/26", 2025),
        ("2025-26", 2025),
        ("2025/2026", 2025),
        ("202526", 2025),
        (" 2025 ", 2025),
        ("2099/00", 2099),
        ("2025/27", None),
        ("2025/2027", None),
        ("20xx", None),
        ("1890/91", None),
        ("", None),
        (None, None),
    ],
)
def test_school_years_in_the_ways_files_write_them(text, year):
    assert parse_year(text) == year


def test_half_terms_follow_each_other_across_years():
    assert HalfTerm(2025, 6).next() == HalfTerm(2026, 1)
    assert HalfTerm(2026, 1).previous() == HalfTerm(2025, 6)
    assert HalfTerm(2025, 4).term == 2
    assert str(HalfTerm(2025, 3)) == "Spring 1 2025/26"
    assert year_label(2099) == "2099/00"


def test_a_school_year_runs_from_september_to_august():
    assert school_year_of(date(2026, 8, 31)) == 2025
    assert school_year_of(date(2026, 9, 1)) == 2026
    assert term_on(date(2026, 12, 3)) == (2026, 1)
    assert term_on(date(2027, 2, 1)) == (2026, 2)
    assert term_on(date(2027, 6, 1)) == (2026, 3)


def test_percentages_round_half_up_and_need_a_whole():
    assert percent(1, 3) == Decimal("33.33")
    assert percent(1, 8) == Decimal("12.50")
    assert percent(5, 0) is None


@pytest.mark.django_db
def test_rates_are_worked_out_when_figures_are_saved():
    figures = SchoolFiguresFactory(absence=6.0, pupils=200, persistent=12.5)
    figures.refresh_from_db()
    assert figures.absence_rate == Decimal("6.00")
    assert figures.attendance_rate == Decimal("94.00")
    assert figures.persistent_rate == Decimal("12.50")
    assert figures.authorised + figures.unauthorised == figures.absent
    figures.possible_sessions = 0
    figures.save(update_fields=["possible_sessions"])
    figures.refresh_from_db()
    assert figures.absence_rate is None and figures.attendance_rate is None


@override_settings(ATTENDANCE_STAGE_1_BELOW=94, ATTENDANCE_STAGE_2_BELOW=92)
def test_stage_one_flags_only_under_the_threshold():
    assert stages.flag_for_audit(Decimal("93.99"))
    assert not stages.flag_for_audit(Decimal("94.00"))
    assert not stages.flag_for_audit(None)


@override_settings(ATTENDANCE_STAGE_2_BELOW=92, ATTENDANCE_PERSISTENT_ABOVE=20)
def test_stage_two_follows_low_attendance_or_many_persistent_absentees():
    assert stages.follow_up_suggested(Decimal("91.99"), Decimal("5"))
    assert not stages.follow_up_suggested(Decimal("92.00"), Decimal("20.00"))
    assert stages.follow_up_suggested(Decimal("93"), Decimal("20.01"))
    assert not stages.follow_up_suggested(None, None)


def test_a_half_term_ends_when_the_council_says_else_on_the_usual_day():
    from attendance.periods import half_term_ends

    assert half_term_ends(2025, 1) == date(2025, 10, 24)  # PORTAL_TERMS
    assert half_term_ends(2025, 4) == date(2026, 3, 27)
    assert half_term_ends(2026, 6) == date(2027, 7, 21)
    assert half_term_ends(2030, 2) == date(2030, 12, 19)  # not published
    assert half_term_ends(2030, 6) == date(2031, 7, 22)
