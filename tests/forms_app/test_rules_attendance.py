"""The attendance rules as plain functions: figures, the threshold, penalty notices, UPNs."""

from datetime import date, timedelta

import pytest

from forms_app.rules.attendance import (
    Attendance,
    Threshold,
    absence_findings,
    penalty_finding,
    penalty_outcome,
    session_count_problems,
    sessions_by_code,
    sessions_by_day,
    threshold,
    upn_check_letter,
    upn_problem,
)
from forms_app.rules.attendance_messages import say
from forms_app.rules.findings import Finding

AMOUNTS = {
    "first_reduced_amount": 80,
    "reduced_days": 21,
    "full_amount": 160,
    "full_days": 28,
    "repeat_amount": 160,
    "most_notices_in_period": 2,
    "period_years": 3,
}


def weekday(day):
    return day.weekday() < 5


@pytest.mark.parametrize(
    "possible, attended, percent, persistent, severe",
    [
        (100, 100, 100.0, False, False),
        (100, 91, 91.0, False, False),
        (100, 90, 90.0, True, False),  # exactly 10% missed is persistent
        (100, 51, 51.0, True, False),
        (100, 50, 50.0, True, True),  # exactly 50% missed is severe
        (3, 2, 66.7, True, False),
        (0, 0, 0.0, False, False),
    ],
)
def test_attendance(possible, attended, percent, persistent, severe):
    figures = Attendance(possible, attended)
    assert (figures.percent, figures.persistent, figures.severe) == (percent, persistent, severe)


def test_session_counts_that_cannot_be_true():
    assert session_count_problems(100, 70, {"G": 10, "N": 20}) == []
    assert session_count_problems(100, 101, {}) == [
        Finding("attended_above_possible", {"possible": 100})
    ]
    [problem] = session_count_problems(100, 70, {"G": 10, "N": 21})
    assert problem == Finding(
        "codes_above_missed", {"total": 31, "missed": 30, "possible": 100, "attended": 70}
    )
    assert say(problem).startswith("The sessions of codes G, N, O and U add up to 31, but")


def test_runs_of_days_count_school_days_only():
    runs = [
        (date(2026, 10, 9), date(2026, 10, 12), "both", "N"),  # Friday to Monday: 2 days
        (date(2026, 10, 14), date(2026, 10, 14), "morning", "U"),
        (date(2026, 10, 15), date(2026, 10, 15), "both", "C"),  # not a threshold code
    ]
    assert sessions_by_code(runs, weekday) == {"N": 4, "U": 1, "C": 2}
    by_day = sessions_by_day(runs, weekday)
    assert by_day == {date(2026, 10, 9): 2, date(2026, 10, 12): 2, date(2026, 10, 14): 1}


def mondays(first, count, skip=()):
    weeks, monday = [], first
    while len(weeks) < count:
        if monday not in skip:
            weeks.append(monday)
        monday += timedelta(weeks=1)
    return weeks


def test_threshold_met_within_ten_school_weeks():
    weeks = mondays(date(2026, 9, 7), 20)
    sessions = {weeks[0]: 5, weeks[9] + timedelta(days=2): 5}  # weeks 1 and 10
    result = threshold(sessions, weeks)
    assert result.met and result.most_sessions == 10
    assert result.window_start == weeks[0]


def test_threshold_not_met_when_eleven_weeks_apart():
    weeks = mondays(date(2026, 9, 7), 20)
    result = threshold({weeks[0]: 5, weeks[10]: 5}, weeks)
    assert not result.met and result.most_sessions == 5


def test_holidays_are_not_school_weeks_so_a_window_spans_them():
    # A two-week holiday after the 5th school week: 10 school weeks cover 12 calendar weeks.
    holiday = {date(2026, 10, 12), date(2026, 10, 19)}
    weeks = mondays(date(2026, 9, 7), 20, skip=holiday)
    sessions = {date(2026, 9, 7): 4, date(2026, 11, 23): 6}  # school weeks 1 and 10
    assert threshold(sessions, weeks).met
    sessions = {date(2026, 9, 7): 4, date(2026, 11, 30): 6}  # school weeks 1 and 11
    assert not threshold(sessions, weeks).met


