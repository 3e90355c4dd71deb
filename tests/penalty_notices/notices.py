"""Notices for the register's tests: valid by default, each field changed by a keyword."""

from datetime import date, timedelta

from penalty_notices.models import PenaltyNotice


def notice(school, *, issued_on=None, save=True, **fields):
    issued_on = issued_on or date.today() - timedelta(days=40)
    values = {
        "parent_first_name": "Dana",
        "parent_last_name": "Morgan",
        "parent_address": "3 Mill Lane, Wyvernton",
        "child_first_name": "Kai",
        "child_last_name": "Morgan",
        "child_date_of_birth": date(2016, 3, 9),
        "school": school,
        "offence_from": issued_on - timedelta(days=60),
        "offence_to": issued_on - timedelta(days=10),
        "issued_on": issued_on,
        "amount": 160,
    }
    values.update(fields)
    made = PenaltyNotice(**values)
    if save:
        made.save()
    return made


def form_data(school, **fields):
    issued = date.today() - timedelta(days=40)
    data = {
        "parent_first_name": "Dana",
        "parent_last_name": "Morgan",
        "parent_address": "3 Mill Lane, Wyvernton",
        "child_first_name": "Kai",
        "child_last_name": "Morgan",
        "child_date_of_birth": "2016-03-09",
        "child_upn": "",
        "school": school.pk,
        "offence_from": (issued - timedelta(days=60)).isoformat(),
        "offence_to": (issued - timedelta(days=10)).isoformat(),
        "issued_on": issued.isoformat(),
        "amount": "160",
        "paid_on": "",
        "amount_paid": "",
        "withdrawn_on": "",
        "withdrawn_reason": "",
        "prosecuted_on": "",
        "prosecution_outcome": "",
        "referral_reference": "",
    }
    data.update(fields)
    return data
