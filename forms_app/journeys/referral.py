"""A school refers a pupil to the council's attendance service: the pupil and family, the
absence and its dates, the support tried first, what the school asks for, safeguarding,
the pupil's voice, the register and a declaration. Only the staff of a school make it,
for a school they act for. Facts: DOMAIN.md, "Penalty notices and referrals"."""

from datetime import date

from crispy_forms_gds.layout import Layout
from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import access
from portal.models import Membership, School
from portal.terms import council_terms, is_school_day, published_span, school_days, school_weeks
from shared import times
from shared.fields import DateField, YesNoField, choice, long_text, number, percent_lazy, text
from shared.people import date_of_birth, person_name
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, UploadField, register
from ..penalty_register import register_check
from ..rules.attendance import (
    THRESHOLD_CODES,
    Attendance,
    absence_findings,
    outside_age_group,
    penalty_finding,
    penalty_outcome,
    period_outside_terms,
    possible_sessions_problem,
    school_days_between,
    session_count_problems,
    sessions_by_code,
    sessions_by_day,
    threshold,
    upn_problem,
    year_group_problem,
)
from ..rules.attendance_messages import say
from . import registry
from .common import CHILD_MAX_AGE, RELATIONSHIPS, AddressForm, ParentDetailsForm
from .facts import Flag, JourneyFacts, Outcome

FACTS = registry.register(
    JourneyFacts(
        key="attendance_referral",
        name=_("Attendance referral"),
        order=50,
        service="attendance",
        prefix="ATT",
        retention_days=365 * 6,
        notice=NoticeEntry(
            slug="referral",
            name=_("Attendance referrals from schools"),
            collected=_(
                "The pupil's name, date of birth and address; every parent with parental "
                "responsibility; the pupil's attendance record; the letters, meetings and support "
                "the school has offered; other agencies involved; and any safeguarding concerns."
            ),
            why=_(
                "{public}The Education Act 1996 (sections 437 to 447) makes parents responsible "
                "for their child's regular attendance and gives us the means to enforce it, "
                "including penalty notices and prosecution. {health}"
            ),
            shared=_(
                "The pupil's school; early help and children's social care where the family "
                "needs support or the child may be at risk; and, if a case goes to court, our "
                "legal team and the magistrates' court."
            ),
        ),
        # What the attendance service did with the referral; the school is told.
        outcomes=(
            Outcome("notice_to_improve", _("Notice to improve issued"), enforcement=True),
            Outcome("penalty_notice", _("Penalty notice issued"), enforcement=True),
            Outcome("case_opened", _("Case opened"), enforcement=True),
            Outcome(
                "declined",
                _("Declined"),
                reason_required=_("Give the reason for declining the referral."),
            ),
        ),
        may_flag=(Flag.SAFEGUARDING, Flag.PENALTY_REGISTER),
    )
)


def _not_in_future(form, name, what):
    day = form.cleaned_data.get(name)
    if day and day > date.today():
        form.add_error(name, gettext("%(what)s must be today or in the past") % {"what": what})


class ChecklistForm(StepForm):
    """Checkboxes where "none" stands alone and "other" asks what it was: the form names
    its checkbox field, its "other" field and the two messages."""

    checklist = ""
    other_field = ""
    both_message = ""
    other_message = ""

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get(self.checklist) or []
        if "none" in chosen and len(chosen) > 1:
            self.add_error(self.checklist, self.both_message)
        if "other" in chosen and not cleaned.get(self.other_field):
            self.add_error(self.other_field, self.other_message)
        return cleaned


# --- the school and the pupil -----------------------------------------------------------


