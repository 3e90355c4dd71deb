"""Demo attendance data, read from attendance/demo/attendance.yaml: five school years of
figures for every demo school (year to date at the end of each half term the year has
finished), England's figures by phase, the council's worked out from its schools', the
schools' stages, and the termly targeting support meetings with their agreed actions.
Years and dates follow today. Idempotent and quick: only what is missing is written, in
bulk, and the figures come from a generator seeded by each school's URN, so every run
makes the same."""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from home import page_cache
from portal.demo import demo_email
from portal.models import School, User
from portal.terms import next_working_day, previous_working_day
from shared import upn
from shared.demo_data import load

from .council_figures import work_out_council_figures
from .models import AreaFigures, MeetingAction, SchoolFigures, SchoolStage, SupportMeeting
from .periods import HALVES, half_term_ends, school_year_of, term_on, term_span
from .stages import flag_for_audit

YEARS_BACK = 4  # five school years: this one and the four before
SESSIONS_PER_HALF = 60  # possible sessions per pupil in a half term


def _data():
    return load("attendance", "attendance")


def finished_halves(year, today):
    """The half terms of school `year` that had ended by `today`."""
    return [half for half in HALVES if half_term_ends(year, half) < today]


def periods(today):
    """(year, half) of every half term the demo has figures for, oldest first."""
    current = school_year_of(today)
    return [
        (year, half)
        for year in range(current - YEARS_BACK, current + 1)
        for half in finished_halves(year, today)
    ]


def counts_for(pupils, half, absence=5.0, persistent=15.0, severe=1.5):
    """Counts that give these rates (percentages) for the year to date at the end of
    `half`, about 60 possible sessions per pupil per half term: the demo's figures, and
    the tests' and benchmarks' (factories.py)."""
    possible = pupils * SESSIONS_PER_HALF * half
    absent = round(possible * absence / 100)
    unauthorised = round(absent * 0.25)
    authorised = absent - unauthorised
    illness, medical, holiday = (round(authorised * share) for share in (0.6, 0.15, 0.05))
    late, unauth_holiday = round(unauthorised * 0.2), round(unauthorised * 0.3)
    return {
        "pupils_on_roll": pupils,
        "possible_sessions": possible,
        "authorised_illness": illness,
        "authorised_medical": medical,
        "authorised_holiday": holiday,
        "authorised_other": authorised - illness - medical - holiday,
        "unauthorised_holiday": unauth_holiday,
        "unauthorised_late": late,
        "unauthorised_other": unauthorised - late - unauth_holiday,
        "persistent_absentees": round(pupils * persistent / 100),
        "severe_absentees": round(pupils * severe / 100),
    }


def _school_rows(school, wanted, current, data):
    """The school's figures for the (year, half) in `wanted`: the phase's rates, the
    school's own difference, the trend, and a little noise each year."""
    phase = data["phases"][school.phase]
    rng = random.Random(f"attendance-demo-{school.urn}")
    own = rng.gauss(0, phase["spread"])
    pupils = rng.randint(*phase["pupils"])
    fixed = data["fixed"].get(school.urn, {})
    rows = []
    for back in range(YEARS_BACK, -1, -1):
        year = current - back
        noise = rng.gauss(0, 0.15)
        pupils = max(20, round(pupils * rng.uniform(0.97, 1.03)))
        whole = fixed.get(-back) or (phase["absence"] + own) * data["trend"][-back] + noise
        persistent = max(8.0, phase["persistent"] + own * 3 + rng.gauss(0, 1.0))
        severe = max(0.4, phase["severe"] + rng.gauss(0, 0.3))
        for half in HALVES:
            if (year, half) not in wanted:
                continue
            factor = data["half_factors"][half]
            rows.append(
                SchoolFigures(
                    school=school,
                    year=year,
                    half=half,
                    **counts_for(
                        pupils,
                        half,
                        whole * factor,
                        persistent * (1 + (factor - 1) / 2),
                        severe,
                    ),
                ).work_out_rates()
            )
    return rows


