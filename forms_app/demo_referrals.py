"""Demo attendance referrals from demo schools, read from forms_app/demo/referrals.yaml.
Dates are relative to today, inside the council's term dates."""

from datetime import date, timedelta

from django.utils import timezone

from portal.demo import demo_email
from portal.models import Membership, School, User
from portal.terms import council_terms, is_school_day, previous_working_day
from shared.demo_data import load

from .engine import journey_for, to_json
from .journeys.referral import SAFEGUARDING, year_number
from .journeys.registry import Journey, prefix_of
from .models import Submission, SubmissionEvent
from .rules.attendance import RECEPTION_AGE, school_days_between, school_year_cutoff
from .rules.reference import new_reference

S = Submission.Status


def _school_day(day):
    return is_school_day(day, council_terms())


def _born(given, year_group, today):
    """The date of birth's day and month, in the year that puts the pupil in `year_group`
    this school year: the demo's dates follow today, so its pupils keep their year."""
    cutoff = school_year_cutoff(today)
    age = RECEPTION_AGE + year_number(year_group)
    year = cutoff.year - age - (1 if (given.month, given.day) > (8, 31) else 0)
    return given.replace(year=year) if (given.month, given.day) != (2, 29) else date(year, 3, 1)


def _values(spec, every, school, sent, sender):
    """The answers as the journey's steps would have cleaned them."""
    pupil, parent = spec["pupil"], spec["parent"]
    support, concern = spec["support"], spec["safeguarding"]
    period_to = sent - timedelta(days=3)
    period_from = period_to - timedelta(days=100)
    days = school_days_between(period_from, period_to, _school_day)
    runs = [
        dict(run, first_day=days[run["first_day"]], last_day=days[run["last_day"]])
        for run in every["absences"]
    ]
    counts = {"G": 0, "N": 0, "O": 0, "U": 0}
    for run in runs:
        sessions = len(school_days_between(run["first_day"], run["last_day"], _school_day))
        counts[run["code"]] += sessions * (2 if run["part"] == "both" else 1)
    possible = 2 * len(days)
    attended = possible - sum(counts.values()) - every["authorised_sessions"]
    values = {
        "school": {"school": str(school.pk)},
        "pupil": {
            "first_name": pupil["first_name"],
            "last_name": pupil["last_name"],
            "date_of_birth": _born(pupil["date_of_birth"], pupil["year_group"], date.today()),
            "upn": every["upn"],
            "year_group": pupil["year_group"],
        },
        "pupil_address": dict(every["address"], postcode=school.postcode),
        "parents": [
            dict(parent, parental_responsibility=True, phone=every["phone"], email="", address="")
        ],
        "agencies": {
            "agencies": ["early_help"] if "early_help" in support else ["none"],
            "other_agency": "",
        },
        "absence": {
            "period_from": period_from,
            "period_to": period_to,
            "possible": possible,
            "attended": attended,
            **{f"code_{code.lower()}": count for code, count in counts.items()},
        },
        "absence_dates": runs,
        "absence_result": {},
        "support": {"support": support or ["none"], "other_support": ""},
    }
    if support:
        values["support_dates"] = {
            f"{kind}_date": period_from + timedelta(days=14 + 7 * index)
            for index, kind in enumerate(support)
        }
    values["request"] = {
        "request": spec["request"],
        "previous_notices": str(spec["previous_notices"]),
    }
    values["outcome"] = {}
    if spec["request"] != "advice" and not support:
        values["no_support"] = {"reason": every["no_support_reason"]}
    values["safeguarding"] = {name: name == concern for name, _label in SAFEGUARDING}
    if concern:
        values["dsl"] = {}
    values["voice"] = {
        "asked": True,
        "pupil_says": every["pupil_says"].format(first_name=pupil["first_name"]),
        "not_asked_reason": "",
    }
    role = Membership.objects.get(user=sender, school=school).role
    values["declaration"] = {"name": sender.get_full_name(), "role": role, "confirm": True}
    return values


def seed_referrals():
    data = load("forms_app", "referrals")
    senders = {
        user.email: user
        for user in User.objects.filter(
            email__in=[demo_email("attendance.lead"), demo_email("head")]
        )
    }
    if Submission.objects.filter(
        journey=Journey.ATTENDANCE_REFERRAL, submitted_by__in=senders.values()
    ).exists():
        return "demo referrals already there"
    referrals = data["referrals"]
    schools = {
        school.urn: school
        for school in School.objects.filter(urn__in={spec["school"] for spec in referrals})
    }
    definition = journey_for(Journey.ATTENDANCE_REFERRAL)
    today = date.today()
    for number, spec in enumerate(referrals):
        sender = senders[demo_email(spec["sender"])]
        status, outcome, reason = spec["status"], spec["outcome"], spec["outcome_reason"]
        # Sent from school on a working day.
        sent = previous_working_day(today - timedelta(days=2 + 5 * number))
        values = _values(spec, data["every_referral"], schools[spec["school"]], sent, sender)
        flags = definition.flags(values)
        submission = Submission.objects.create(
            journey=Journey.ATTENDANCE_REFERRAL,
            reference=new_reference(prefix_of(Journey.ATTENDANCE_REFERRAL)),
            status=status,
            answers=to_json(values),
            schema_version=definition.schema_version,
            submitter_name=sender.get_full_name(),
            submitter_email=sender.email,
            school=schools[spec["school"]],
            submitted_by=sender,
            flags=[str(flag) for flag in flags],
            flagged=bool(flags),
            findings=[str(finding) for finding in definition.findings(values)],
            outcome=outcome,
            outcome_reason=reason,
        )
        received = timezone.make_aware(
            timezone.datetime.combine(sent, timezone.datetime.min.time()).replace(hour=10)
        )
        # Worked on half way between then and now, the outcome an hour after.
        worked = received + (timezone.now() - received) / 2
        Submission.objects.filter(pk=submission.pk).update(
            created_at=received, updated_at=worked if status != S.RECEIVED else received
        )
        events = [
            (SubmissionEvent(kind=SubmissionEvent.Kind.SUBMITTED, to_status=S.RECEIVED), received)
        ]
        if status != S.RECEIVED:
            events.append(
                (
                    SubmissionEvent(
                        kind=SubmissionEvent.Kind.STATUS,
                        from_status=S.RECEIVED,
                        to_status=status,
                        note="Demo history",
                    ),
                    worked,
                )
            )
        if outcome:
            events.append(
                (
                    SubmissionEvent(
                        kind=SubmissionEvent.Kind.OUTCOME,
                        note=f"{submission.get_outcome_display()}: {reason}" if reason else "",
                    ),
                    worked + timedelta(hours=1),
                )
            )
        for event, at in events:
            event.submission = submission
            event.save()
            # `at` is set by the database when the event is made: put back in time.
            SubmissionEvent.objects.filter(pk=event.pk).update(at=at)
    return f"{len(referrals)} demo referrals"
