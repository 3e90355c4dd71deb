"""Child employment permit: a parent and the employer apply together for a permit for a
child of school age to work part-time. Children and Young Persons Act 1933 s18 and the
council's byelaws (DOMAIN.md, Child employment).

The hours are judged by forms_app.rules.employment, by the child's age on the start date,
so that each breach is its own message where it can be put right:
- a day's own rules (earliest and latest times, school hours, before school, hours in the
  day, the break) when that day is added, under its time fields;
- the week's totals (a school week, a holiday week) on the "hours" step after both lists,
  which shows the totals and links each message to the list to change. The engine's list
  page ("Do you need to add another?") has no form of its own to judge a whole week on.
"""

from datetime import time

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shared import times
from shared.fields import DateField, TimeField, YesNoField, choice, email_address, long_text, text
from shared.people import person_name, phone_number
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, register
from ..rules.employment import (
    DayKind,
    EmploymentLimits,
    Shift,
    WorkDay,
    age_on,
    check_age,
    check_job,
    check_week,
)
from ..rules.employment_messages import say
from ..rules.messages import hours
from . import registry
from .common import AddressForm, ApplicantParentForm, ChildForm, HealthDeclarationForm
from .facts import JourneyFacts

FACTS = registry.register(
    JourneyFacts(
        key="employment_permit",
        name=_("Child employment permit"),
        order=20,
        service="licensing",
        prefix="CEP",
        retention_days=365 * 3,
        notice=NoticeEntry(
            slug="employment",
            name=_("Child employment permits"),
            collected=_(
                "The child's name, date of birth, address and school, and a declaration about "
                "their health; the employer's name, business and workplace, the job, the "
                "supervisor and the days and hours the child will work."
            ),
            why=_(
                "{public}The Children and Young Persons Act 1933 (section 18) and the council's "
                "byelaws limit when and how children may work; a permit shows the work is "
                "allowed. {health}"
            ),
            shared=_(
                "The employer, and the child's school so that it can tell us if the work is "
                "affecting the child's education."
            ),
        ),
    )
)


def employment_limits():
    """The limits in force. Settings, not code, so the national rules coming with the
    Children's Wellbeing and Schools Act 2026 s28 (work until 8pm) are a settings change."""
    return EmploymentLimits(
        latest=time.fromisoformat(settings.PORTAL_EMPLOYMENT_LATEST),
        sunday_hours=(
            EmploymentLimits.sunday_hours if settings.PORTAL_EMPLOYMENT_SUNDAY_RULE else None
        ),
    )


class SchoolForm(StepForm):
    school_name = text(_("Name of the child's school"), _("Enter the name of the child's school"))


class EmployerForm(StepForm):
    name = person_name(_("Employer's full name"), _("Enter the employer's full name"))
    business_name = text(_("Business name"), _("Enter the name of the business"))
    phone = phone_number(required_message=_("Enter the employer's phone number"))
    email = email_address(required_message=_("Enter the employer's email address"))


class WorkplaceSameForm(StepForm):
    same = YesNoField(
        label=_("Will the child work at the business address?"),
        required_message=_("Select yes if the child will work at the business address"),
    )


class SupervisorForm(StepForm):
    name = person_name(
        _("Full name of the person who will supervise the child"),
        _("Enter the name of the person who will supervise the child"),
    )
    role = text(_("Their job title (optional)"), required=False)


class StartForm(StepForm):
    start_date = DateField(
        label=_("When will the child start work?"),
        what=_("the date the child starts work"),
        help_text=_(
            "If the child has already started, enter the date they started. For example, 7 9 2026"
        ),
    )


# The kinds of work an employer can choose. The byelaws forbid some of them
# (EmploymentLimits.prohibited_jobs): choosing one says so at once.
JOBS = [
    ("newspaper_delivery", _("Delivering newspapers or leaflets")),
    ("shop", _("Shop work, such as stacking shelves or serving customers")),
    ("cafe", _("Serving in a café or restaurant (not in a commercial kitchen)")),
    ("office", _("Office work")),
    ("stables", _("Work in a riding stable")),
    ("commercial_kitchen", _("Work in a commercial kitchen")),
    ("alcohol", _("Selling or delivering alcohol, other than in sealed containers")),
    ("fairground", _("Work at a fairground or amusement arcade")),
    ("slaughterhouse", _("Work in a slaughterhouse")),
    ("refuse", _("Collecting or sorting rubbish")),
    ("fuel_delivery", _("Delivering fuel oils")),
    ("door_to_door", _("Selling or collecting door to door")),
    ("height", _("Work more than 3 metres above the ground or floor")),
    ("cinema_nightclub", _("Work in a cinema or nightclub")),
    ("industrial", _("Work in a factory, on a building site or in other industry")),
    ("other", _("Something else")),
]


