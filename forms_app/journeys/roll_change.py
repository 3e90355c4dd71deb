"""A school's roll-change notice: it tells the council it has deleted a pupil from its
admission register (with the ground, and where the pupil went if it knows), or added one
at a non-standard time. Only the staff of a school send it, for a school they act for.
School Attendance (Pupil Registration) (England) Regulations 2024, reg. 9(1) and reg. 13.

Sending a deletion with nowhere known to go asks the missing education hook
(shared/roll_changes.py); a deletion for home education starts the EHE service's record."""

from datetime import date

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.models import School
from portal.terms import council_terms
from shared import roll_changes as contract
from shared.fields import DateField, YesNoField, choice, long_text, text
from shared.people import date_of_birth, person_name
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, register, to_json
from ..rules import roll_changes as rules
from ..rules.attendance import upn_problem
from ..rules.attendance_messages import say as say_upn
from ..rules.findings import Finding
from ..rules.reference import new_reference
from ..rules.roll_changes_messages import GROUND_LABELS, ground_label, say
from . import registry
from .common import CHILD_MAX_AGE, AddressForm
from .facts import Flag, JourneyFacts, Status
from .referral import ParentForm
from .referral import SchoolForm as ReferralSchoolForm

FACTS = registry.register(
    JourneyFacts(
        key="roll_change",
        name=_("Roll-change notice"),
        order=55,
        service="pupil_tracking",
        prefix="RC",
        # The admission register's entries are kept 6 years (2024 Regulations, reg. 7).
        retention_days=365 * 6,
        notice=NoticeEntry(
            slug="roll-changes",
            name=_("Schools' notices of pupils joining or leaving their roll"),
            collected=_(
                "The pupil's name, date of birth, unique pupil number and address; the "
                "parents and carers the pupil lives with and how to reach them; why the pupil "
                "left the school's roll or when they joined it; where the pupil went, if the "
                "school knows; and any safeguarding concerns."
            ),
            why=_(
                "{public}The School Attendance (Pupil Registration) (England) Regulations 2024 "
                "(regulation 13) require schools to tell us, and the Education Act 1996 "
                "(section 436A) asks us to find children who are not in school and not "
                "otherwise educated. {health}"
            ),
            shared=_(
                "The school the pupil moves to, or the council of the area the family moved "
                "to; our elective home education team when the parent chose home education; "
                "and children's social care where a child may be at risk."
            ),
        ),
        # A notice, not an application: nothing to approve or refuse, nobody to email.
        statuses=(Status.RECEIVED, Status.ACKNOWLEDGED, Status.CLOSED),
        told=frozenset(),
        may_flag=(Flag.LATE_NOTICE, Flag.SAFEGUARDING, Flag.CONSENT),
    )
)


def _answer(values, step, name):
    return (values.get(step) or {}).get(name)


def kind_of(values):
    return _answer(values, "kind", "kind")


def ground_of(values):
    return _answer(values, "deletion", "ground") if kind_of(values) == rules.DELETION else None


def is_deletion(values):
    return kind_of(values) == rules.DELETION


def is_addition(values):
    return kind_of(values) == rules.ADDITION


def asks(requirement):
    """show_if for a ground's own questions."""
    return lambda values: rules.needs(ground_of(values), requirement)


def asks_destination(values):
    found = rules.ground(ground_of(values))
    return found is not None and not found.destination_known


def _born(form):
    return _answer(form.values, "pupil", "date_of_birth")


def _deleted_on(form):
    return _answer(form.values, "deletion", "deleted_on")


def _not_after(form, name, latest, message):
    day = form.cleaned_data.get(name)
    if day and latest and day > latest and name not in form.errors:
        form.add_error(name, message)


# --- the school, the kind of change and the pupil ------------------------------------------


class SchoolForm(ReferralSchoolForm):
    school = forms.ChoiceField(
        label=_("Which school is sending this notice?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the school sending this notice"),
            "invalid_choice": _("Select one of the schools you act for"),
        },
    )


class Kind(models.TextChoices):
    DELETION = rules.DELETION, _("A pupil's name was deleted from the admission register")
    ADDITION = rules.ADDITION, _("A pupil joined at a non-standard time")


