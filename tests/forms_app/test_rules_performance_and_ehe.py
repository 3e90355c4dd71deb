from datetime import date

import pytest

from forms_app.rules.home_education import consent_reasons
from forms_app.rules.performance import (
    chaperone_age_ok,
    chaperone_approval_ends,
    licence_exemption,
    short_notice,
)


@pytest.mark.parametrize(
    "paid, misses_school, days, bopa, exempt",
    [
        (False, False, 0, False, True),
        (False, False, 3, False, True),  # this would be the 4th day: still exempt
        (False, False, 4, False, False),  # the 5th day needs a licence
        (True, False, 0, False, False),
        (False, True, 0, False, False),
        (True, True, 10, True, True),  # a body of persons approval covers it
    ],
)
def test_licence_exemption(paid, misses_school, days, bopa, exempt):
    assert licence_exemption(paid, misses_school, days, bopa).exempt is exempt


@pytest.mark.parametrize("days_ahead, late", [(20, True), (21, False), (22, False)])
def test_applications_under_21_days_are_late(days_ahead, late):
    applied = date(2026, 3, 1)
    first = date.fromordinal(applied.toordinal() + days_ahead)
    assert short_notice(first, applied) is late


@pytest.mark.parametrize("age, ok", [(17, False), (18, True), (19, True)])
def test_chaperones_are_at_least_18(age, ok):
    assert chaperone_age_ok(age) is ok


def test_chaperone_approval_lasts_three_years():
    assert chaperone_approval_ends(date(2026, 5, 1)) == date(2029, 5, 1)
    assert chaperone_approval_ends(date(2028, 2, 29)) == date(2031, 2, 28)


def test_ehe_consent_reasons():
    assert consent_reasons(False, False, False) == []
    assert len(consent_reasons(True, False, False)) == 1
    assert len(consent_reasons(True, True, False)) == 2
    # Child protection counts only once the 2026 Act is in force.
    assert consent_reasons(False, False, True) == []
    assert len(consent_reasons(False, False, True, wellbeing_act_in_force=True)) == 1
