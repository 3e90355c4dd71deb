"""Child performance licence: the producer (part 1) and a parent (part 2) apply for a licence
for a child to take part in a performance, with the school's agreement when the child
misses school. The Children (Performances and Activities) (England) Regulations 2014
(DOMAIN.md, Child performance licences and chaperones).

The child's days at the place of performance are a list ("Add another day"), each a day
or a run of days with the same times, judged by forms_app.rules.performance against the
child's age on each date: an entry's own breaches under its fields when it is added, and
the whole list (a date twice, days in a row, the rest overnight) when there are no more to
add. So the producer gives the child's name and date of birth before the days. Night work
is not asked: a day before the earliest or after the latest time for the child's age is
night work, which needs the council's permission, so then (and only then) the form asks
why, and the officer sees it first.

Version 2: the days replaced one free-text answer about "times" and a yes or no about night
work; submissions of version 1 still show those answers as they were sent."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shared import times
from shared.fields import (
    DateField,
    TimeField,
    YesNoField,
    email_address,
    long_text,
    number,
    percent_lazy,
    text,
)
from shared.people import person_name, phone_number
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, UploadField, register
from ..rules.performance import (
    PRIVATE_TUTOR_HOURS_PER_DAY,
    PerformanceDay,
    age_on,
    check_days,
    days_from,
    licence_exemption,
    night_work,
    short_notice,
)
from ..rules.performance_messages import dates as say_dates
from ..rules.performance_messages import say
from . import registry
from .common import AddressForm, ApplicantParentForm, ChildForm, HealthDeclarationForm
from .facts import Flag, JourneyFacts

FACTS = registry.register(
    JourneyFacts(
        key="performance_licence",
        name=_("Child performance licence"),
        order=30,
        service="licensing",
        prefix="CPL",
        retention_days=365 * 3,
        notice=NoticeEntry(
            slug="performance",
            name=_("Child performance licences"),
            collected=_(
                "Details of the production, its dates, places and times; the child's name, date "
                "of birth, address, school, health, photographs and birth certificate; the "
                "school's letter if the child will miss school; and who will teach and look "
                "after the child."
            ),
            why=_(
                "{public}The Children and Young Persons Act 1963 and the Children (Performances "
                "and Activities) (England) Regulations 2014 require a licence before a child "
                "takes part in most performances. {health}"
            ),
            shared=_(
                "The producer, the child's school, and the council for the area where the "
                "performance takes place if that is not us."
            ),
        ),
        may_flag=(Flag.SHORT_NOTICE, Flag.NIGHT_WORK),
    )
)


class ExemptionForm(StepForm):
    paid = YesNoField(
        label=_("Will the child be paid for taking part?"),
        help_text=_("Count any payment to anyone for the child taking part, apart from expenses."),
        required_message=_("Select yes if the child will be paid"),
    )
    misses_school = YesNoField(
        label=_("Will the child miss any school to take part?"),
        help_text=_("Include rehearsals and travel."),
        required_message=_("Select yes if the child will miss any school"),
    )
    days_performed = number(
        _("On how many days has the child performed in the last 6 months?"),
        what=_("the number of days the child has performed"),
        max_value=183,
        help_text=_("Do not count this performance. Enter 0 if there were none."),
    )
    body_of_persons = YesNoField(
        label=_("Does the organiser have a body of persons approval for this performance?"),
        help_text=_(
            "The council can approve an organisation, such as a dance school or an amateur "
            "theatre group, so that its children do not need a licence each. Ask the "
            "organiser if you are not sure."
        ),
        required_message=_("Select yes if the organiser has a body of persons approval"),
    )


def exempt(values):
    answers = values["exemption"]
    return licence_exemption(
        paid=answers["paid"],
        misses_school=answers["misses_school"],
        days_in_last_six_months=answers["days_performed"],
        body_of_persons_approval=answers["body_of_persons"],
    ).exempt


def misses_school(values):
    return bool(values.get("exemption", {}).get("misses_school"))


class ProductionForm(StepForm):
    name = text(_("Name of the production"), _("Enter the name of the production"))
    description = long_text(
        _("What is it? (optional)"),
        required=False,
        help_text=_("For example, a pantomime, a television advert or a dance show."),
    )


class ProducerForm(StepForm):
    name = person_name(_("Producer's full name"), _("Enter the producer's full name"))
    organisation = text(_("Company or organisation"), _("Enter the company or organisation"))
    email = email_address(required_message=_("Enter the producer's email address"))
    phone = phone_number(required_message=_("Enter the producer's phone number"))


class DatesForm(StepForm):
    first = DateField(
        label=_("Date of the first performance"),
        what=_("the date of the first performance"),
        past=False,
        help_text=_("Include rehearsals if the child starts with those. For example, 5 12 2026"),
    )
    last = DateField(
        label=_("Date of the last performance"),
        what=_("the date of the last performance"),
        past=False,
        help_text=_("For example, 20 12 2026"),
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last and last < first:
            self.add_error(
                "last", _("The date of the last performance must be on or after the first")
            )
        if first:
            # Kept with the answers: the officer sees the application was late.
            cleaned["short_notice"] = short_notice(first, date.today())
        return cleaned


class LateForm(StepForm):
    reason = long_text(_("Why are you applying now? (optional)"), required=False)


class PlacesForm(StepForm):
    places = long_text(
        _("Name and address of each place where the child will perform or rehearse"),
        _("Enter the name and address of each place"),
    )


DURATION = re.compile(r"(?P<hours>\d{1,2})(?:[:.](?P<minutes>\d{2}))?")


class DurationField(forms.Field):
    """A length of time as hours and minutes in one short input (2:30, 0:45, or 3 for 3
    hours). Kept as it reads, "2:30", so check your answers and the officer's record show
    it so; minutes() gives the number the rules count."""

    widget = forms.TextInput(
        attrs={"class": "govuk-input--width-5", "autocomplete": "off", "spellcheck": "false"}
    )

    def __init__(self, *, what, **kwargs):
        kwargs.setdefault("help_text", _("As hours and minutes, for example 2:30 or 0:45"))
        super().__init__(**kwargs)
        self.what = what
        self.error_messages["required"] = percent_lazy(_("Enter %(what)s"), {"what": what})

    def to_python(self, value):
        value = "".join(str(value or "").split())
        if not value:
            return None
        match = DURATION.fullmatch(value)
        minutes = int(match["minutes"] or 0) if match else 60
        if not match or minutes >= 60 or int(match["hours"]) > 24:
            raise ValidationError(
                percent_lazy(
                    _("Enter %(what)s as hours and minutes, like 2:30"), {"what": self.what}
                )
            )
        return f"{int(match['hours'])}:{minutes:02d}"


def minutes(duration):
    """ "2:30" as 150."""
    if not duration:
        return 0
    hours, _colon, rest = duration.partition(":")
    return int(hours) * 60 + int(rest or 0)


class PerformanceDayForm(StepForm):
    """A day at the place of performance or rehearsal, or a run of days with the same
    times: what the regulations' limits need to know, and no more."""

    first_date = DateField(
        label=_("Date"),
        what=_("the date"),
        help_text=_(
            "Or the first date of a run of days with the same times. For example, 5 12 2026"
        ),
    )
    last_date = DateField(
        label=_("Last date of the run (optional)"),
        what=_("the last date of the run"),
        required=False,
        help_text=_("Leave this empty for a single day"),
    )
    arrives = TimeField(
        label=_("Time the child arrives at the place of performance or rehearsal"),
        what=_("the time the child arrives"),
    )
    leaves = TimeField(
        label=_("Time the child leaves"),
        what=_("the time the child leaves"),
        help_text=_("For example, 21:30. A time after midnight means the next morning"),
    )
    performing = DurationField(
        label=_("Time performing or rehearsing in all that day"),
        what=_("the time performing or rehearsing"),
    )
    longest = DurationField(
        label=_("Longest time performing or rehearsing without a break"),
        what=_("the longest time without a break"),
    )
    meal_break = DurationField(
        label=_("Length of the meal break (optional)"),
        what=_("the length of the meal break"),
        required=False,
    )
    rest_breaks = number(
        _("How many other breaks of at least 15 minutes will the child have?"),
        what=_("the number of other breaks"),
        max_value=10,
        help_text=_("Do not count the meal break. Enter 0 if there are none."),
    )

    def clean(self):
        cleaned = super().clean()
        first, last = (
            cleaned.get("first_date"),
            cleaned.get("last_date") or cleaned.get("first_date"),
        )
        run = self.values.get("dates", {})
        if first and last:
            if last < first:
                self.add_error(
                    "last_date", _("The last date must be the same as or after the date")
                )
            elif (
                run.get("first")
                and run.get("last")
                and (first < run["first"] or last > run["last"])
            ):
                message = gettext(
                    "The dates must be within the dates of the performances, %(from)s to %(to)s"
                ) % {
                    "from": say_dates((run["first"], run["first"])),
                    "to": say_dates((run["last"], run["last"])),
                }
                self.add_error("first_date" if first < run["first"] else "last_date", message)
        performing, longest = cleaned.get("performing"), cleaned.get("longest")
        if performing and longest and minutes(longest) > minutes(performing):
            self.add_error(
                "longest",
                _("The longest time without a break cannot be more than the time in all"),
            )
        day = performance_days(cleaned)
        if day and minutes(performing) > day[0].hours_at_place * 60:
            self.add_error(
                "performing",
                _("The time performing or rehearsing cannot be more than the time at the place"),
            )
        return cleaned