class KindForm(StepForm):
    kind = choice(
        Kind.choices,
        _("Select whether a pupil left the roll or joined it"),
        label=_("What are you telling us about?"),
        help_text=_(
            "A non-standard time is any time other than the start of the school's youngest year."
        ),
    )


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
        _("Unique pupil number (UPN) (optional)"),
        required=False,
        max_length=20,
        help_text=_("13 characters, starting with a letter. It is on the pupil's record."),
    )

    def clean_upn(self):
        upn = "".join(self.cleaned_data["upn"].upper().split())
        problem = upn and upn_problem(upn)
        if problem:
            raise forms.ValidationError(say_upn(problem))
        return upn


def parents_to_reach(values):
    """Reg. 13(4)(d): at least one telephone number for a parent the pupil lives with."""
    if not any(parent.get("phone") for parent in values.get("parents", [])):
        return gettext("Give a phone number for at least one parent or carer")
    return None


# --- a deletion -----------------------------------------------------------------------------


class DeletionForm(StepForm):
    ground = choice(
        [(code, ground_label(code)) for code in GROUND_LABELS],
        _("Select the ground on which the pupil's name was deleted"),
        label=_("On which ground was the pupil's name deleted?"),
        help_text=_(
            "The grounds of regulation 9(1) of the School Attendance (Pupil Registration) "
            "(England) Regulations 2024."
        ),
    )
    deleted_on = DateField(
        label=_("Date of deletion"),
        what=_("the date of deletion"),
        help_text=_("The day the name is or was taken off the register, for example 6 11 2026"),
    )

    def clean_deleted_on(self):
        deleted_on = self.cleaned_data["deleted_on"]
        problem = rules.deletion_date_problem(deleted_on, _born(self), date.today())
        if problem:
            latest = date.fromordinal(date.today().toordinal() + rules.MOST_DAYS_AHEAD)
            raise forms.ValidationError(say(Finding(problem, {"latest": latest})))
        return deleted_on


class OtherSchoolForm(StepForm):
    school_name = text(_("Name of the other school"), _("Enter the name of the other school"))
    urn = forms.RegexField(
        label=_("Its unique reference number (URN) (optional)"),
        regex=r"^\d{6}$",
        required=False,
        help_text=_("6 digits, for example 190004"),
        error_messages={"invalid": _("A URN must be 6 digits, like 190004")},
    )
    starts_on = DateField(
        label=_("The date the pupil starts there"),
        what=_("the date the pupil starts at the other school"),
        help_text=_("For example, 9 11 2026"),
    )

    def clean(self):
        cleaned = super().clean()
        born = _born(self)
        starts = cleaned.get("starts_on")
        if born and starts and starts <= born:
            self.add_error("starts_on", _("The start date must be after the pupil's birth"))
        return cleaned


class HomeEducationForm(StepForm):
    notice_on = DateField(
        label=_("Date of the parent's written notice"),
        what=_("the date of the parent's written notice"),
        help_text=_("The date on the parent's letter or email, for example 2 11 2026"),
    )
    ehc_plan = YesNoField(
        label=_("Does the pupil have an education, health and care (EHC) plan?"),
        required_message=_("Select yes if the pupil has an EHC plan"),
    )
    special_school = YesNoField(
        label=_("Does the pupil attend a special school where the council arranged the place?"),
        required_message=_("Select yes if the council arranged a special school place"),
    )

    def clean(self):
        cleaned = super().clean()
        _not_after(
            self,
            "notice_on",
            date.today(),
            _("The date of the parent's written notice must be today or in the past"),
        )
        _not_after(
            self,
            "notice_on",
            _deleted_on(self),
            _("The parent's written notice must come before the deletion or on its day"),
        )
        return cleaned


def tell_council_at_once(values):
    """Home education for a pupil with an EHC plan, or at a special school the council
    arranged: the council must know at once (and its consent is needed for the second)."""
    answers = values.get("home_education") or {}
    return bool(answers.get("ehc_plan") or answers.get("special_school"))


class MovedForm(StepForm):
    new_address = long_text(
        _("The new address, or the town or area the family moved to, if known (optional)"),
        required=False,
        max_length=500,
        rows=3,
    )