def test_threshold_with_nothing():
    assert not threshold({}, mondays(date(2026, 9, 7), 5)).met


def codes(findings):
    return [finding.code for finding in findings]


def test_what_the_figures_show():
    met = Threshold(True, 12, date(2026, 9, 7), date(2026, 11, 13))
    found = absence_findings(Attendance(100, 45), met, weeks=10)
    assert codes(found) == ["attendance", "severe_absence", "threshold_met"]
    assert found[0].params == {"percent": 45.0, "absent": 55.0}
    assert found[2].params == {"sessions": 12, "weeks": 10, "start": date(2026, 9, 7)}
    assert [say(finding) for finding in found] == [
        "Attendance 45.0% (absent from 55.0% of sessions)",
        "Severe absence: 50% or more of sessions missed",
        "National threshold met: 12 unauthorised sessions in the 10 school weeks from "
        "7 September 2026",
    ]
    not_met = Threshold(False, 4, date(2026, 9, 7), date(2026, 11, 13))
    found = absence_findings(Attendance(100, 88), not_met, weeks=10)
    assert codes(found) == ["attendance", "persistent_absence", "threshold_not_met"]
    assert codes(absence_findings(Attendance(100, 95), not_met, 10)) == [
        "attendance",
        "threshold_not_met",
    ]


def test_penalty_notices():
    first = penalty_outcome(0, AMOUNTS)
    assert (first.allowed, first.number, first.reduced_amount, first.reduced_within_days) == (
        True,
        1,
        80,
        21,
    )
    assert (first.amount, first.pay_within_days) == (160, 28)
    second = penalty_outcome(1, AMOUNTS)
    assert (second.allowed, second.amount, second.reduced_amount) == (True, 160, None)
    third = penalty_outcome(2, AMOUNTS)
    assert not third.allowed and third.number == 3


def test_what_a_penalty_notice_would_be():
    first = penalty_finding(penalty_outcome(0, AMOUNTS), AMOUNTS)
    assert first == Finding(
        "first_notice", {"low": 80, "low_days": 21, "high": 160, "high_days": 28}
    )
    assert say(first) == "First penalty notice: £80 within 21 days, £160 within 28 days"
    second = penalty_finding(penalty_outcome(1, AMOUNTS), AMOUNTS)
    assert second == Finding("repeat_notice", {"amount": 160})
    third = penalty_finding(penalty_outcome(2, AMOUNTS), AMOUNTS)
    assert third == Finding("no_more_notices", {"most": 2, "years": 3})
    assert say(third).startswith("This parent has had 2 penalty notices")


def test_penalty_amounts_come_from_settings():
    changed = dict(AMOUNTS, first_reduced_amount=100, most_notices_in_period=3)
    assert penalty_outcome(0, changed).reduced_amount == 100
    assert penalty_outcome(2, changed).allowed


def test_upn_check_letter():
    assert upn_check_letter("801200001001") == "H"  # the DfE's worked example
    assert upn_problem("H801200001001") is None
    assert upn_problem(" h801200001001 ") is None
    assert upn_problem("A801200001001") == Finding("upn_check_letter")
    assert upn_problem("H80120000100") == Finding("upn_length")
    assert upn_problem("1801200001001") == Finding("upn_format")
    assert upn_problem("I801200001001") == Finding("upn_format")  # I is not a check letter


def test_a_temporary_upn_ends_in_a_letter():
    rest = "80120000100A"
    letter = upn_check_letter(rest)
    assert upn_problem(letter + rest) is None
    assert upn_problem(letter + "80120000100I") == Finding("upn_format")