def seed_figures(today=None):
    today = today or date.today()
    data = _data()
    current = school_year_of(today)
    all_periods = periods(today)
    existing = set(SchoolFigures.objects.values_list("school_id", "year", "half"))
    rows = []
    for school in School.objects.order_by("urn"):
        # A closed school has figures for the years it was open.
        last_year = current if school.active else current - 2
        wanted = {
            (year, half)
            for year, half in all_periods
            if year <= last_year and (school.pk, year, half) not in existing
        }
        if wanted:
            rows += _school_rows(school, wanted, current, data)
    SchoolFigures.objects.bulk_create(rows, batch_size=500)
    national = _seed_national(all_periods, current, data)
    council = work_out_council_figures({row.year for row in rows}) if rows else 0
    if rows or national:
        # The strategy page's chart shows them to visitors the page cache serves.
        transaction.on_commit(page_cache.purge)
    return f"{len(rows)} schools' figures, {national} national, {council} council rows (new)"


def _seed_national(all_periods, current, data):
    existing = set(
        AreaFigures.objects.filter(area=AreaFigures.Area.NATIONAL).values_list(
            "phase", "year", "half"
        )
    )
    rows = []
    for year, half in all_periods:
        factor = data["half_factors"][half]
        for phase, (absence, persistent, severe) in data["national"]["years"][
            year - current
        ].items():
            if (phase, year, half) in existing:
                continue
            pupils = data["national"]["pupils"][phase]
            rows.append(
                AreaFigures(
                    area=AreaFigures.Area.NATIONAL,
                    phase=phase,
                    year=year,
                    half=half,
                    **counts_for(pupils, half, absence * factor, persistent, severe),
                ).work_out_rates()
            )
    AreaFigures.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _latest(school_ids, year):
    """Each school's latest figures in `year`: {school id: SchoolFigures}."""
    latest = {}
    for row in SchoolFigures.objects.filter(school_id__in=school_ids, year=year).order_by("half"):
        latest[row.school_id] = row
    return latest


def seed_stages(today=None):
    """Schools under the threshold flagged for stage 1 last year and this; two further on."""
    today = today or date.today()
    data = _data()
    current = school_year_of(today)
    schools = {school.urn: school for school in School.objects.filter(active=True)}
    ids = [school.pk for school in schools.values()]
    existing = set(SchoolStage.objects.values_list("school_id", "year"))
    rows = []
    for year in (current - 1, current):
        flagged_on = next_working_day(date(year, 11, 3))
        if flagged_on > today:  # this year's first half term has not been looked at yet
            continue
        for school_id, figures in _latest(ids, year).items():
            if (school_id, year) in existing or not flag_for_audit(figures.attendance_rate):
                continue
            rows.append(
                SchoolStage(
                    school_id=school_id,
                    year=year,
                    stage=SchoolStage.Stage.AUDIT,
                    flagged_attendance=figures.attendance_rate,
                    flagged_on=flagged_on,
                    audit_on=next_working_day(flagged_on + timedelta(days=21))
                    if year < current
                    else None,
                )
            )
    SchoolStage.objects.bulk_create(rows)
    further = 0
    for urn, spec in data["stages"].items():
        stage = SchoolStage.objects.filter(school=schools.get(urn), year=current).first()
        if stage is None or stage.stage >= spec["stage"]:
            continue
        stage.stage = spec["stage"]
        stage.notes = " ".join(spec["notes"].split())
        stage.audit_on = previous_working_day(today - timedelta(days=spec["audit_days_ago"]))
        if "follow_up_in_days" in spec:
            stage.follow_up_on = next_working_day(today + timedelta(days=spec["follow_up_in_days"]))
        if "follow_up_days_ago" in spec:
            stage.follow_up_on = previous_working_day(
                today - timedelta(days=spec["follow_up_days_ago"])
            )
        if "central_review_in_days" in spec:
            stage.central_review_on = next_working_day(
                today + timedelta(days=spec["central_review_in_days"])
            )
        stage.save()
        further += 1
    return f"{len(rows)} schools flagged for an audit, {further} further on (new)"


def demo_term(today):
    """The term whose meetings the demo shows as this term's: the one under way, or the
    one before it while the next is less than a fortnight old (or still to start, in a
    holiday), so that some of "this term's" meetings can have been held already."""
    year, term = term_on(today)
    first, _last = term_span(year, term)
    if today < first + timedelta(days=14):
        return (year - 1, 3) if term == 1 else (year, term - 1)
    return year, term