class MedicalForm(StepForm):
    certificate_on = DateField(
        label=_("Date of the certificate from the school's medical officer"),
        what=_("the date of the medical officer's certificate"),
        help_text=_("For example, 14 10 2026"),
    )
    parent_told = forms.BooleanField(
        label=_("The pupil's parent has been told about the certificate"),
        error_messages={"required": _("Confirm that the parent has been told")},
    )

    def clean(self):
        cleaned = super().clean()
        _not_after(
            self,
            "certificate_on",
            _deleted_on(self),
            _("The certificate must be dated before the deletion or on its day"),
        )
        return cleaned


class AbsenceForm(StepForm):
    first_day = DateField(
        label=_("First day of the continuous absence"),
        what=_("the first day of the absence"),
        help_text=_("For example, 7 9 2026"),
    )
    only_codes = forms.BooleanField(
        label=_("Every session in that time was recorded as G, N or O (unauthorised absence)"),
        error_messages={
            "required": _("Confirm that the only codes in that time were G, N or O"),
        },
    )
    enquiries = long_text(
        _("What enquiries did the school make to find the pupil?"),
        _("Enter the enquiries the school made"),
        rows=5,
        help_text=_("For example, calls, letters, home visits, and who else was asked."),
    )
    council_agreed_on = DateField(
        label=_("Date the council's pupil tracking officer agreed to the removal"),
        what=_("the date the pupil tracking officer agreed"),
        help_text=_("The school and the council must both have made enquiries first."),
    )

    def clean(self):
        cleaned = super().clean()
        first, agreed = cleaned.get("first_day"), cleaned.get("council_agreed_on")
        deleted_on = _deleted_on(self)
        if first and deleted_on and "first_day" not in self.errors:
            days = rules.school_days_absent(first, deleted_on, council_terms())
            if days < rules.ABSENCE_SCHOOL_DAYS:
                self.add_error("first_day", say(Finding("absence_too_short", {"days": days})))
        if agreed and first and agreed < first:
            self.add_error(
                "council_agreed_on", _("The agreement must come after the absence began")
            )
        _not_after(
            self,
            "council_agreed_on",
            deleted_on,
            _("The council must agree before the deletion or on its day"),
        )
        return cleaned


class ExclusionForm(StepForm):
    decided_on = DateField(
        label=_("Date the permanent exclusion was decided"),
        what=_("the date the exclusion was decided"),
        help_text=_("For example, 1 10 2026"),
    )
    review_over = forms.BooleanField(
        label=_("The time to ask for a review has passed, or a review has upheld the exclusion"),
        error_messages={"required": _("Confirm that the review period is over")},
    )

    def clean(self):
        cleaned = super().clean()
        _not_after(
            self,
            "decided_on",
            _deleted_on(self),
            _("The exclusion must be decided before the deletion or on its day"),
        )
        return cleaned


DESTINATIONS = [
    ("school", _("Another school")),
    ("council", _("Another council's area (the school there is not known)")),
    ("not_known", _("Not known")),
]
MOVED = [("yes", _("Yes")), ("no", _("No")), ("not_known", _("Not known"))]


