"""Demo children missing education cases (demo/cases.yaml), in every state, with their
enquiries; dates follow today. Re-seeding adds nothing: a case is known again by its
notice reference, or (a referral) by the child's name and date of birth."""

from datetime import date, timedelta

from django.utils import timezone

from portal.demo import demo_email
from portal.models import School, User
from shared.demo_data import load

from .models import Case, CaseEvent, Enquiry


def _day(today, days):
    return today + timedelta(days=days) if days is not None else None


def _exists(row):
    if row["key"]:
        return Case.objects.filter(notice_reference=row["key"]).exists()
    return Case.objects.filter(
        first_name=row["first_name"],
        last_name=row["last_name"],
        date_of_birth=date.fromisoformat(str(row["date_of_birth"])),
    ).exists()


def seed_cases(today=None):
    today = today or timezone.localdate()
    now = timezone.now()
    schools = {school.urn: school for school in School.objects.all()}
    made = 0
    for row in load("missing_education", "cases")["cases"]:
        if _exists(row):
            continue
        people = {
            name: User.objects.filter(email=demo_email(row[name])).first()
            for name in ("assigned", "referred_by")
            if row.get(name)
        }
        closed = row.get("closed")
        case = Case.objects.create(
            first_name=row["first_name"],
            last_name=row["last_name"],
            date_of_birth=date.fromisoformat(str(row["date_of_birth"])),
            upn=row.get("upn", ""),
            last_school=schools.get(row.get("school") or ""),
            last_address=row.get("address", ""),
            parents=row.get("parents", ""),
            source=row["source"],
            notice_reference=row["key"] or None,
            left_on=_day(today, row.get("left_on")),
            referred_by=people.get("referred_by"),
            referred_by_service=row.get("service", ""),
            reason=row["reason"],
            safeguarding=row.get("safeguarding", ""),
            status=row["status"],
            assigned_to=people.get("assigned"),
            opened_at=now + timedelta(days=row["opened"]),
            next_step=row.get("next_step", ""),
            next_step_due=_day(today, row.get("due")),
            school_asked=row.get("school_asked", ""),
            absent_since=_day(today, row.get("absent_since")),
            outcome=row.get("outcome", ""),
            found_school=schools.get(row.get("found_school") or ""),
            receiving_council=row.get("receiving_council", ""),
            council_told_on=_day(today, row.get("told")),
            passed_on_to=row.get("passed_on_to", ""),
            passed_on_on=_day(today, row.get("passed_on")),
            outcome_at=now + timedelta(days=closed) if closed is not None else None,
            closed_at=now + timedelta(days=closed) if closed is not None else None,
        )  # fmt: skip
        Enquiry.objects.bulk_create(
            Enquiry(
                case=case,
                made_on=_day(today, enquiry["days"]),
                checks=enquiry["checks"],
                contact=enquiry.get("contact", ""),
                outcome=enquiry["outcome"],
                made_by=people.get("assigned"),
            )  # fmt: skip
            for enquiry in row.get("enquiries", [])
        )
        CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.OPENED, to_status="open")
        made += 1
    return f"{made} children missing education cases"