def _later(today, rng):
    """A day soon after today for a meeting still to come, within a term: (day, school
    year, term). One that falls in a holiday moves into the term that follows."""
    day = next_working_day(today + timedelta(days=rng.randint(3, 10)))
    year, term = term_on(day)
    first, _last = term_span(year, term)
    if day < first:
        day = next_working_day(first + timedelta(days=rng.randint(1, 7)))
    return day, year, term


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def demo_upn(rng):
    """A valid UPN (with its check letter) for a made-up pupil of the demo council."""
    rest = (
        f"{999:03d}{rng.randint(2000, 7999):04d}{rng.randint(12, 22):02d}{rng.randint(1, 999):03d}"
    )
    return upn.check_letter(rest) + rest


def seed_meetings(today=None):
    """Every school met the council each term last year (a few missed last summer); this
    term most have, a few meet later in the term and a couple have no meeting yet. Each
    held meeting agreed one to four actions, done, under way and open, some overdue."""
    today = today or date.today()
    data = _data()["meetings"]
    current, this_term = demo_term(today)
    officer = User.objects.filter(email=demo_email("attendance.officer")).first()
    schools = list(School.objects.filter(active=True).order_by("urn"))
    existing = set(SupportMeeting.objects.values_list("school_id", "year", "term"))
    terms = [(current - 1, term) for term in (1, 2, 3)]
    terms += [(current, term) for term in range(1, this_term + 1)]
    meetings, plans = [], []
    with transaction.atomic():
        for school in schools:
            rng = random.Random(f"attendance-meetings-{school.urn}")
            for year, term in terms:
                is_now = (year, term) == (current, this_term)
                later = is_now and school.urn in data["later_this_term"]
                if later:
                    day, year, term = _later(today, rng)
                if (school.pk, year, term) in existing:
                    continue
                if is_now and school.urn in data["missing_this_term"]:
                    continue
                last_summer = (year, term) == (current - 1, 3)
                if last_summer and school.urn in data["not_held_last_summer"]:
                    continue
                first, last = term_span(year, term)
                if later:
                    status = SupportMeeting.Status.SCHEDULED
                else:
                    end = min(last, today - timedelta(days=1)) if is_now else last
                    start = first + timedelta(days=10)
                    span = max((end - start).days, 0)
                    day = previous_working_day(start + timedelta(days=rng.randint(0, span)))
                    status = SupportMeeting.Status.HELD
                meeting = SupportMeeting(
                    school=school,
                    year=year,
                    term=term,
                    starts_at=_at(day, rng.choice((9, 10, 13, 14))),
                    minutes=rng.choice((45, 60, 60, 90)),
                    place=rng.choice(data["places"]),
                    status=status,
                    notes=rng.choice(data["notes"]) if status == "held" else "",
                    officer=officer,
                    invited_at=_at(day - timedelta(days=21), 9),
                )
                meetings.append(meeting)
                if status == "held":
                    plans.append((meeting, rng, is_now))
        SupportMeeting.objects.bulk_create(meetings)
        actions = [
            action
            for meeting, rng, is_now in plans
            for action in _actions(meeting, rng, is_now, today, data)
        ]
        MeetingAction.objects.bulk_create(actions)
    return f"{len(meetings)} targeting support meetings, {len(actions)} actions (new)"


def _actions(meeting, rng, is_now, today, data):
    held_on = timezone.localtime(meeting.starts_at).date()
    chosen = rng.sample(data["actions"], rng.randint(1, 4))
    actions = []
    for index, spec in enumerate(chosen):
        due_on = next_working_day(held_on + timedelta(days=rng.choice((14, 21, 28, 42))))
        if not is_now:
            status = rng.choice(("done", "done", "done", "dropped", "in_progress"))
        elif meeting.school.urn == "190001" and index == 0:
            status = "open"  # Alderbrook's school users have an action to update
        else:
            status = rng.choice(("done", "in_progress", "open", "open"))
        pupil = ""
        if spec.get("pupil") == "upn":
            pupil = demo_upn(rng)
        elif spec.get("pupil") == "initials":
            pupil = rng.choice(data["initials"])
        actions.append(
            MeetingAction(
                meeting=meeting,
                cohort=spec.get("cohort", ""),
                pupil=pupil,
                action=spec["action"],
                owner=spec["owner"],
                due_on=due_on,
                status=status,
            )
        )
    return actions


def seed_attendance():
    return "; ".join((seed_figures(), seed_stages(), seed_meetings()))
