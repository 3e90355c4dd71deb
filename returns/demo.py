"""Demo returns: three past periods and the open one, with a realistic mix of returned,
nil and outstanding schools. Pupils are initials or made-up UPNs; dates follow today."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from portal.demo import demo_email
from portal.models import User

from .models import ReturnPeriod, ReturnPupil, SchoolReturn

R = ReturnPupil.Reason
SEN = ReturnPupil.SEN
CARE = ReturnPupil.SocialCare

# (name, cadence, opens days from today, due days from today)
PERIODS = [
    ("Spring term 2026", ReturnPeriod.Cadence.TERMLY, -260, -232),
    ("Summer term 2026", ReturnPeriod.Cadence.TERMLY, -190, -162),
    ("Autumn term 2026, first half", ReturnPeriod.Cadence.HALF_TERMLY, -64, -36),
    ("Autumn term 2026, second half", ReturnPeriod.Cadence.HALF_TERMLY, -22, 10),
]

# Schools that made a nil return this period. Schools with pupils below have returned
# (Willowmere is still filling its return in); the rest, Alderbrook Primary among them
# (left for the demo user to make), are outstanding.
NIL_URNS = {"190004", "190005", "190010", "190014", "190016", "190022"}
IN_PROGRESS_URNS = {"190023"}

# Pupils on the open period's returns: (URN, pupil, year, starts days ago, hours, reason,
# agreed, review days from start, runs days from start, SEN, social care)
PUPILS = [
    ("190002", "A.B.", "4", 20, "15", R.MENTAL_HEALTH, True, 42, 90, SEN.NONE, CARE.NONE),
    ("190003", "K803212345018", "9", 70, "20", R.REINTEGRATION, True, 49, 120, SEN.SEN_SUPPORT,
     CARE.SOCIAL_WORKER),
    ("190003", "J.M.", "10", 15, "12.5", R.PHYSICAL_HEALTH, True, 70, 100, SEN.NONE, CARE.NONE),
    ("190006", "T.R.", "7", 100, "18", R.SEND, True, 56, 300, SEN.EHCP, CARE.NONE),
    ("190007", "L.C.", "8", 30, "16", R.MENTAL_HEALTH, False, 40, 80, SEN.NONE,
     CARE.LOOKED_AFTER),
    ("190008", "R.S.", "2", 45, "10", R.TRANSITION, True, 28, 60, SEN.SEN_SUPPORT, CARE.NONE),
    ("190011", "D.W.", "11", 60, "14", R.REINTEGRATION, True, 35, 150, SEN.NONE,
     CARE.SOCIAL_WORKER),
    ("190015", "N.P.", "9", 12, "22.5", R.OTHER, True, 42, 70, SEN.NONE, CARE.NONE),
    ("190017", "G.H.", "5", 80, "12", R.SEND, True, 63, 280, SEN.EHCP, CARE.LOOKED_AFTER),
    ("190018", "E.F.", "6", 25, "20", R.PHYSICAL_HEALTH, True, 42, 84, SEN.NONE, CARE.NONE),
    ("190020", "M.O.", "3", 40, "15", R.MENTAL_HEALTH, True, 56, 100, SEN.NONE, CARE.NONE),
    ("190021", "S.K.", "10", 90, "9", R.REINTEGRATION, False, 30, 200, SEN.SEN_SUPPORT,
     CARE.SOCIAL_WORKER),
    ("190023", "P.Q.", "8", 18, "17.5", R.TRANSITION, True, 35, 63, SEN.NONE, CARE.NONE),
    ("190025", "H.J.", "1", 33, "10", R.SEND, True, 42, 120, SEN.SEN_SUPPORT, CARE.NONE),
]  # fmt: skip

# Alderbrook's pupil on the last (past) period, still on a reduced timetable, so the demo
# user sees it carried over into the open return.
ALDERBROOK_LAST_TERM = ("W.Y.", "3", 50, "15", R.PHYSICAL_HEALTH, True, 42, 110, SEN.NONE,
                        CARE.NONE)  # fmt: skip


def _pupil(school_return, row, today, **extra):
    pupil, year, ago, hours, reason, agreed, review, runs, sen, care = row
    starts_on = today - timedelta(days=ago)
    return ReturnPupil(
        school_return=school_return,
        pupil=pupil,
        year_group=year,
        starts_on=starts_on,
        hours_per_week=Decimal(hours),
        reason=reason,
        parental_agreement=agreed,
        review_on=starts_on + timedelta(days=review),
        ends_on=starts_on + timedelta(days=runs),
        sen=sen,
        social_care=care,
        **extra,
    )


def _sent(school_return, status, when, user):
    school_return.status = status
    school_return.submitted_at = when
    school_return.submitted_by = user
    school_return.save()


def seed_returns():
    if ReturnPeriod.objects.filter(name=PERIODS[-1][0]).exists():
        return f"{len(PERIODS)} return periods (0 new)"
    today = date.today()
    lead = User.objects.filter(email=demo_email("attendance.lead")).first()
    with transaction.atomic():
        for name, cadence, opens, due in PERIODS[:-1]:
            period = ReturnPeriod.objects.create(
                name=name,
                cadence=cadence,
                opens_on=today + timedelta(days=opens),
                due_on=today + timedelta(days=due),
            )
            _fill_past(period, lead, today)
        name, cadence, opens, due = PERIODS[-1]
        current = ReturnPeriod.objects.create(
            name=name,
            cadence=cadence,
            opens_on=today + timedelta(days=opens),
            due_on=today + timedelta(days=due),
        )  # opening carries Alderbrook's pupil over
        _fill_current(current, today)
    return f"{len(PERIODS)} return periods ({len(PERIODS)} new), with the schools' returns"


def _fill_past(period, lead, today):
    """Past periods: most schools answered (every seventh never did), a few with a pupil."""
    sent_on = timezone.make_aware(datetime.combine(period.due_on - timedelta(days=3), time(10)))
    returns = sorted(period.returns.select_related("school"), key=lambda r: r.school.urn)
    for index, school_return in enumerate(returns):
        urn = school_return.school.urn
        if urn == "190001" and period.name == PERIODS[-2][0]:
            _pupil(school_return, ALDERBROOK_LAST_TERM, today).save()
            _sent(school_return, SchoolReturn.Status.RETURNED, sent_on, lead)
        elif index % 7 == 6:
            continue  # never answered
        elif urn in NIL_URNS or index % 3:
            _sent(school_return, SchoolReturn.Status.NIL, sent_on, None)
        else:
            # Ended before the open period, so not carried over.
            starts_ago = (today - period.opens_on).days + 20
            row = (f"X.{index}", "7", starts_ago, "15", R.MENTAL_HEALTH, True, 42, 60,
                   SEN.NONE, CARE.NONE)  # fmt: skip
            _pupil(school_return, row, today).save()
            _sent(school_return, SchoolReturn.Status.RETURNED, sent_on, None)


def _fill_current(period, today):
    returns = {r.school.urn: r for r in period.returns.select_related("school")}
    sent_on = timezone.now() - timedelta(days=4)
    for urn, *row in PUPILS:
        _pupil(returns[urn], row, today).save()
    for urn in {urn for urn, *_row in PUPILS}:
        if urn in IN_PROGRESS_URNS:
            returns[urn].status = SchoolReturn.Status.IN_PROGRESS
            returns[urn].save()
        else:
            _sent(returns[urn], SchoolReturn.Status.RETURNED, sent_on, None)
    for urn in NIL_URNS:
        _sent(returns[urn], SchoolReturn.Status.NIL, sent_on, None)