class SchoolForm(StepForm):
    school = forms.ChoiceField(
        label=_("Which school is making this referral?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the school making this referral"),
            "invalid_choice": _("Select one of the schools you act for"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The schools this user acts for; with no user (an officer reading what was sent),
        # every school, so the answer reads as the school's name.
        schools = access.schools_for(self.user) if self.user is not None else School.objects
        choices = [
            (str(pk), name) for pk, name in schools.order_by("name").values_list("pk", "name")
        ]
        self.fields["school"].choices = choices
        if len(choices) == 1:
            self.fields["school"].initial = choices[0][0]


YEAR_GROUPS = [("reception", _("Reception"))] + [
    (f"year_{year}", percent_lazy(_("Year %(year)s"), {"year": year})) for year in range(1, 14)
]


class PupilForm(StepForm):
    first_name = person_name(_("First name"), _("Enter the pupil's first name"))
    last_name = person_name(_("Last name"), _("Enter the pupil's last name"))
    date_of_birth = date_of_birth(
        _("the pupil's date of birth"),
        max_age=CHILD_MAX_AGE,
        too_old=_("A child must be %(age)s or younger: check the date of birth"),
        help_text=_("For example, 27 3 2014"),
    )
    upn = text(
        _("Unique pupil number (UPN)"),
        _("Enter the pupil's unique pupil number (UPN)"),
        max_length=20,
        help_text=_("13 characters, starting with a letter. It is on the pupil's record."),
    )
    year_group = forms.ChoiceField(
        label=_("Year group"),
        choices=[("", _("Select a year group"))] + YEAR_GROUPS,
        error_messages={"required": _("Select the pupil's year group")},
    )
    # Asked only when the year group is not the pupil's age group (see clean).
    year_group_reason = long_text(
        _("Why is the pupil taught outside their age group?"),
        required=False,
        max_length=500,
        rows=3,
        help_text=_(
            "For example, a summer-born child who started Reception a year later, or a "
            "child taught in the year below because of their needs."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = (self.values.get("pupil") or {}).get("year_group_reason")
        self.show_reason(bool(stored or self.data.get("year_group_reason")))

    def show_reason(self, shown):
        """The reason is on the page (and in the answers) only when it is needed."""
        names = [name for name in self.fields if shown or name != "year_group_reason"]
        self.helper.layout = Layout(*names)
        self.summary_exclude = () if shown else ("year_group_reason",)

    def clean_upn(self):
        upn = "".join(self.cleaned_data["upn"].upper().split())
        problem = upn_problem(upn)
        if problem:
            raise forms.ValidationError(say(problem))
        return upn

    def clean(self):
        cleaned = super().clean()
        born, year = cleaned.get("date_of_birth"), cleaned.get("year_group")
        reason = cleaned.get("year_group_reason", "")
        if born and year:
            number = year_number(year)
            problem = year_group_problem(born, number, date.today(), bool(reason))
            outside = outside_age_group(born, number, date.today(), reason)
            self.show_reason(outside is not None)
            if problem:
                self.add_error("year_group", say(problem))
            elif outside is None:
                reason = ""  # not needed: the year group is the age group
        if not reason:
            cleaned.pop("year_group_reason", None)  # kept only when it says something
        return cleaned


def year_number(year_group):
    """0 for Reception, else the year's number ("year_6" is 6)."""
    return 0 if year_group == "reception" else int(year_group.removeprefix("year_"))


def pupil_findings(values, today=None):
    """For the officer: a pupil taught outside their age group, with the school's reason."""
    pupil = values.get("pupil", {})
    born, year = pupil.get("date_of_birth"), pupil.get("year_group")
    if not (born and year):
        return []
    found = outside_age_group(
        born, year_number(year), today or date.today(), pupil.get("year_group_reason", "")
    )
    return [say(found)] if found else []


class ParentForm(ParentDetailsForm):
    field_order = [*ParentDetailsForm.field_order, "address"]

    relationship = choice(
        RELATIONSHIPS,
        _("Select their relationship to the pupil"),
        label=_("Relationship to the pupil"),
    )
    address = long_text(
        _("Their address, if it is not the pupil's (optional)"), required=False, rows=3
    )


def parents_with_responsibility(values):
    if not any(parent.get("parental_responsibility") for parent in values.get("parents", [])):
        return gettext(
            "Add at least one parent or carer with parental responsibility: a penalty notice "
            "or prosecution can only be brought against them"
        )
    return None


AGENCIES = [
    ("social_care", _("Children's social care")),
    ("early_help", _("Early help")),
    ("camhs", _("Child and adolescent mental health services (CAMHS)")),
    ("school_nurse", _("School nurse")),
    ("police", _("Police")),
    ("youth_justice", _("Youth justice service")),
    ("sen_team", _("Special educational needs (SEN) team")),
    ("virtual_school", _("Virtual school")),
    ("other", _("Another agency")),
    ("none", _("None of these")),
]


class AgenciesForm(ChecklistForm):
    agencies = forms.MultipleChoiceField(
        label=_("Which other agencies are working with the pupil or family?"),
        help_text=_("Select all that apply."),
        choices=AGENCIES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select the agencies involved, or select none of these")},
    )
    other_agency = text(_("If another agency, which one?"), required=False)

    checklist, other_field = "agencies", "other_agency"
    both_message = _("Select the agencies involved, or select none of these, not both")
    other_message = _("Enter the name of the other agency")


# --- the absence ------------------------------------------------------------------------

CODES = [
    ("G", _("G – holiday not agreed by the school")),
    ("N", _("N – reason not yet given")),
    ("O", _("O – absent in other or unknown circumstances")),
    ("U", _("U – arrived after the register closed")),
]


class AbsenceForm(StepForm):
    period_from = DateField(
        label=_("First day of the period this referral covers"),
        what=_("the first day of the period"),
        help_text=_("For example, 2 9 2026"),
    )
    period_to = DateField(
        label=_("Last day of the period"),
        what=_("the last day of the period"),
        help_text=_("Today or earlier"),
    )
    possible = number(
        _("Possible sessions in the period"),
        what=_("the number of possible sessions"),
        min_value=1,
        max_value=800,
        help_text=_("Each school day has 2 sessions: morning and afternoon."),
    )
    attended = number(
        _("Sessions the pupil attended"), what=_("the number of sessions attended"), max_value=800
    )
    code_g = number(_("Sessions of code G"), what=_("the sessions of code G"), max_value=800)
    code_n = number(_("Sessions of code N"), what=_("the sessions of code N"), max_value=800)
    code_o = number(_("Sessions of code O"), what=_("the sessions of code O"), max_value=800)
    code_u = number(_("Sessions of code U"), what=_("the sessions of code U"), max_value=800)

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "period_from", gettext("The first day of the period"))
        _not_in_future(self, "period_to", gettext("The last day of the period"))
        first, last = cleaned.get("period_from"), cleaned.get("period_to")
        if first and last and last < first and "period_to" not in self.errors:
            self.add_error(
                "period_to", _("The last day of the period must be the same as or after the first")
            )
        dates_wrong = {"period_from", "period_to"} & set(self.errors)
        if first and last and first <= last and not dates_wrong and "possible" in cleaned:
            self.check_school_days(first, last, cleaned["possible"])
        if any(name not in cleaned for name in ("possible", "attended", *CODE_FIELD.values())):
            return cleaned
        by_code = {code: cleaned[field] for code, field in CODE_FIELD.items()}
        for problem in session_count_problems(cleaned["possible"], cleaned["attended"], by_code):
            self.add_error(COUNT_PROBLEM_FIELD[problem.code], say(problem))
        return cleaned

    def check_school_days(self, first, last, possible):
        """At most two possible sessions for each school day in the council's term dates."""
        terms = council_terms()
        outside = period_outside_terms(first, last, published_span(terms))
        if outside:
            self.add_error("period_from", say(outside))
            return
        days = school_days(first, last, terms)
        problem = possible_sessions_problem(possible, days, first, last)
        if problem:
            self.add_error("possible", say(problem))


# The answer each problem with the session counts is shown by.
COUNT_PROBLEM_FIELD = {"attended_above_possible": "attended", "codes_above_missed": "code_g"}
CODE_FIELD = {code: f"code_{code.lower()}" for code in THRESHOLD_CODES}


def unauthorised_counts(values):
    absence = values.get("absence", {})
    return {code: absence.get(field, 0) for code, field in CODE_FIELD.items()}


def has_unauthorised(values):
    return sum(unauthorised_counts(values).values()) > 0


PARTS = [
    ("both", _("Both sessions (all day)")),
    ("morning", _("Morning session only")),
    ("afternoon", _("Afternoon session only")),
]


class AbsenceDatesForm(StepForm):
    first_day = DateField(
        label=_("First day of absence"),
        what=_("the first day of absence"),
        help_text=_("For example, 14 10 2026"),
    )
    last_day = DateField(
        label=_("Last day of absence"),
        what=_("the last day of absence"),
        help_text=_("The same as the first day for a single day"),
    )
    part = choice(PARTS, _("Select which sessions the pupil missed"), label=_("Sessions missed"))
    code = choice(CODES, _("Select the absence code"), label=_("Absence code"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if not (first and last):
            return cleaned
        absence = self.values.get("absence", {})
        period_from, period_to = absence.get("period_from"), absence.get("period_to")
        if last < first:
            self.add_error("last_day", _("The last day must be the same as or after the first day"))
        elif period_from and period_to and (first < period_from or last > period_to):
            message = gettext("The dates must be within the period, %(from)s to %(to)s") % {
                "from": times.day(period_from),
                "to": times.day(period_to),
            }
            self.add_error("first_day" if first < period_from else "last_day", message)
        elif not school_days_between(first, last, _school_day):
            self.add_error(
                "first_day", _("These dates include no school days. Check the term dates")
            )
        return cleaned


def _runs(values):
    return [
        (run["first_day"], run["last_day"], run["part"], run["code"])
        for run in values.get("absence_dates", [])
    ]


def _school_day(day):
    return is_school_day(day, council_terms())


def dates_add_up(values):
    """The runs of days, counted in sessions per code, must match the counts given."""
    counted = sessions_by_code(_runs(values), _school_day)
    wrong = [
        gettext("code %(code)s: the dates give %(dates)s sessions, you said %(said)s")
        % {"code": code, "dates": counted.get(code, 0), "said": said}
        for code, said in unauthorised_counts(values).items()
        if counted.get(code, 0) != said
    ]
    if wrong:
        return gettext(
            "The dates of absence do not add up to the sessions you gave for each code (%(wrong)s). "
            "Add, change or remove dates, or change the numbers"
        ) % {"wrong": "; ".join(wrong)}
    return None


def run_summary(run):
    first, last = run["first_day"], run["last_day"]
    days = times.day(first)
    if last != first:
        days += " " + gettext("to") + " " + times.day(last)
    return f"{days}: {dict(PARTS)[run['part']]}, {gettext('code')} {run['code']}"


class AbsenceFigures:
    """What the absence answers mean: attendance, persistent or severe absence, and
    whether the national threshold for a penalty notice is met."""

    def __init__(self, values):
        absence = values.get("absence", {})
        self.attendance = Attendance(absence.get("possible", 0), absence.get("attended", 0))
        limits = settings.PORTAL_PENALTY_NOTICE
        self.threshold_sessions = limits["threshold_sessions"]
        self.threshold_weeks = limits["threshold_weeks"]
        self.unauthorised = sum(unauthorised_counts(values).values())
        self.threshold = threshold(
            sessions_by_day(_runs(values), _school_day),
            school_weeks(council_terms()),
            sessions=self.threshold_sessions,
            weeks=self.threshold_weeks,
        )

    def findings(self):
        found = absence_findings(self.attendance, self.threshold, self.threshold_weeks)
        return [say(finding) for finding in found]


class AbsenceResultForm(StepForm):
    """No questions: the page explains what the figures mean."""

    @cached_property
    def figures(self):
        return AbsenceFigures(self.values)


# --- support first ----------------------------------------------------------------------

SUPPORT = [
    ("attendance_meeting", _("Attendance meeting with the family")),
    ("early_help", _("Early help assessment")),
    ("attendance_contract", _("Attendance contract")),
    ("parenting_contract", _("Parenting contract")),
    ("notice_to_improve", _("Notice to improve")),
    ("warning_letter", _("Penalty notice warning letter")),
    ("other", _("Other support")),
    ("none", _("No support has been offered yet")),
]


class SupportForm(ChecklistForm):
    support = forms.MultipleChoiceField(
        label=_("What has the school already done to support the pupil's attendance?"),
        help_text=_("Select all that apply."),
        choices=SUPPORT,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select the support offered, or select that there was none")},
    )
    other_support = text(_("If other support, what was it?"), required=False)

    checklist, other_field = "support", "other_support"
    both_message = _("Select the support offered, or select that there was none, not both")
    other_message = _("Enter what the other support was")


def chosen_support(values):
    return [kind for kind in values.get("support", {}).get("support", []) if kind != "none"]


class SupportDatesForm(StepForm):
    """A date for each kind of support chosen on the page before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(SUPPORT)
        # With no answers to go by (an officer reading what was sent), every kind.
        kinds = chosen_support(self.values) if self.values else list(labels)[:-1]
        for kind in kinds:
            self.fields[f"{kind}_date"] = DateField(
                label=labels[kind],
                what=gettext("the date of the %(support)s")
                % {"support": str(labels[kind]).lower()},
                help_text=_("The date it happened or started, for example 6 10 2026"),
            )

    def clean(self):
        cleaned = super().clean()
        for name, form_field in self.fields.items():
            _not_in_future(self, name, str(form_field.what).capitalize())
        return cleaned


# --- what the school asks for -----------------------------------------------------------

REQUESTS = [
    ("penalty_notice", _("A penalty notice")),
    ("prosecution_444_1", _("Prosecution under section 444(1) of the Education Act 1996")),
    ("prosecution_444_1a", _("Prosecution under section 444(1A) of the Education Act 1996")),
    ("eso", _("An education supervision order")),
    ("advice", _("Advice and support only")),
]
LEGAL_ACTION = {"penalty_notice", "prosecution_444_1", "prosecution_444_1a", "eso"}
PREVIOUS_NOTICES = [
    ("0", _("None")),
    ("1", _("One")),
    ("2", _("Two or more")),
]


class RequestForm(StepForm):
    request = choice(
        REQUESTS,
        _("Select what the school is asking the attendance service to do"),
        label=_("What is the school asking the attendance service to do?"),
        help_text=_(
            "Section 444(1): the pupil is not attending regularly. Section 444(1A): the parent "
            "knows this and fails to make them attend."
        ),
    )
    previous_notices = choice(
        PREVIOUS_NOTICES,
        _("Select how many penalty notices this parent has had for this pupil"),
        label=_("How many penalty notices has this parent had for this pupil in the last 3 years?"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("request") == "penalty_notice" and "previous_notices" in cleaned:
            amounts = settings.PORTAL_PENALTY_NOTICE
            outcome = penalty_outcome(int(cleaned["previous_notices"]), amounts)
            if not outcome.allowed:
                self.add_error("request", say(penalty_finding(outcome, amounts)))
        return cleaned


class OutcomeForm(StepForm):
    """No questions: what the school's request would lead to."""

    @cached_property
    def request_code(self):
        return self.values.get("request", {}).get("request")

    @cached_property
    def penalty(self):
        previous = int(self.values.get("request", {}).get("previous_notices") or 0)
        return penalty_outcome(previous, settings.PORTAL_PENALTY_NOTICE)

    @property
    def no_support(self):
        return needs_no_support_reason(self.values)


def needs_no_support_reason(values):
    return values.get("request", {}).get("request") in LEGAL_ACTION and not chosen_support(values)


class NoSupportForm(StepForm):
    reason = long_text(
        _("Why is legal action right without offering support first?"),
        _("Explain why legal action is right without offering support first"),
        rows=6,
        help_text=_(
            "For example, support was offered and refused, or the family could not be reached."
        ),
    )


# --- safeguarding, the pupil's voice, the register, the declaration ----------------------

SAFEGUARDING = [
    ("prevent", _("Has the pupil been referred to Prevent, or is there a concern about radicalisation?")),
    ("sexual_exploitation", _("Is there a concern about child sexual exploitation?")),
    ("criminal_exploitation", _("Is there a concern about child criminal exploitation or drug exploitation (for example, county lines)?")),
    ("missing", _("Has the pupil had missing episodes?")),
    ("social_care", _("Does the pupil have a social worker, or are they a child in need, on a child protection plan or looked after?")),
    ("sen", _("Does the pupil have an education, health and care plan (EHCP) or special educational needs (SEN) support?")),
]  # fmt: skip


class SafeguardingForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in SAFEGUARDING:
            self.fields[name] = YesNoField(
                label=label,
                required_message=gettext("Select yes or no: %(question)s") % {"question": label},
            )


def safeguarding_concerns(values):
    answers = values.get("safeguarding", {})
    return [label for name, label in SAFEGUARDING if answers.get(name)]


class DslForm(StepForm):
    """No questions: what the designated safeguarding lead must do now."""


class VoiceForm(StepForm):
    asked = YesNoField(
        label=_("Has someone at the school asked the pupil about their absence?"),
        required_message=_("Select yes if someone has asked the pupil about their absence"),
    )
    pupil_says = long_text(
        _("If yes, what does the pupil say? Use their own words where you can"),
        required=False,
        rows=6,
    )
    not_asked_reason = long_text(_("If no, why could they not be asked?"), required=False, rows=3)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("asked") is True and not cleaned.get("pupil_says"):
            self.add_error("pupil_says", _("Enter what the pupil says about their absence"))
        if cleaned.get("asked") is False and not cleaned.get("not_asked_reason"):
            self.add_error("not_asked_reason", _("Enter why the pupil could not be asked"))
        return cleaned


class RegisterForm(StepForm):
    printout = UploadField(
        kinds=("pdf", "xlsx", "csv", "jpg", "png", "doc", "docx", "odt"),
        label=_("Upload the pupil's register printout for the period"),
        help_text=_(
            "Every session must have a code: resolve any N codes first. A PDF, a spreadsheet "
            "(XLSX or CSV), a document (Word or ODT) or a photo (JPG or PNG), smaller than 7MB."
        ),
        error_messages={"required": _("Select the pupil's register printout")},
    )


class DeclarationForm(StepForm):
    """Made by the person signed in, as themselves, in the role their membership of the
    school gives them: the name and role are shown, not typed, so nobody can declare as
    the headteacher who is not."""

    name = text(_("Your full name"), required=False, disabled=True)
    role = forms.ChoiceField(
        label=_("Your role"), choices=Membership.Role.choices, required=False, disabled=True
    )
    confirm = forms.BooleanField(
        label=_(
            "I confirm the school has offered support first where it could, and that these "
            "answers and the register are correct"
        ),
        error_messages={"required": _("Confirm that the answers and the register are correct")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        school_id = (self.values.get("school") or {}).get("school")
        self.held = None
        if self.user is not None and school_id:
            self.held = access.role_at(self.user, int(school_id))
            self.fields["name"].initial = self.user.get_full_name() or self.user.email
            self.fields["role"].initial = self.held
        self.helper.layout = Layout("confirm")  # the name and role are shown above it

    @property
    def role_label(self):
        return dict(Membership.Role.choices).get(self.held, "")

    @cached_property
    def school_name(self):
        school_id = (self.values.get("school") or {}).get("school")
        school = School.objects.filter(pk=school_id).first() if school_id else None
        return school.name if school else ""

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            return cleaned
        if self.held is None:
            self.add_error(
                None, _("You no longer act for this school, so you cannot send this referral")
            )
            return cleaned
        claimed = self.data.get("role")
        if claimed and claimed != self.held:
            # A role sent that is not the one held (a changed page, or an old draft).
            self.add_error(
                None,
                gettext(
                    "You make the declaration as yourself, in your role at the school: "
                    "%(role)s. You cannot declare in another role"
                )
                % {"role": str(self.role_label).lower()},
            )
        return cleaned


@register
class AttendanceReferral(JourneyDefinition):
    journey = FACTS.key
    schema_version = 1
    for_school_users = True
    sends = "referral"
    steps = [
        Step("school", _("Your school"), SchoolForm),
        Step("pupil", _("About the pupil"), PupilForm),
        Step("pupil_address", _("The pupil's address"), AddressForm),
        RepeatingStep(
            "parents",
            _("Parents and carers"),
            ParentForm,
            item_name=_("parent or carer"),
            items_name=_("parents or carers"),
            max_items=6,
            item_summary=lambda p: f"{p['first_name']} {p['last_name']}",
            check_items=parents_with_responsibility,
        ),
        Step("agencies", _("Other agencies involved"), AgenciesForm),
        Step("absence", _("The absence"), AbsenceForm),
        RepeatingStep(
            "absence_dates",
            _("Dates of the unauthorised absence"),
            AbsenceDatesForm,
            show_if=has_unauthorised,
            item_name=_("run of days"),
            items_name=_("runs of days"),
            max_items=40,
            item_summary=run_summary,
            check_items=dates_add_up,
        ),
        Step(
            "absence_result",
            _("What the absence figures show"),
            AbsenceResultForm,
            template="forms_app/journeys/referral_result.html",
        ),
        Step("support", _("Support offered first"), SupportForm),
        Step(
            "support_dates",
            _("When the support was offered"),
            SupportDatesForm,
            show_if=chosen_support,
        ),
        Step("request", _("What the school is asking for"), RequestForm),
        Step(
            "outcome",
            _("What this request would lead to"),
            OutcomeForm,
            template="forms_app/journeys/referral_outcome.html",
        ),
        Step(
            "no_support",
            _("Legal action without support first"),
            NoSupportForm,
            show_if=needs_no_support_reason,
            template="forms_app/journeys/referral_no_support.html",
        ),
        Step("safeguarding", _("Safeguarding"), SafeguardingForm),
        Step(
            "dsl",
            _("Safeguarding: what the designated safeguarding lead must do now"),
            DslForm,
            show_if=safeguarding_concerns,
            template="forms_app/journeys/referral_dsl.html",
        ),
        Step("voice", _("The pupil's voice"), VoiceForm),
        Step("register", _("The register"), RegisterForm),
        Step(
            "declaration",
            _("Declaration"),
            DeclarationForm,
            template="forms_app/journeys/referral_declaration.html",
        ),
    ]

    def school(self, values):
        school_id = values.get("school", {}).get("school")
        return School.objects.filter(pk=school_id).first() if school_id else None

    def flags(self, values):
        flags = [Flag.SAFEGUARDING] if safeguarding_concerns(values) else []
        # The school's count of the parent's notices against the council's register.
        check = register_check(values)
        if check is not None and check.disagrees:
            flags.append(Flag.PENALTY_REGISTER)
        return flags

    def findings(self, values):
        found = pupil_findings(values) + AbsenceFigures(values).findings()
        request = values.get("request", {})
        if request.get("request") == "penalty_notice":
            amounts = settings.PORTAL_PENALTY_NOTICE
            outcome = penalty_outcome(int(request.get("previous_notices") or 0), amounts)
            found.append(say(penalty_finding(outcome, amounts)))
        if needs_no_support_reason(values):
            found.append(gettext("Legal action asked for with no support recorded first"))
        for concern in safeguarding_concerns(values):
            found.append(gettext("Safeguarding – yes: %(question)s") % {"question": concern})
        return found
