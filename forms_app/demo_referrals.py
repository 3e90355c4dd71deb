"""A dozen demo attendance referrals from demo schools, in varied states: some flagged for
safeguarding, some with outcomes. Pupils and families are invented; dates are relative to
today, inside the council's term dates."""

from datetime import date, timedelta

from django.utils import timezone

from portal.demo import demo_email
from portal.models import School, User
from portal.terms import council_terms, is_school_day

from .engine import journey_for, to_json
from .journeys.referral import SAFEGUARDING
from .journeys.registry import Journey, prefix_of
from .models import Submission, SubmissionEvent
from .rules.attendance import school_days_between
from .rules.reference import new_reference

S, OUT = Submission.Status, Submission.Outcome

# (sender, school URN, pupil, year group, parent, request, previous notices, support,
#  safeguarding concern or "", status, outcome, outcome reason)
REFERRALS = [
    ("attendance.lead", "190001", ("Kai", "Morgan"), "year_5", ("Dana", "Morgan"), "penalty_notice", 0, ["attendance_meeting", "warning_letter"], "", S.RECEIVED, "", ""),
    ("attendance.lead", "190001", ("Lily", "Brennan"), "year_3", ("Shaun", "Brennan"), "advice", 0, ["attendance_meeting"], "sen", S.IN_REVIEW, "", ""),
    ("attendance.lead", "190001", ("Oskar", "Wiśniewski"), "year_6", ("Ewa", "Wiśniewska"), "penalty_notice", 1, ["attendance_meeting", "attendance_contract", "warning_letter"], "", S.CLOSED, OUT.PENALTY_NOTICE, ""),
    ("attendance.lead", "190001", ("Mia", "Clarke"), "year_2", ("Jodie", "Clarke"), "eso", 0, ["early_help", "parenting_contract"], "social_care", S.IN_REVIEW, OUT.CASE_OPENED, "Joint plan agreed with the child's social worker."),
    ("attendance.lead", "190001", ("Theo", "Hart"), "year_4", ("Rebecca", "Hart"), "penalty_notice", 0, [], "", S.CLOSED, OUT.DECLINED, "No support has been offered yet. Please hold an attendance meeting and try an attendance contract first."),
    ("attendance.lead", "190001", ("Aisha", "Begum"), "reception", ("Rukhsana", "Begum"), "advice", 0, ["attendance_meeting"], "", S.MORE_INFORMATION, "", ""),
    ("head", "190003", ("Jayden", "Price"), "year_9", ("Carl", "Price"), "prosecution_444_1", 2, ["attendance_meeting", "notice_to_improve", "warning_letter"], "", S.IN_REVIEW, "", ""),
    ("head", "190003", ("Ellie", "Ward"), "year_10", ("Nicola", "Ward"), "penalty_notice", 0, ["attendance_meeting", "warning_letter"], "", S.CLOSED, OUT.NOTICE_TO_IMPROVE, "A notice to improve gives the family 4 weeks to show change first."),
    ("head", "190003", ("Reece", "Doyle"), "year_8", ("Kerry", "Doyle"), "prosecution_444_1a", 1, ["early_help", "parenting_contract", "notice_to_improve"], "criminal_exploitation", S.RECEIVED, "", ""),
    ("head", "190007", ("Sophie", "Turner"), "year_11", ("Mark", "Turner"), "advice", 0, ["attendance_meeting", "early_help"], "missing", S.RECEIVED, "", ""),
    ("head", "190007", ("Callum", "Reid"), "year_7", ("Gemma", "Reid"), "penalty_notice", 0, ["attendance_meeting", "warning_letter"], "", S.APPROVED, OUT.PENALTY_NOTICE, ""),
    ("head", "190007", ("Zara", "Ali"), "year_9", ("Imran", "Ali"), "eso", 0, ["attendance_meeting", "early_help", "attendance_contract"], "", S.IN_REVIEW, OUT.CASE_OPENED, ""),
]  # fmt: skip


def _school_day(day):
    return is_school_day(day, council_terms())