class DestinationForm(StepForm):
    destination = choice(
        DESTINATIONS,
        _("Select where the pupil has gone, or not known"),
        label=_("Where has the pupil gone?"),
    )
    destination_name = text(
        _("The school's or council's name, if you know it"), required=False, max_length=200
    )
    family_moved = choice(
        MOVED,
        _("Select whether the family has moved"),
        label=_("Has the family moved house?"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("destination") == "school" and not cleaned.get("destination_name"):
            self.add_error("destination_name", _("Enter the name of the school"))
        return cleaned


class SafeguardingForm(StepForm):
    concerns = YesNoField(
        label=_("Are there any safeguarding concerns about the pupil?"),
        required_message=_("Select yes if there are safeguarding concerns"),
    )
    details = long_text(_("If yes, what are they?"), required=False, rows=5)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("concerns") and not cleaned.get("details"):
            self.add_error("details", _("Enter the safeguarding concerns"))
        if cleaned.get("concerns") is False:
            cleaned["details"] = ""
        return cleaned


# --- an addition ----------------------------------------------------------------------------


class AdditionForm(StepForm):
    added_on = DateField(
        label=_("Date the pupil was added to the admission register"),
        what=_("the date the pupil was added"),
        past=None,
        help_text=_("For example, 4 11 2026"),
    )
    previous_school = text(_("Previous school, if known (optional)"), required=False)
    non_standard = YesNoField(
        label=_("Did the pupil join at a time other than the start of the school's youngest year?"),
        required_message=_("Select yes if the pupil joined at a non-standard time"),
    )

    def clean_added_on(self):
        added_on = self.cleaned_data["added_on"]
        born = _born(self)
        if added_on > date.today():
            raise forms.ValidationError(_("The date added must be today or in the past"))
        if born and added_on <= born:
            raise forms.ValidationError(_("The date added must be after the pupil's birth"))
        return added_on


# --- the deadline ---------------------------------------------------------------------------


def event_day(values):
    """The day the roll changed: the deletion, or the pupil's addition."""
    if is_deletion(values):
        return _answer(values, "deletion", "deleted_on")
    if is_addition(values):
        return _answer(values, "addition", "added_on")
    return None


def as_date(value):
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def deadline(values, terms=None):
    day = as_date(event_day(values))
    return rules.deadline_for(day, terms or council_terms()) if day else None


def late(values, sent_on, terms=None):
    day = as_date(event_day(values))
    return bool(day) and rules.is_late(sent_on, day, terms or council_terms())


# --- what sending it starts -----------------------------------------------------------------


def _address(values):
    address = values.get("pupil_address") or {}
    parts = (address.get(part) for part in ("line_1", "line_2", "town", "postcode"))
    return ", ".join(part for part in parts if part)


def _parents(values):
    said = []
    for parent in values.get("parents", []):
        reach = ", ".join(part for part in (parent.get("phone"), parent.get("email")) if part)
        name = f"{parent.get('first_name', '')} {parent.get('last_name', '')}".strip()
        said.append(f"{name} ({reach})" if reach else name)
    return "; ".join(said)


def pupil_left(submission, values):
    """The hook's dataclass for a deletion with nowhere known to go."""
    pupil = values["pupil"]
    with override(settings.LANGUAGE_CODE):  # the officer's record is in English
        label = str(ground_label(ground_of(values)))
    return contract.PupilLeft(
        reference=submission.reference,
        school_id=submission.school_id,
        first_name=pupil["first_name"],
        last_name=pupil["last_name"],
        date_of_birth=pupil.get("date_of_birth"),
        upn=pupil.get("upn") or "",
        left_on=values["deletion"]["deleted_on"],
        ground=ground_of(values),
        ground_label=label,
        last_address=_address(values),
        parents=_parents(values),
        family_moved=_answer(values, "destination", "family_moved") or "not_known",
        safeguarding=_answer(values, "safeguarding", "details") or "",
        submitted_by_id=submission.submitted_by_id,
    )


def no_known_destination(values):
    return is_deletion(values) and _answer(values, "destination", "destination") == "not_known"


EHE_PARENT_FIELDS = (
    "first_name", "last_name", "relationship", "parental_responsibility", "phone", "email",
)  # fmt: skip


def start_home_education_record(submission, values):
    """The EHE service's record of the child, filled in from the school's notice: the
    child, their address, the parents, and the school they left. The EHE officer contacts
    the family for the rest."""
    from ..models import Submission, SubmissionEvent  # models import the journeys' registry

    home = values.get("home_education") or {}
    parents = [
        {name: parent.get(name) for name in EHE_PARENT_FIELDS}
        for parent in values.get("parents", [])
    ]
    answers = {
        "child": {
            name: values["pupil"][name] for name in ("first_name", "last_name", "date_of_birth")
        },
        "address": dict(values.get("pupil_address") or {}),
        "parents": parents,
        "school": {
            "school_status": "left",
            "school_name": submission.school.name if submission.school else "",
            "off_roll_date": values["deletion"]["deleted_on"],
        },
        "consent": {
            "special_school": bool(home.get("special_school")),
            "attendance_order": False,
        },
        "needs": {"ehcp": "yes" if home.get("ehc_plan") else "no"},
    }
    contact = next((parent for parent in parents if parent.get("email")), None)
    first = parents[0] if parents else {}
    flags = [Flag.FROM_SCHOOL] + ([Flag.CONSENT] if home.get("special_school") else [])
    with override(settings.LANGUAGE_CODE):
        findings = [
            gettext(
                "Started from %(school)s's roll-change notice %(reference)s: the family have "
                "not written to us themselves yet."
            )
            % {"school": submission.school.name, "reference": submission.reference}
        ]
        if home.get("ehc_plan"):
            findings.append(gettext("The child has an EHC plan: tell the SEN team at once."))
    record = Submission.objects.create(
        journey="ehe_registration",
        reference=new_reference(registry.prefix_of("ehe_registration")),
        answers=to_json(answers),
        schema_version=1,
        submitter_name=(
            f"{(contact or first).get('first_name', '')} {(contact or first).get('last_name', '')}"
        ).strip()
        or submission.school.name,
        submitter_email=(contact or {}).get("email") or "",
        school=submission.school,
        flagged=True,
        flags=[str(flag) for flag in flags],
        findings=findings,
    )
    SubmissionEvent.objects.create(
        submission=record,
        kind=SubmissionEvent.Kind.SUBMITTED,
        to_status=record.status,
        note=f"From roll-change notice {submission.reference}",
    )
    return record


@register
class RollChange(JourneyDefinition):
    journey = FACTS.key
    schema_version = 1
    for_school_users = True
    sends = "notice"
    steps = [
        Step("school", _("Your school"), SchoolForm),
        Step("kind", _("The change to your roll"), KindForm),
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
            check_items=parents_to_reach,
        ),
        Step("deletion", _("The deletion"), DeletionForm, show_if=is_deletion),
        Step(
            "other_school",
            _("The other school"),
            OtherSchoolForm,
            show_if=asks(rules.OTHER_SCHOOL),
        ),
        Step(
            "home_education",
            _("Home education"),
            HomeEducationForm,
            show_if=asks(rules.HOME_EDUCATION),
        ),
        Step("moved", _("Where the family moved"), MovedForm, show_if=asks(rules.MOVED)),
        Step(
            "medical",
            _("The medical officer's certificate"),
            MedicalForm,
            show_if=asks(rules.MEDICAL),
        ),
        Step("absence", _("The absence"), AbsenceForm, show_if=asks(rules.ABSENCE)),
        Step(
            "exclusion",
            _("The permanent exclusion"),
            ExclusionForm,
            show_if=asks(rules.EXCLUSION),
        ),
        Step(
            "destination", _("Where the pupil has gone"), DestinationForm, show_if=asks_destination
        ),
        Step("safeguarding", _("Safeguarding"), SafeguardingForm, show_if=is_deletion),
        Step("addition", _("The addition"), AdditionForm, show_if=is_addition),
    ]

    def school(self, values):
        school_id = _answer(values, "school", "school")
        return School.objects.filter(pk=school_id).first() if school_id else None

    def flags(self, values):
        return self.flags_on(values, date.today())

    def flags_on(self, values, sent_on):
        """The flags of a notice sent on `sent_on` (the demo's were sent days ago)."""
        found = []
        if late(values, sent_on):
            found.append(Flag.LATE_NOTICE)
        if _answer(values, "safeguarding", "concerns"):
            found.append(Flag.SAFEGUARDING)
        if _answer(values, "home_education", "special_school"):
            found.append(Flag.CONSENT)
        return found

    def notes(self, values, today):
        said = []
        due = deadline(values)
        if due and late(values, today):
            said.append(say(Finding("late", {"deadline": due})))
        if tell_council_at_once(values):
            said.append(
                gettext(
                    "The pupil has an EHC plan or a special school place the council arranged: "
                    "the council must be told at once"
                )
            )
        return said

    def check_notes(self, values, today):
        return self.notes(values, today)

    def findings(self, values):
        return self.findings_on(values, date.today())

    def findings_on(self, values, sent_on):
        found = []
        if is_deletion(values):
            found.append(
                gettext("Ground: %(ground)s") % {"ground": ground_label(ground_of(values))}
            )
            if no_known_destination(values):
                found.append(gettext("Where the pupil has gone is not known"))
        if is_addition(values) and _answer(values, "addition", "non_standard") is False:
            found.append(gettext("Added at the start of the youngest year: no notice was needed"))
        return found + self.notes(values, sent_on)

    def submitted(self, submission, values):
        if no_known_destination(values):
            pupil = pupil_left(submission, values)
            for answer in hooks.get_hooks(contract.HOOK_NAME):
                answer(pupil)
        if ground_of(values) == rules.HOME_EDUCATION_GROUND:
            start_home_education_record(submission, values)
