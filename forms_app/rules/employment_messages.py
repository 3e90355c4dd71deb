"""What each child employment finding (rules/employment.py) says to the parent and the
employer: the rule it breaks and what to do about it."""

from django.utils.translation import gettext_lazy as _

from shared import times

from .messages import Catalogue, hours, time_of_day

WHO = {"under_15": _("under 15"), "15_or_over": _("aged 15 or over")}

MESSAGES = {
    # The child's age and the job.
    "too_young": _(
        "The child will be %(age)s on this date. Children must be at least "
        "%(youngest)s to work: enter a start date on or after %(birthday)s, "
        "when they turn %(youngest)s"
    ),
    "light_work_only": _(
        "A child of %(age)s may only do light work that the byelaws list. Children must "
        "be %(minimum)s for other work"
    ),
    "prohibited_job": _(
        "Children may not do this work under the council's byelaws. Choose a different job"
    ),
    # One period of work.
    "shift_order": _("%(day)s: the finish time must be after the start time"),
    "earliest": _(
        "%(day)s: children may not work before %(earliest)s. Enter a start time of %(earliest)s or later"
    ),
    "latest": _(
        "%(day)s: children may not work after %(latest)s. Enter a finish time of %(latest)s or earlier"
    ),
    "school_hours": _(
        "%(day)s: children may not work during school hours (%(school_start)s to "
        "%(school_end)s). Change the times to before or after school"
    ),
    "before_school": _(
        "%(day)s: a child may work for at most %(before_school)s in all before school. "
        "Shorten the times before school"
    ),
    # A whole day.
    "break": _(
        "%(day)s: after %(before_break)s of work a child must have a break of at least "
        "%(break_minutes)s minutes. Split the day into two periods of work"
    ),
    "school_day_hours": _(
        "%(day)s: a child may work at most %(school_day)s on a school day. Shorten the times"
    ),
    "sunday_hours": _(
        "%(day)s: a child may work at most %(sunday)s on a Sunday. Shorten the times"
    ),
    "other_day_hours": _(
        "%(day)s: a child %(who)s may work at most %(day_cap)s on a day without school. "
        "Shorten the times"
    ),
    # A whole week.
    "school_week_hours": _(
        "A child may work at most %(school_week)s in a school week. The days you have added come "
        "to %(total)s: change or remove some of them"
    ),
    "holiday_week_hours": _(
        "A child %(who)s may work at most %(holiday_week)s in a week of the school holidays. The "
        "days you have added come to %(total)s: change or remove some of them"
    ),
}

CATALOGUE = Catalogue(
    MESSAGES,
    readings={
        "birthday": times.day,
        "who": lambda who: str(WHO[who]),
        **dict.fromkeys(("earliest", "latest", "school_start", "school_end"), time_of_day),
        **dict.fromkeys(
            ("before_school", "before_break", "school_day", "sunday", "day_cap")
            + ("school_week", "holiday_week", "total"),
            hours,
        ),
    },
)
say = CATALOGUE.say