def performance_days(cleaned):
    """An entry as the rules read it: one PerformanceDay for each of its dates."""
    needed = ("first_date", "arrives", "leaves", "performing", "longest", "rest_breaks")
    if any(cleaned.get(name) is None for name in needed):
        return []
    first = cleaned["first_date"]
    last = cleaned.get("last_date") or first
    return [
        PerformanceDay(
            on,
            cleaned["arrives"],
            cleaned["leaves"],
            minutes(cleaned["performing"]),
            minutes(cleaned["longest"]),
            minutes(cleaned.get("meal_break")),
            cleaned["rest_breaks"],
        )
        for on in days_from(first, last)
    ]


def all_days(values):
    return [day for entry in values.get("days", []) for day in performance_days(entry)]


def birth_date(values):
    return values.get("child", {}).get("date_of_birth")


def day_summary(cleaned):
    first = cleaned["first_date"]
    last = cleaned.get("last_date") or first
    return gettext("%(dates)s: %(times)s") % {
        "dates": say_dates((first, last)),
        "times": times.clock_range(cleaned["arrives"], cleaned["leaves"]),
    }


def days_add_up(values):
    """The whole list, by the child's age on each date: every breach, each naming its
    dates and its regulation."""
    born = birth_date(values)
    if not born:
        return None
    breaches = check_days(all_days(values), born)
    return " ".join(say(breach) for breach in breaches) or None


