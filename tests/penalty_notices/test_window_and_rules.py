"""The three-year window at its bounds, and what a notice on the register must be."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from penalty_notices import rules
from shared.penalty_notices import NoticeSeen, counted, match_key, window_start

from .notices import notice

AMOUNTS = settings.PORTAL_PENALTY_NOTICE


def seen(issued_on, withdrawn=False):
    return NoticeSeen("PN-1", issued_on, "Dana Morgan", "Alderbrook", 160, withdrawn)


def test_the_day_three_years_before_counts_and_the_day_before_does_not():
    on = date(2027, 6, 10)
    assert counted([seen(date(2024, 6, 10))], on, 3) == [seen(date(2024, 6, 10))]
    assert counted([seen(date(2024, 6, 9))], on, 3) == []


def test_29_february():
    # On 29 February the window opens on 29 February three years before it... or on
    # 28 February in a year without one.
    assert window_start(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert counted([seen(date(2025, 2, 28))], date(2028, 2, 29), 3) != []
    # A notice of 29 February 2024 counts to 28 February 2027, no further.
    assert rules.counts_until(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert counted([seen(date(2024, 2, 29))], date(2027, 2, 28), 3) != []
    assert counted([seen(date(2024, 2, 29))], date(2027, 3, 1), 3) == []


def test_withdrawn_and_later_notices_do_not_count():
    on = date(2026, 1, 1)
    assert counted([seen(date(2025, 6, 1), withdrawn=True)], on, 3) == []
    assert counted([seen(date(2026, 1, 2))], on, 3) == []
    both = counted([seen(date(2025, 6, 1)), seen(date(2024, 1, 1))], on, 3)
    assert [n.issued_on for n in both] == [date(2024, 1, 1), date(2025, 6, 1)]


def test_names_compare_whatever_the_case_and_spacing():
    assert match_key("  Kai ", "MORGAN") == match_key("kai", "Morgan")
    assert match_key("Mary  Ann", "Lee") == match_key("mary ann", "lee")


def test_what_the_law_allows_next():
    on = date(2026, 1, 1)
    assert rules.allowed_next([], on, AMOUNTS) == (1, 160, 80)
    assert rules.allowed_next([seen(date(2025, 1, 1))], on, AMOUNTS) == (2, 160, None)
    two = [seen(date(2025, 1, 1)), seen(date(2024, 1, 1))]
    assert rules.allowed_next(two, on, AMOUNTS) is None


def errors_of(made):
    with pytest.raises(ValidationError) as raised:
        made.full_clean()
    return raised.value.message_dict


@pytest.mark.django_db
def test_a_valid_notice_saves_with_a_number_and_its_status(school):
    made = notice(school)
    made.full_clean()
    assert made.number.startswith("PN-") and made.status == "issued"
    made.paid_on, made.amount_paid = made.issued_on + timedelta(days=5), 80
    made.full_clean()
    made.save()
    assert made.status == "paid"


@pytest.mark.django_db
def test_dates_that_cannot_be(school):
    today = date.today()
    errors = errors_of(notice(school, issued_on=today - timedelta(days=5), save=False,
                              offence_to=today - timedelta(days=3)))  # fmt: skip
    assert "after the last day of the absence" in errors["issued_on"][0]
    made = notice(school, save=False)
    made.paid_on, made.amount_paid = made.issued_on - timedelta(days=1), 80
    assert "on or after the date the notice was issued" in errors_of(made)["paid_on"][0]
    made = notice(school, save=False, offence_to=today - timedelta(days=200))
    made.offence_from = made.offence_to + timedelta(days=1)
    assert "on or after its first day" in errors_of(made)["offence_to"][0]
    made = notice(school, save=False, issued_on=today + timedelta(days=1))
    assert "today or in the past" in errors_of(made)["issued_on"][0]


@pytest.mark.django_db
def test_amounts_for_the_notice_place_and_the_day_paid(school):
    assert (
        "£160 (£80 if paid within 21 days)"
        in errors_of(notice(school, save=False, amount=80))["amount"][0]
    )
    made = notice(school, save=False)
    made.paid_on, made.amount_paid = made.issued_on + timedelta(days=25), 80
    assert "the amount due was £160" in errors_of(made)["amount_paid"][0]
    made.paid_on = made.issued_on + timedelta(days=29)
    assert "within 28 days" in errors_of(made)["paid_on"][0]
    made.paid_on, made.amount_paid = made.issued_on + timedelta(days=3), None
    assert "both the date paid and the amount paid" in errors_of(made)["amount_paid"][0]


@pytest.mark.django_db
def test_a_third_notice_in_three_years_is_refused_with_another_route(school, other_school):
    today = date.today()
    notice(school, issued_on=today - timedelta(days=900))
    notice(other_school, issued_on=today - timedelta(days=400), child_first_name=" KAI ")
    third = notice(school, save=False, issued_on=today - timedelta(days=20))
    message = errors_of(third)["issued_on"][0]
    assert "cannot be issued" in message and "section 444" in message
    # A withdrawn notice takes no place: then this one is the second, and £160.
    notice(school, issued_on=today - timedelta(days=300), withdrawn_on=today - timedelta(days=290),
           withdrawn_reason="Wrong address")  # fmt: skip
    # The same child of another birth date is another child.
    notice(school, save=False, child_date_of_birth=date(2016, 3, 10)).full_clean()


@pytest.mark.django_db
def test_outcomes_that_cannot_go_together(school):
    made = notice(school, save=False)
    made.paid_on, made.amount_paid = made.issued_on + timedelta(days=3), 80
    made.withdrawn_on, made.withdrawn_reason = made.issued_on + timedelta(days=4), "Error"
    assert "cannot be withdrawn" in errors_of(made)["withdrawn_on"][0]
    made = notice(school, save=False, withdrawn_on=date.today() - timedelta(days=1))
    assert "Say why" in errors_of(made)["withdrawn_reason"][0]
    made = notice(school, save=False)
    made.paid_on, made.amount_paid = made.issued_on + timedelta(days=3), 80
    made.prosecuted_on = made.issued_on + timedelta(days=35)
    assert "cannot be prosecuted" in errors_of(made)["prosecuted_on"][0]
    made = notice(school, save=False, issued_on=date.today() - timedelta(days=40))
    made.prosecuted_on = made.issued_on + timedelta(days=10)
    assert "28 days to pay" in errors_of(made)["prosecuted_on"][0]
    made = notice(school, save=False, child_upn="A12345678901")
    assert "13 characters" in errors_of(made)["child_upn"][0]