class JobForm(StepForm):
    job_type = choice(
        JOBS, _("Select the kind of work the child will do"), label=_("What kind of work is it?")
    )
    tasks = long_text(
        _("What will the child do?"),
        _("Describe the tasks the child will do"),
        help_text=_("For example, sorting newspapers and delivering them to 40 houses."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a 13-year-old is limited to the byelaws' list of light work.
        if age_on_start(self.values) == employment_limits().light_work_minimum_age:
            self.fields["light_work"] = YesNoField(
                label=_("Is this light work that the byelaws list for children aged 13?"),
                help_text=_(
                    "A child of 13 may only do light work on the byelaws' list, such as "
                    "delivering newspapers or shop work. Contact us if you are not sure."
                ),
                required_message=_("Select yes if the work is on the byelaws' list of light work"),
            )


WHEN = [
    ("both", _("In term time and in the school holidays")),
    ("term", _("In term time only")),
    ("holidays", _("In the school holidays only")),
]


class WhenForm(StepForm):
    when = choice(WHEN, _("Select when the child will work"), label=_("When will the child work?"))


def works_in(period):
    return lambda values: values.get("when", {}).get("when") in (period, "both")


class SchoolTimesForm(StepForm):
    starts = TimeField(
        label=_("The school day starts at"), what=_("the time the school day starts")
    )
    ends = TimeField(label=_("The school day ends at"), what=_("the time the school day ends"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts") and cleaned.get("ends") and cleaned["ends"] <= cleaned["starts"]:
            self.add_error("ends", _("The time the school day ends must be after it starts"))
        return cleaned


DAYS = [
    ("monday", _("Monday")),
    ("tuesday", _("Tuesday")),
    ("wednesday", _("Wednesday")),
    ("thursday", _("Thursday")),
    ("friday", _("Friday")),
    ("saturday", _("Saturday")),
    ("sunday", _("Sunday")),
]
DAY_NAMES = dict(DAYS)


class DayForm(StepForm):
    """One day of a typical week: up to two periods of work (before and after school, or
    either side of a break)."""

    start = TimeField(label=_("Start time"), what=_("the start time"))
    end = TimeField(label=_("Finish time"), what=_("the finish time"))
    second_start = TimeField(
        label=_("Second start time (optional)"),
        what=_("the second start time"),
        required=False,
        help_text=_(
            "If the child works twice on this day, for example before and after school, "
            "or either side of a break. For example, 16:15"
        ),
    )
    second_end = TimeField(
        label=_("Second finish time (optional)"), what=_("the second finish time"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("second_start") and not cleaned.get("second_end"):
            self.add_error(
                "second_end", _("Enter the second finish time, or delete the second start time")
            )
        if cleaned.get("second_end") and not cleaned.get("second_start"):
            self.add_error(
                "second_start", _("Enter the second start time, or delete the second finish time")
            )
        first_end, second_start = cleaned.get("end"), cleaned.get("second_start")
        if first_end and second_start and second_start < first_end:
            self.add_error(
                "second_start", _("The second start time must be after the first finish time")
            )
        return cleaned


class TermDayForm(DayForm):
    day = choice(
        DAYS,
        _("Select the day"),
        label=_("Which day of a school week?"),
        help_text=_(
            "Add the days one at a time, including Saturday and Sunday if the child works then."
        ),
    )
    field_order = ["day"]


class HolidayDayForm(DayForm):
    day = choice(
        DAYS,
        _("Select the day"),
        label=_("Which day of a week in the school holidays?"),
        help_text=_("Add the days one at a time."),
    )
    field_order = ["day"]


def shifts(cleaned):
    periods = [(cleaned["start"], cleaned["end"])]
    if cleaned.get("second_start") and cleaned.get("second_end"):
        periods.append((cleaned["second_start"], cleaned["second_end"]))
    return tuple(Shift(start, end) for start, end in periods)


def work_day(cleaned, term_time, school_times):
    name = str(DAY_NAMES[cleaned["day"]])
    if cleaned["day"] in ("saturday", "sunday"):
        return WorkDay(name, DayKind(cleaned["day"]), shifts(cleaned))
    if not term_time:
        return WorkDay(name, DayKind.HOLIDAY, shifts(cleaned))
    return WorkDay(
        name,
        DayKind.SCHOOL_DAY,
        shifts(cleaned),
        school_start=school_times.get("starts"),
        school_end=school_times.get("ends"),
    )


def day_summary(cleaned):
    periods = ", ".join(times.clock_range(shift.start, shift.end) for shift in shifts(cleaned))
    return f"{DAY_NAMES[cleaned['day']]}: {periods}"


class HoursForm(StepForm):
    holiday_break = YesNoField(
        label=_(
            "Will the child have at least 2 weeks in a row without work in the school holidays?"
        ),
        help_text=_(
            "Every year a child must have a break from work of at least 2 weeks in a row during the school holidays."
        ),
        required_message=_("Select yes if the child will have 2 weeks in a row without work"),
        no_message=_(
            "A child must have at least 2 weeks in a row without work in the school "
            "holidays each year. Plan the work so that they do, then select yes"
        ),
    )

    def weeks(self):
        """The patterns so far, with their totals, for the page to show."""
        found = []
        for slug, title in (
            ("term_days", _("A week in term time")),
            ("holiday_days", _("A week in the school holidays")),
        ):
            days = self.values.get(slug)
            if days:
                total = sum(shift.hours for day in days for shift in shifts(day))
                found.append(
                    {
                        "slug": slug,
                        "title": title,
                        "days": [day_summary(day) for day in days],
                        "total": hours(total),
                    }
                )
        return found


class SafetyForm(StepForm):
    risk_assessment = YesNoField(
        label=_("Has the employer done a risk assessment for the work the child will do?"),
        help_text=_(
            "The employer must assess the risks to the child and tell the parent what they found."
        ),
        required_message=_("Select yes if the employer has done a risk assessment"),
        no_message=_(
            "The employer must do a risk assessment before the child starts work. Select yes once it is done"
        ),
    )
    insurance = YesNoField(
        label=_("Does the employer have employer's liability insurance that covers the child?"),
        required_message=_("Select yes if the employer's insurance covers the child"),
        no_message=_(
            "The employer must have employer's liability insurance that covers the child "
            "before the child starts work. Select yes once they have it"
        ),
    )


class DeclarationForm(HealthDeclarationForm):
    health = YesNoField(
        label=_(
            "Does the child have a health condition or disability that could affect this work?"
        ),
        required_message=_(
            "Select yes if the child has a health condition or disability that could affect this work"
        ),
    )
    health_details = long_text(
        _("If yes, tell us about it and how the employer will help"), required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to my child doing this work, and the answers in this application are correct"
        ),
        error_messages={"required": _("Confirm that you agree to your child doing this work")},
    )


def age_on_start(values):
    born = values.get("child", {}).get("date_of_birth")
    start = values.get("start", {}).get("start_date")
    return age_on(born, start) if born and start else None


# Where each breach is shown: a rule about one period of work by that period's time field,
# a rule about the whole day under its finish time, a rule about the week on the "hours" step.
SHIFT_FIELDS = {
    "shift_order": "end",
    "earliest": "start",
    "latest": "end",
    "school_hours": "start",
    "before_school": "start",
}
# Before school is also a rule about the day: two short periods before school add up.
DAY_RULES = {"break", "school_day_hours", "sunday_hours", "other_day_hours", "before_school"}
WEEK_RULES = {"school_week_hours", "holiday_week_hours"}


@register
class EmploymentPermit(JourneyDefinition):
    journey = FACTS.key
    schema_version = 1
    steps = [
        Step("child", _("About the child"), ChildForm),
        Step("child_address", _("The child's address"), AddressForm),
        Step("school", _("The child's school"), SchoolForm),
        Step("employer", _("The employer"), EmployerForm),
        Step("business_address", _("The business address"), AddressForm),
        Step("workplace_same", _("Where the child will work"), WorkplaceSameForm),
        Step(
            "workplace",
            _("The address where the child will work"),
            AddressForm,
            show_if=lambda values: values.get("workplace_same", {}).get("same") is False,
        ),
        Step("supervisor", _("Who will supervise the child"), SupervisorForm),
        Step("start", _("Start date"), StartForm),
        Step("job", _("The job"), JobForm),
        Step("when", _("When the child will work"), WhenForm),
        Step(
            "school_times", _("The child's school day"), SchoolTimesForm, show_if=works_in("term")
        ),
        RepeatingStep(
            "term_days",
            _("Days of work in term time"),
            TermDayForm,
            show_if=works_in("term"),
            item_name=_("day of work"),
            items_name=_("days of work"),
            max_items=7,
            item_summary=day_summary,
        ),
        RepeatingStep(
            "holiday_days",
            _("Days of work in the school holidays"),
            HolidayDayForm,
            show_if=works_in("holidays"),
            item_name=_("day of work"),
            items_name=_("days of work"),
            max_items=7,
            item_summary=day_summary,
        ),
        Step(
            "hours",
            _("Hours in a week"),
            HoursForm,
            template="forms_app/journeys/employment_hours.html",
        ),
        Step("safety", _("Risk assessment and insurance"), SafetyForm),
        Step("parent", _("Your details (parent or carer)"), ApplicantParentForm),
        Step("declaration", _("Health and consent"), DeclarationForm),
    ]

    def submitter(self, values):
        return values["parent"]["name"], values["parent"]["email"]

    def clean_step(self, step, cleaned, values):
        if step.slug == "start":
            values = {**values, "start": cleaned}
        age = age_on_start(values)
        if age is None:
            return
        limits = employment_limits()
        if step.slug == "start":
            self.check_start(values, limits)
        elif step.slug == "job":
            self.check_job(cleaned, values, limits)
        elif step.slug in ("term_days", "holiday_days"):
            self.check_day(step.slug == "term_days", cleaned, values, age, limits)
        elif step.slug == "hours":
            self.check_weeks(values, age, limits)

    def check_start(self, values, limits):
        # Any work at all: whether it is light work is asked with the job.
        born, start = values["child"]["date_of_birth"], values["start"]["start_date"]
        for finding in check_age(born, start, light_work=True, limits=limits):
            raise forms.ValidationError({"start_date": say(finding)})

    def check_job(self, cleaned, values, limits):
        errors = {}
        for finding in check_job(cleaned["job_type"], limits):
            errors["job_type"] = say(finding)
        if "light_work" in cleaned:
            born, start = values["child"]["date_of_birth"], values["start"]["start_date"]
            for finding in check_age(born, start, cleaned["light_work"], limits):
                errors["light_work"] = say(finding)
        if errors:
            raise forms.ValidationError(errors)

    def check_day(self, term_time, cleaned, values, age, limits):
        school = values.get("school_times") if term_time else None
        day = work_day(cleaned, term_time, school or {})
        errors = {}

        def add(field, breach):
            text = say(breach)
            if text not in errors.setdefault(field, []):
                errors[field].append(text)

        # Rules about one period of work go by that period's time fields.
        for prefix, shift in zip(("", "second_"), day.shifts, strict=False):
            single = WorkDay(day.name, day.kind, (shift,), day.school_start, day.school_end)
            for breach in check_week([single], age, term_time, limits):
                if breach.code in SHIFT_FIELDS:
                    add(prefix + SHIFT_FIELDS[breach.code], breach)
        if not errors:  # rules about the whole day, once its times make sense
            for breach in check_week([day], age, term_time, limits):
                if breach.code in DAY_RULES:
                    add("end", breach)
        if errors:
            raise forms.ValidationError(errors)

    def check_weeks(self, values, age, limits):
        errors = []
        for slug, term_time in (("term_days", True), ("holiday_days", False)):
            answers = values.get(slug) or []
            names = [answer["day"] for answer in answers]
            for name in dict.fromkeys(names):
                if names.count(name) > 1:
                    message = gettext(
                        "You have added %(day)s more than once. Remove one of them"
                    ) % {"day": DAY_NAMES[name]}
                    errors.append(forms.ValidationError(message, code=slug))
            days = [
                work_day(answer, term_time, values.get("school_times") or {}) for answer in answers
            ]
            for breach in check_week(days, age, term_time, limits):
                if breach.code in WEEK_RULES:
                    errors.append(forms.ValidationError(say(breach), code=slug))
        if errors:
            raise forms.ValidationError(errors)
