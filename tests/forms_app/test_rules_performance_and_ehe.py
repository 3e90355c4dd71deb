from datetime import date

import pytest

from forms_app.rules import home_education_messages, performance_messages
from forms_app.rules.home_education import consent_reasons
from forms_app.rules.performance import (
    chaperone_approval_ends,
    licence_exemption,
    short_notice,
)


@pytest.mark.parametrize(
    "paid, misses_school, days, bopa, exempt, reason",
    [
        (False, False, 0, False, True, "within_exempt_days"),
        (False, False, 3, False, True, "within_exempt_days"),  # the 4th day: still exempt
        (False, False, 4, False, False, "too_many_days"),  # the 5th day needs a licence
        (True, False, 0, False, False, "paid"),
        (False, True, 0, False, False, "misses_school"),
        (True, True, 10, True, True, "body_of_persons"),  # an approval covers it
    ],
)
def test_licence_exemption(paid, misses_school, days, bopa, exempt, reason):
    found = licence_exemption(paid, misses_school, days, bopa)
    assert found.exempt is exempt
    assert found.reason.code == reason
    assert performance_messages.say(found.reason)


def test_the_4_day_rule_names_its_days():
    reason = licence_exemption(False, False, 4, False).reason
    assert reason.params == {"days": 4}
    assert "more than 4 days in 6 months" in performance_messages.say(reason)


@pytest.mark.parametrize("days_ahead, late", [(20, True), (21, False), (22, False)])
def test_applications_under_21_days_are_late(days_ahead, late):
    applied = date(2026, 3, 1)
    first = date.fromordinal(applied.toordinal() + days_ahead)
    assert short_notice(first, applied) is late


def test_chaperone_approval_lasts_three_years():
    assert chaperone_approval_ends(date(2026, 5, 1)) == date(2029, 5, 1)
    assert chaperone_approval_ends(date(2028, 2, 29)) == date(2031, 2, 28)


def codes(findings):
    return [finding.code for finding in findings]


def test_ehe_consent_reasons():
    assert consent_reasons(False, False, False) == []
    assert codes(consent_reasons(True, False, False)) == ["special_school"]
    assert codes(consent_reasons(True, True, False)) == ["special_school", "attendance_order"]
    # Child protection counts only once the 2026 Act is in force.
    assert consent_reasons(False, False, True) == []
    found = consent_reasons(False, False, True, wellbeing_act_in_force=True)
    assert codes(found) == ["child_protection"]
    assert all(
        home_education_messages.say(reason) for reason in consent_reasons(True, True, True, True)
    )