def night_work_dates(values):
    born = birth_date(values)
    if not born:
        return []
    return [day.on for day in all_days(values) if night_work(day, age_on(born, day.on))]


class NightWorkForm(StepForm):
    reasons = long_text(
        _("Why must the child be there at these times, and how will they rest?"),
        _("Tell us why the child must be there at these times, and how they will rest"),
        help_text=_("The council can allow night work only when it is needed for the performance."),
    )

    def nights(self):
        """The dates of night work, for the page to name."""
        return ", ".join(say_dates((on, on)) for on in sorted(set(night_work_dates(self.values))))


class SafeguardingForm(StepForm):
    risk_assessment = YesNoField(
        label=_("Has the producer done a risk assessment for the child?"),
        required_message=_("Select yes if the producer has done a risk assessment"),
        no_message=_(
            "The producer must do a risk assessment for the child before we can grant "
            "a licence. Select yes once it is done"
        ),
    )
    safeguarding_policy = YesNoField(
        label=_("Does the producer have a safeguarding policy?"),
        required_message=_("Select yes if the producer has a safeguarding policy"),
        no_message=_(
            "The producer must have a safeguarding policy before we can grant a "
            "licence. Select yes once they have one"
        ),
    )
    chaperone = person_name(
        _("Name of the chaperone (optional)"),
        required=False,
        what=_("The chaperone's name"),
        help_text=_(
            "The person who will look after the child, if it is not a parent. Chaperones "
            "must be approved by the council where they live."
        ),
    )