def _values(spec, school, sent):
    """The answers as the journey's steps would have cleaned them."""
    _sender, _urn, pupil, year, parent, request, previous, support, concern, *_rest = spec
    period_to = sent - timedelta(days=3)
    period_from = period_to - timedelta(days=100)
    days = school_days_between(period_from, period_to, _school_day)
    runs = [
        {"first_day": days[5], "last_day": days[9], "part": "both", "code": "N"},
        {"first_day": days[20], "last_day": days[20], "part": "morning", "code": "U"},
        {"first_day": days[26], "last_day": days[27], "part": "both", "code": "O"},
    ]
    counts = {"G": 0, "N": 0, "O": 0, "U": 0}
    for run in runs:
        sessions = len(school_days_between(run["first_day"], run["last_day"], _school_day))
        counts[run["code"]] += sessions * (2 if run["part"] == "both" else 1)
    possible = 2 * len(days)
    attended = possible - sum(counts.values()) - 6  # some authorised absence too
    values = {
        "school": {"school": str(school.pk)},
        "pupil": {
            "first_name": pupil[0],
            "last_name": pupil[1],
            "date_of_birth": date(2026 - 5 - int(year.split("_")[-1] if "_" in year else 0), 3, 9),
            "upn": "H801200001001",
            "year_group": year,
        },
        "pupil_address": {
            "line_1": "12 Orchard Way",
            "line_2": "",
            "town": "Wyvernton",
            "postcode": school.postcode,
        },
        "parents": [
            {
                "first_name": parent[0],
                "last_name": parent[1],
                "relationship": "mother"
                if parent[0]
                in ("Dana", "Ewa", "Jodie", "Rebecca", "Rukhsana", "Nicola", "Kerry", "Gemma")
                else "father",
                "parental_responsibility": True,
                "phone": "01632 960 321",
                "email": "",
                "address": "",
            }
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
    values["request"] = {"request": request, "previous_notices": str(previous)}
    values["outcome"] = {}
    if request != "advice" and not support:
        values["no_support"] = {
            "reason": "The family has not answered any of our letters or calls."
        }
    values["safeguarding"] = {name: name == concern for name, _label in SAFEGUARDING}
    if concern:
        values["dsl"] = {}
    values["voice"] = {
        "asked": True,
        "pupil_says": f"{pupil[0]} says it is hard to get to school on time and lessons feel too far behind.",
        "not_asked_reason": "",
    }
    values["declaration"] = {"name": "", "role": "headteacher", "confirm": True}
    return values


def seed_referrals():
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
    schools = {
        school.urn: school for school in School.objects.filter(urn__in={s[1] for s in REFERRALS})
    }
    definition = journey_for(Journey.ATTENDANCE_REFERRAL)
    today = date.today()
    for number, spec in enumerate(REFERRALS):
        sender = senders[demo_email(spec[0])]
        school = schools[spec[1]]
        status, outcome, reason = spec[-3:]
        sent = today - timedelta(days=2 + 5 * number)
        values = _values(spec, school, sent)
        values["declaration"]["name"] = sender.get_full_name()
        submission = Submission.objects.create(
            journey=Journey.ATTENDANCE_REFERRAL,
            reference=new_reference(prefix_of(Journey.ATTENDANCE_REFERRAL)),
            status=status,
            answers=to_json(values),
            schema_version=definition.schema_version,
            submitter_name=sender.get_full_name(),
            submitter_email=sender.email,
            school=school,
            submitted_by=sender,
            flagged=definition.flagged(values),
            findings=[str(finding) for finding in definition.findings(values)],
            outcome=outcome,
            outcome_reason=reason,
        )
        received = timezone.make_aware(
            timezone.datetime.combine(sent, timezone.datetime.min.time()).replace(hour=10)
        )
        Submission.objects.filter(pk=submission.pk).update(created_at=received, updated_at=received)
        SubmissionEvent.objects.create(
            submission=submission, kind=SubmissionEvent.Kind.SUBMITTED, to_status=S.RECEIVED
        )
        if status != S.RECEIVED:
            SubmissionEvent.objects.create(
                submission=submission,
                kind=SubmissionEvent.Kind.STATUS,
                from_status=S.RECEIVED,
                to_status=status,
                note="Demo history",
            )
        if outcome:
            SubmissionEvent.objects.create(
                submission=submission,
                kind=SubmissionEvent.Kind.OUTCOME,
                note=f"{submission.get_outcome_display()}: {reason}" if reason else "",
            )
    return f"{len(REFERRALS)} demo referrals"
