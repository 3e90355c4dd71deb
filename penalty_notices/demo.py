"""Demo penalty notices, read from penalty_notices/demo/notices.yaml. Dates are counted
back from today; each notice passes the register's own checks (full_clean) before it is
saved, so the demo shows nothing the register would refuse."""

from datetime import date, timedelta

from audit.log import acting_as
from portal.models import School
from shared.demo_data import load

from .models import PenaltyNotice

RECEPTION_AGE = 4  # as forms_app's demo referrals count a pupil's age from the year group


def _born(given, year_group, today):
    """The day and month given, in the year that puts the child in `year_group` this
    school year (so the demo's children keep their year, and match its referrals)."""
    cutoff_year = today.year if today.month >= 9 else today.year - 1
    number = 0 if year_group == "reception" else int(year_group.removeprefix("year_"))
    year = cutoff_year - RECEPTION_AGE - number - (1 if (given.month, given.day) > (8, 31) else 0)
    return given.replace(year=year) if (given.month, given.day) != (2, 29) else date(year, 3, 1)


def _later(issued, days):
    return issued + timedelta(days=days) if days is not None else None


def seed_notices(today=None):
    today = today or date.today()
    data = load("penalty_notices", "notices")
    if PenaltyNotice.objects.exists():
        return "demo penalty notices already there"
    schools = {school.urn: school for school in School.objects.all()}
    specs = sorted(data["notices"], key=lambda spec: -spec["issued"])  # oldest first
    with acting_as("demo"):
        for spec in specs:
            child, parent = spec["child"], spec["parent"]
            issued = today - timedelta(days=spec["issued"])
            offence_to = issued - timedelta(days=data["absence_ended"])
            notice = PenaltyNotice(
                parent_first_name=parent["first_name"],
                parent_last_name=parent["last_name"],
                parent_address=parent["address"],
                child_first_name=child["first_name"],
                child_last_name=child["last_name"],
                child_date_of_birth=_born(child["date_of_birth"], child["year_group"], today),
                school=schools[spec["school"]],
                offence_from=offence_to - timedelta(days=data["absence_days"]),
                offence_to=offence_to,
                issued_on=issued,
                amount=spec["amount"],
                paid_on=_later(issued, spec.get("paid")),
                amount_paid=spec.get("amount_paid"),
                withdrawn_on=_later(issued, spec.get("withdrawn")),
                withdrawn_reason=spec.get("withdrawn_reason", ""),
                prosecuted_on=_later(issued, spec.get("prosecuted")),
                prosecution_outcome=spec.get("prosecution_outcome", ""),
            )
            notice.full_clean(exclude=["number"])
            notice.save()
    return f"{len(specs)} demo penalty notices"