class EducationForm(StepForm):
    tutor = YesNoField(
        label=_("Will a private tutor teach the child on the days they miss school?"),
        required_message=_("Select yes if a private tutor will teach the child"),
    )
    tutor_name = person_name(
        _("If yes, the tutor's full name"), required=False, what=_("The tutor's full name")
    )
    tutor_hours = number(
        _("If yes, how many hours will the tutor teach on each school day missed?"),
        what=_("the hours a day the tutor will teach"),
        max_value=8,
        required=False,
    )
    arrangements = long_text(
        _("If not, how will the child keep up with their education?"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("tutor"):
            if not cleaned.get("tutor_name"):
                self.add_error("tutor_name", _("Enter the tutor's full name"))
            hours = cleaned.get("tutor_hours")
            if hours is None and "tutor_hours" not in self.errors:
                self.add_error("tutor_hours", _("Enter the hours a day the tutor will teach"))
            elif hours is not None and hours < PRIVATE_TUTOR_HOURS_PER_DAY:
                self.add_error(
                    "tutor_hours",
                    _(
                        "A tutor must teach the child for at least %(hours)s hours on each "
                        "school day they miss"
                    )
                    % {"hours": PRIVATE_TUTOR_HOURS_PER_DAY},
                )
        elif cleaned.get("tutor") is False and not cleaned.get("arrangements"):
            self.add_error(
                "arrangements", _("Tell us how the child will keep up with their education")
            )
        return cleaned


class HealthForm(HealthDeclarationForm):
    health = YesNoField(
        label=_("Does the child have a health condition or disability we should know about?"),
        required_message=_("Select yes if the child has a health condition or disability"),
    )
    health_details = long_text(_("If yes, tell us about it"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree to my child taking part in this production, and the answers in this "
            "application are correct"
        ),
        error_messages={"required": _("Confirm that you agree to your child taking part")},
    )


class DocumentsForm(StepForm):
    photo = UploadField(
        kinds=("jpg", "png"),
        label=_("A recent photo of the child"),
        help_text=_(
            "Taken in the last 6 months, showing the child's face clearly. A JPG or PNG file "
            "smaller than 7MB."
        ),
        error_messages={"required": _("Select a recent photo of the child")},
    )
    birth_certificate = UploadField(
        kinds=("pdf", "jpg", "png"),
        label=_("The child's birth certificate"),
        help_text=_("A scan or a photo of it: a PDF, JPG or PNG file smaller than 7MB."),
        error_messages={"required": _("Select a copy of the child's birth certificate")},
    )


class SchoolForm(StepForm):
    head_name = person_name(_("Head teacher's full name"), _("Enter the head teacher's full name"))
    school_name = text(_("Name of the school"), _("Enter the name of the school"))
    days_absent = number(
        _("On how many school days has the school agreed the child may be absent?"),
        what=_("the number of school days"),
        min_value=1,
        max_value=195,
    )
    letter = UploadField(
        kinds=("pdf", "doc", "docx", "odt", "rtf", "jpg", "png"),
        label=_("The school's letter agreeing to the absence (optional)"),
        help_text=_(
            "A PDF, a document (Word, ODT or RTF) or a photo (JPG or PNG), smaller than 7MB."
        ),
        required=False,
    )


@register
class PerformanceLicence(JourneyDefinition):
    journey = FACTS.key
    schema_version = 2  # 2: the days at the place of performance replaced free-text times
    steps = [
        Step(
            "exemption",
            _("Check whether the child needs a licence"),
            ExemptionForm,
            exit_if=exempt,
            exit_template="forms_app/journeys/licence_not_needed.html",
        ),
        # Part 1: the producer.
        Step("production", _("The production"), ProductionForm),
        Step("producer", _("The producer"), ProducerForm),
        # The child's date of birth before the days: the limits go by age.
        Step("child", _("About the child"), ChildForm),
        Step("dates", _("Dates of the performances"), DatesForm),
        Step(
            "late",
            _("The first performance is less than 21 days away"),
            LateForm,
            show_if=lambda values: values.get("dates", {}).get("short_notice"),
            template="forms_app/journeys/performance_late.html",
        ),
        Step("places", _("Where the child will perform"), PlacesForm),
        RepeatingStep(
            "days",
            _("Days at the place of performance"),
            PerformanceDayForm,
            item_name=_("day or run of days"),
            items_name=_("days or runs of days"),
            max_items=40,
            item_summary=day_summary,
            check_items=days_add_up,
        ),
        Step(
            "night_work",
            _("Night work"),
            NightWorkForm,
            show_if=night_work_dates,
            template="forms_app/journeys/performance_night_work.html",
        ),
        Step("safeguarding", _("Keeping the child safe"), SafeguardingForm),
        Step("education", _("The child's education"), EducationForm, show_if=misses_school),
        # Part 2: the parent.
        Step("child_address", _("The child's address"), AddressForm),
        Step("parent", _("Your details (parent or carer)"), ApplicantParentForm),
        Step("health", _("Health and consent"), HealthForm),
        Step("documents", _("Photo and birth certificate"), DocumentsForm),
        # The school, when the child misses school.
        Step("school", _("The school's agreement"), SchoolForm, show_if=misses_school),
    ]

    def submitter(self, values):
        return values["parent"]["name"], values["parent"]["email"]

    def findings(self, values):
        nights = sorted(set(night_work_dates(values)))
        if not nights:
            return []
        return [
            gettext("Night work asked for, which needs the council's permission: %(dates)s")
            % {"dates": ", ".join(say_dates((on, on)) for on in nights)}
        ]

    def flags(self, values):
        found = []
        # Worked out when the dates were given, and kept with them (DatesForm.clean).
        if (values.get("dates") or {}).get("short_notice") is True:
            found.append(Flag.SHORT_NOTICE)
        # Not a breach: the council may permit it (regulation 28), but an officer decides.
        if night_work_dates(values):
            found.append(Flag.NIGHT_WORK)
        return found

    def clean_step(self, step, cleaned, values):
        """An entry's own breaches by the child's age on each of its dates, each under the
        field that puts it right."""
        born = birth_date(values)
        if step.slug != "days" or not born:
            return
        errors = {}
        for breach in check_days(performance_days(cleaned), born):
            field = ENTRY_FIELDS.get(breach.code)
            if field:
                errors.setdefault(field, []).append(say(breach))
        if errors:
            raise forms.ValidationError(errors)


# Where an entry's breach is shown: by the answer that puts it right. The rules about more
# than one entry (a date twice, days in a row, the rest overnight) are the list's.
ENTRY_FIELDS = {
    "hours_at_place": "leaves",
    "hours_performing": "performing",
    "continuous": "longest",
    "meal_break": "meal_break",
    "rest_break": "rest_breaks",
    "second_rest_break": "rest_breaks",
    "consecutive_days": "last_date",
    "overnight": "arrives",
}
