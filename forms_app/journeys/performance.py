"""Child performance licence: the producer (part 1) and a parent (part 2) apply for a licence
for a child to take part in a performance, with the school's agreement when the child
misses school. The Children (Performances and Activities) (England) Regulations 2014
(DOMAIN.md, Child performance licences and chaperones)."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from shared.fields import DateField, YesNoField, email_address, long_text, number, text
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, Step, StepForm, UploadField, register
from ..rules.performance import PRIVATE_TUTOR_HOURS_PER_DAY, licence_exemption, short_notice
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
        may_flag=(Flag.SHORT_NOTICE, Flag.BREACHES),
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
    name = text(_("Producer's full name"), _("Enter the producer's full name"))
    organisation = text(_("Company or organisation"), _("Enter the company or organisation"))
    email = email_address(required_message=_("Enter the producer's email address"))
    phone = text(_("Phone number"), _("Enter the producer's phone number"), max_length=30)


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


class TimesForm(StepForm):
    times = long_text(
        _("When will the child be needed?"),
        _("Enter the days and times the child will be needed"),
        help_text=_(
            "Give the days and times, including rehearsals. For example: 5 to 20 December, "
            "5:30pm to 9:30pm; Saturdays 1pm to 4pm."
        ),
    )
    night_work = YesNoField(
        label=_("Will the child work at night?"),
        help_text=_(
            "For example, a performance, rehearsal or filming that ends late in the evening or "
            "runs overnight."
        ),
        required_message=_("Select yes if the child will work at night"),
    )
    night_details = long_text(
        _("If yes, tell us when, and how the child will rest"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("night_work") and not cleaned.get("night_details"):
            self.add_error("night_details", _("Tell us when the child will work at night"))
        return cleaned


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
    chaperone = text(
        _("Name of the chaperone (optional)"),
        required=False,
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
    tutor_name = text(_("If yes, the tutor's full name"), required=False)
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
    head_name = text(_("Head teacher's full name"), _("Enter the head teacher's full name"))
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
    schema_version = 1
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
        Step("dates", _("Dates of the performances"), DatesForm),
        Step(
            "late",
            _("The first performance is less than 21 days away"),
            LateForm,
            show_if=lambda values: values.get("dates", {}).get("short_notice"),
            template="forms_app/journeys/performance_late.html",
        ),
        Step("places", _("Where the child will perform"), PlacesForm),
        Step("times", _("When the child will be needed"), TimesForm),
        Step("safeguarding", _("Keeping the child safe"), SafeguardingForm),
        Step("education", _("The child's education"), EducationForm, show_if=misses_school),
        # Part 2: the parent.
        Step("child", _("About the child"), ChildForm),
        Step("child_address", _("The child's address"), AddressForm),
        Step("parent", _("Your details (parent or carer)"), ApplicantParentForm),
        Step("health", _("Health and consent"), HealthForm),
        Step("documents", _("Photo and birth certificate"), DocumentsForm),
        # The school, when the child misses school.
        Step("school", _("The school's agreement"), SchoolForm, show_if=misses_school),
    ]

    def submitter(self, values):
        return values["parent"]["name"], values["parent"]["email"]

    def flags(self, values):
        found = []
        # Worked out when the dates were given, and kept with them (DatesForm.clean).
        if (values.get("dates") or {}).get("short_notice") is True:
            found.append(Flag.SHORT_NOTICE)
        if self.findings(values):
            found.append(Flag.BREACHES)
        return found
