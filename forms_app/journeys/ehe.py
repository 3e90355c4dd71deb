"""Elective home education: a parent tells the council they are educating their child at
home. Facts: DOMAIN.md, Elective home education (DfE guidance, 2019; CWSA 2026)."""

from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shared.fields import DateField, YesNoField, choice, email_address, text
from shared.people import person_name, phone_number
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, register
from ..rules.erasure import home_education_rule
from ..rules.home_education import consent_reasons, off_roll_problem, school_age_problem
from ..rules.home_education_messages import say
from . import registry
from .common import RELATIONSHIPS, AddressForm, ChildForm, ParentDetailsForm
from .facts import HOME_EDUCATION_STATUSES, HOME_EDUCATION_TOLD, Flag, JourneyFacts

FACTS = registry.register(
    JourneyFacts(
        key="ehe_registration",
        name=_("Elective home education registration"),
        order=10,
        service="ehe",
        prefix="EHE",
        retention_days=365 * 7,
        notice=NoticeEntry(
            slug="ehe",
            name=_("Elective home education registrations"),
            collected=_(
                "The child's name, date of birth and address; each parent's name and contact "
                "details; the school the child left and when; how you would like us to contact "
                "you; and, only if you choose to tell us, your reasons and any special "
                "educational needs."
            ),
            why=_(
                "{public}The Education Act 1996 (section 436A) asks us to know which children "
                "are not in school and to check they are getting a suitable education; section "
                "437 applies when they are not. {health}"
            ),
            shared=_(
                "The school the child left. Other council teams, such as special educational "
                "needs and children's social care, when they need it to support or protect the "
                "child."
            ),
        ),
        # The council keeps its register of children educated at home.
        erasure=home_education_rule,
        # A notice, not an application: nothing to approve or refuse.
        statuses=HOME_EDUCATION_STATUSES,
        told=HOME_EDUCATION_TOLD,
        may_flag=(Flag.CONSENT, Flag.FROM_SCHOOL),
    )
)


class EheChildForm(ChildForm):
    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        problem = school_age_problem(born, date.today())
        if problem:
            raise forms.ValidationError(say(problem))
        return born


