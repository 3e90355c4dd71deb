"""Demo roll-change notices from demo schools, read from forms_app/demo/roll_changes.yaml.
Each is made as sending the form makes one: its answers as the journey's steps clean
them, its flags and findings from the journey, and what sending starts (the missing
education hook, the EHE record) from the journey too. Dates count back from today in the
council's school days, so some notices are late and the rest on time."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from portal.demo import demo_email
from portal.models import School, User
from portal.terms import council_terms, is_school_day
from shared.demo_data import load

from .engine import journey_for, to_json
from .journeys.registry import Journey, prefix_of
from .models import Submission, SubmissionEvent
from .rules.reference import new_reference


def school_days_from(day, count, terms):
    """The school day `count` school days after `day` (before it, when negative)."""
    step = timedelta(days=1 if count > 0 else -1)
    for _each in range(abs(count)):
        day += step
        while not is_school_day(day, terms):
            day += step
    return day


def _values(spec, every, school, deleted_or_added, today):
    first, last = spec["pupil"]
    parent_first, parent_last, relationship = spec["parent"]
    born = date(today.year - spec["age"], 1, 1) - timedelta(days=30 * len(first))
    values = {
        "school": {"school": str(school.pk)},
        "kind": {"kind": spec["kind"]},
        "pupil": {"first_name": first, "last_name": last, "date_of_birth": born, "upn": ""},
        "pupil_address": dict(every["address"], postcode=school.postcode),
        "parents": [
            {
                "first_name": parent_first,
                "last_name": parent_last,
                "relationship": relationship,
                "parental_responsibility": True,
                "phone": every["phone"],
                "email": "",
                "address": "",
            }
        ],
    }
    if spec["kind"] == "addition":
        values["addition"] = {
            "added_on": deleted_or_added,
            "previous_school": spec.get("previous_school", ""),
            "non_standard": True,
        }
        return values
    ground = spec["ground"]
    values["deletion"] = {"ground": ground, "deleted_on": deleted_or_added}
    if "other_school" in spec:
        values["other_school"] = {
            "school_name": spec["other_school"],
            "urn": "",
            "starts_on": deleted_or_added + timedelta(days=3),
        }
    if ground == "9_1_f":
        values["home_education"] = {
            "notice_on": deleted_or_added - timedelta(days=3),
            "ehc_plan": False,
            "special_school": False,
        }
    if ground == "9_1_g":
        values["moved"] = {"new_address": spec.get("new_address", "")}
    if ground == "9_1_j":
        values["medical"] = {
            "certificate_on": deleted_or_added - timedelta(days=10),
            "parent_told": True,
        }
    if ground == "9_1_i":
        terms = council_terms()
        values["absence"] = {
            "first_day": school_days_from(deleted_or_added, -22, terms),
            "only_codes": True,
            "enquiries": every["enquiries"],
            "council_agreed_on": school_days_from(deleted_or_added, -1, terms),
        }
    if ground == "9_1_n":
        values["exclusion"] = {
            "decided_on": deleted_or_added - timedelta(days=21),
            "review_over": True,
        }
    if "destination" in spec:
        values["destination"] = {
            "destination": spec["destination"],
            "destination_name": spec.get("destination_name", ""),
            "family_moved": spec.get("family_moved", "not_known"),
        }
    concerns = spec.get("safeguarding", "")
    values["safeguarding"] = {"concerns": bool(concerns), "details": concerns}
    return values


def seed_roll_changes():
    data = load("forms_app", "roll_changes")
    notices = data["notices"]
    senders = {
        user.email: user
        for user in User.objects.filter(email__in=[demo_email(spec["sender"]) for spec in notices])
    }
    if Submission.objects.filter(
        journey=Journey.ROLL_CHANGE, submitted_by__in=senders.values()
    ).exists():
        return "demo roll-change notices already there"
    schools = {
        school.urn: school
        for school in School.objects.filter(urn__in={spec["school"] for spec in notices})
    }
    definition = journey_for(Journey.ROLL_CHANGE)
    terms = council_terms()
    today = timezone.localdate()
    for spec in notices:
        sender, school = senders[demo_email(spec["sender"])], schools[spec["school"]]
        changed = school_days_from(today, -spec["back"], terms)
        sent = min(school_days_from(changed, spec["after"], terms), today)
        values = _values(spec, data["every_notice"], school, changed, today)
        with transaction.atomic():
            submission = Submission.objects.create(
                journey=Journey.ROLL_CHANGE,
                reference=new_reference(prefix_of(Journey.ROLL_CHANGE)),
                answers=to_json(values),
                schema_version=definition.schema_version,
                submitter_name=sender.get_full_name(),
                submitter_email=sender.email,
                school=school,
                submitted_by=sender,
            )
            received = timezone.make_aware(
                timezone.datetime.combine(sent, timezone.datetime.min.time()).replace(hour=11)
            )
            # Worked out as on the day it was sent: a notice late then is late now.
            flags = [str(flag) for flag in definition.flags_on(values, sent)]
            Submission.objects.filter(pk=submission.pk).update(
                created_at=received,
                updated_at=received,
                flags=flags,
                flagged=bool(flags),
                findings=[str(finding) for finding in definition.findings_on(values, sent)],
            )
            event = SubmissionEvent.objects.create(
                submission=submission, kind=SubmissionEvent.Kind.SUBMITTED, to_status="received"
            )
            SubmissionEvent.objects.filter(pk=event.pk).update(at=received)
            definition.submitted(submission, values)
    return f"{len(notices)} demo roll-change notices"