class ParentForm(ParentDetailsForm):
    relationship = choice(
        RELATIONSHIPS,
        _("Select their relationship to the child"),
        label=_("Relationship to the child"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The contact step offers the first parent's details (ContactForm.earlier_answers):
        # asked first, the person filling in the form is the one offered.
        if not self.values.get("parents"):
            self.fields["first_name"].help_text = _(
                "If you are one of the child's parents or carers, start with yourself."
            )


ROLL = [
    ("on_roll", _("Yes, the child is on a school's roll now")),
    ("left", _("The child has been at school, but is not on a roll now")),
    ("never", _("No, the child has never been to school")),
]


class SchoolForm(StepForm):
    school_status = choice(
        ROLL,
        _("Select whether the child is on a school's roll"),
        label=_("Is the child on a school's roll?"),
    )
    school_name = text(
        _("Name of the current or last school (optional if never at school)"), required=False
    )
    off_roll_date = DateField(
        label=_("Date the child was taken off the school's roll (optional)"),
        what=_("the date taken off roll"),
        required=False,
        help_text=_(
            "Only if the child has left a school. Leave it empty if the child is still on "
            "the roll. For example, 20 10 2026"
        ),
    )

    def clean_off_roll_date(self):
        off_roll = self.cleaned_data["off_roll_date"]
        born = self.values.get("child", {}).get("date_of_birth")
        problem = off_roll and off_roll_problem(off_roll, born, date.today())
        if problem:
            raise forms.ValidationError(say(problem))
        return off_roll

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("school_status")
        if status in ("on_roll", "left") and not cleaned.get("school_name"):
            self.add_error("school_name", _("Enter the name of the school"))
        if status in ("on_roll", "never") and cleaned.get("off_roll_date"):
            self.add_error(
                "off_roll_date",
                _("Give a date only if the child has been taken off a school's roll"),
            )
        return cleaned


class ConsentForm(StepForm):
    special_school = YesNoField(
        label=_("Does the child attend a special school where the council arranged their place?"),
        required_message=_("Select yes if the council arranged a special school place"),
    )
    attendance_order = YesNoField(
        label=_("Is the child under a school attendance order?"),
        required_message=_("Select yes if there is a school attendance order"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER:
            self.fields["child_protection"] = YesNoField(
                label=_("Is there a child protection enquiry or plan for the child?"),
                required_message=_("Select yes if there is a child protection enquiry or plan"),
            )


def why_consent_is_needed(values):
    """The consent reasons (Findings) the answers give; [] when no consent is needed."""
    answers = values.get("consent") or {}
    return consent_reasons(
        answers.get("special_school"),
        answers.get("attendance_order"),
        answers.get("child_protection"),
        settings.PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER,
    )


def needs_consent(values):
    return bool(why_consent_is_needed(values))


class ConsentRequestForm(StepForm):
    reasons = forms.CharField(
        label=_("Why do you want to educate your child at home?"),
        help_text=_(
            "The council must agree before the school takes the child off its roll, so "
            "we need to understand your plans."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": _("Tell us why you want to educate your child at home")},
    )


NEEDS = [("yes", _("Yes")), ("no", _("No")), ("not_sure", _("I'm not sure"))]


class NeedsForm(StepForm):
    ehcp = choice(
        NEEDS,
        _("Select whether the child has an EHCP"),
        label=_("Does the child have an education, health and care plan (EHCP)?"),
    )
    sen_support = choice(
        NEEDS,
        _("Select whether the child has special educational needs support"),
        label=_("Does the child get special educational needs (SEN) support?"),
    )


REASONS = [
    ("philosophical", _("Philosophical or lifestyle reasons")),
    ("health", _("The child's health or wellbeing")),
    ("school_dissatisfaction", _("Unhappy with the school")),
    ("bullying", _("Bullying")),
    ("send", _("Special educational needs not met")),
    ("short_term", _("A short-term arrangement")),
    ("other", _("Something else")),
]


class ReasonsForm(StepForm):
    reasons = forms.MultipleChoiceField(
        label=_("Reasons (optional)"),
        choices=REASONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You do not have to tell us. It helps us offer the right support."),
    )
    more = forms.CharField(
        label=_("Anything else you would like to tell us (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class RegisterForm(StepForm):
    """Children Not in School register (CWSA 2026): asked only when the setting is on."""

    educator = text(_("Who will mainly educate the child?"), _("Enter who will educate the child"))
    hours_per_week = forms.IntegerField(
        label=_("About how many hours a week of education?"),
        min_value=0,
        max_value=80,
        error_messages={
            "required": _("Enter the hours of education a week"),
            "invalid": _("Hours must be a number, like 20"),
            "min_value": _("Hours must be 0 or more"),
            "max_value": _("Hours must be 80 or fewer"),
        },
    )
    other_providers = forms.CharField(
        label=_("Other people or organisations who teach the child (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


CONTACT_BY = [("email", _("Email")), ("phone", _("Phone")), ("letter", _("Letter"))]


class ContactForm(StepForm):
    name = person_name(_("Your full name"), _("Enter your full name"), autocomplete="name")
    email = email_address(required_message=_("Enter your email address"), autocomplete="email")
    phone = phone_number(
        _("Phone number (optional)"),
        required=False,
        help_text=_("We need it if you would like us to contact you by phone."),
        autocomplete="tel",
    )
    contact_by = choice(
        CONTACT_BY,
        _("Select how you would like us to contact you"),
        label=_("How would you like us to contact you?"),
        help_text=_("If you choose letter, we will write to you at the child's address."),
    )

    def earlier_answers(self):
        """The first parent or carer given, who is most often the person filling in the
        form: their name, email and phone are filled in here, and the name's hint says
        where from, so someone else can change them."""
        parents = self.values.get("parents") or []
        if not parents:
            return {}
        parent = parents[0]
        self.fields["name"].help_text = _(
            "We have filled in the details of the first parent or carer you told us about. "
            "Change them if they are not yours."
        )
        offered = {"name": f"{parent['first_name']} {parent['last_name']}"}
        offered.update({key: parent[key] for key in ("email", "phone") if parent.get(key)})
        return offered

    def clean(self):
        cleaned = super().clean()
        contact_by = cleaned.get("contact_by")
        if contact_by == "phone" and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Enter a phone number, so that we can phone you"))
        # The address step comes before this one, so it is answered by now; if it is not
        # (a change that made it wrong), say where the letter would go.
        if contact_by == "letter" and not self.values.get("address"):
            self.add_error(
                "contact_by", _("Enter the child's address first: we will write to you there")
            )
        return cleaned


@register
class EheRegistration(JourneyDefinition):
    journey = FACTS.key
    schema_version = 1
    steps = [
        Step("child", _("About the child"), EheChildForm),
        Step("address", _("The child's address"), AddressForm),
        RepeatingStep(
            "parents",
            _("Parents and carers"),
            ParentForm,
            item_name=_("parent or carer"),
            items_name=_("parents or carers"),
            max_items=4,
            item_summary=lambda p: f"{p['first_name']} {p['last_name']}",
        ),
        Step("school", _("The child's school"), SchoolForm),
        Step(
            "consent",
            _("Placements and orders"),
            ConsentForm,
            show_if=lambda v: v.get("school", {}).get("school_status") == "on_roll",
        ),
        Step(
            "consent_request",
            _("The council's consent is needed"),
            ConsentRequestForm,
            show_if=needs_consent,
            template="forms_app/journeys/ehe_consent.html",
        ),
        Step("needs", _("Special educational needs"), NeedsForm),
        Step(
            "reasons",
            _("Reasons for home education"),
            ReasonsForm,
            show_if=lambda v: not needs_consent(v),
        ),
        Step(
            "register",
            _("Education at home"),
            RegisterForm,
            show_if=lambda v: settings.PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER,
        ),
        Step("contact", _("How to contact you"), ContactForm),
    ]

    def submitter(self, values):
        return values["contact"]["name"], values["contact"]["email"]

    def findings(self, values):
        return [say(reason) for reason in why_consent_is_needed(values)]

    def flags(self, values):
        return [Flag.CONSENT] if needs_consent(values) else []
