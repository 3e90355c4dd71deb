"""Chaperone approval: an adult asks the council where they live to approve them to look
after children taking part in performances. The Children (Performances and Activities)
(England) Regulations 2014 (DOMAIN.md, Child performance licences and chaperones)."""

from datetime import date

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shared.fields import DateField, YesNoField, email_address, long_text, text
from shared.people import date_of_birth, person_name, phone_number
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, register
from ..rules.performance import chaperone_findings, dbs_certificate_problem
from ..rules.performance_messages import say
from . import registry
from .common import YourAddressForm
from .facts import Flag, JourneyFacts

FACTS = registry.register(
    JourneyFacts(
        key="chaperone_approval",
        name=_("Chaperone approval"),
        order=40,
        service="licensing",
        prefix="CHA",
        retention_days=365 * 3,
        notice=NoticeEntry(
            slug="chaperone",
            name=_("Chaperone approvals"),
            collected=_(
                "Your name, date of birth, address and contact details, a photograph, your "
                "enhanced criminal record (DBS) check, any convictions or cautions you tell us "
                "about, and the names of your referees."
            ),
            why=_(
                "{public}The Children (Performances and Activities) (England) Regulations 2014 "
                "say that a chaperone looking after licensed children must be approved by the "
                "council where they live."
            ),
            shared=_(
                "Your referees, and producers or other councils who ask us whether you are approved."
            ),
        ),
        may_flag=(Flag.SAFEGUARDING,),
    )
)


class ApplicantForm(StepForm):
    first_name = person_name(_("First name"), _("Enter your first name"), autocomplete="given-name")
    last_name = person_name(_("Last name"), _("Enter your last name"), autocomplete="family-name")
    date_of_birth = date_of_birth(
        _("your date of birth"),
        autocomplete="bday",
        # The council's own minimum (local practice: 18, or 21 in some councils).
        min_age=lambda: settings.PORTAL_CHAPERONE_MINIMUM_AGE,
        too_young=_("You must be %(age)s or older to be a chaperone"),
        help_text=_("For example, 27 3 1985"),
    )


class ContactForm(StepForm):
    email = email_address(required_message=_("Enter your email address"), autocomplete="email")
    phone = phone_number(required_message=_("Enter your phone number"), autocomplete="tel")


class DbsForm(StepForm):
    certificate_number = text(
        _("Certificate number"),
        _("Enter the certificate number"),
        max_length=20,
        help_text=_("The 12-digit number at the top right of the certificate."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-20", "spellcheck": "false"}
        ),
    )
    issue_date = DateField(
        label=_("Date of issue"),
        what=_("the date the certificate was issued"),
        past=True,
        help_text=_("For example, 14 2 2025"),
    )
    update_service = YesNoField(
        label=_("Is the certificate on the DBS update service?"),
        help_text=_(
            "The update service lets us check online that a certificate is still up to date. "
            "You join it with your certificate number."
        ),
        required_message=_("Select yes if the certificate is on the DBS update service"),
    )

    def clean(self):
        cleaned = super().clean()
        issued, on_update_service = cleaned.get("issue_date"), cleaned.get("update_service")
        if issued and on_update_service is not None:
            problem = dbs_certificate_problem(
                issued,
                date.today(),
                on_update_service,
                settings.PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS,
            )
            if problem:
                self.add_error("issue_date", say(problem))
        return cleaned

    def clean_certificate_number(self):
        number = "".join(self.cleaned_data["certificate_number"].split())
        if not (number.isdigit() and len(number) == 12):
            raise forms.ValidationError(
                _("The certificate number must be 12 digits, like 001234567890")
            )
        return number


class ConvictionsForm(StepForm):
    """A declaration: a yes is not a refusal, it is for the officer to weigh (flagged)."""

    convictions = YesNoField(
        label=_(
            "Do you have any unspent convictions or cautions, or spent ones that would not be "
            "filtered from a DBS certificate?"
        ),
        help_text=_(
            "Include any from outside the UK. Telling us does not mean we will refuse you: an "
            "officer will look at what you tell us and may talk to you about it."
        ),
        required_message=_("Select yes if you have convictions or cautions to tell us about"),
    )
    details = long_text(
        _("If yes, tell us what they were for, and when"),
        required=False,
        rows=5,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("convictions") and not cleaned.get("details"):
            self.add_error("details", _("Tell us about your convictions or cautions"))
        return cleaned


class ReferenceForm(StepForm):
    name = person_name(_("Full name"), _("Enter the referee's full name"))
    relationship = text(
        _("How do they know you?"),
        _("Tell us how the referee knows you"),
        help_text=_("For example, my manager at work, or the leader of a club where I volunteer."),
    )
    email = email_address(label=_("Email address (optional)"), required=False)
    phone = phone_number(_("Phone number (optional)"), required=False)
    related = YesNoField(
        label=_("Are they related to you?"),
        required_message=_("Select yes if the referee is related to you"),
    )

    def clean_related(self):
        if self.cleaned_data["related"]:
            raise forms.ValidationError(
                _(
                    "A referee must not be related to you. Choose someone who knows you in another way"
                )
            )
        return False

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("email") or cleaned.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", _("Enter an email address or a phone number for the referee"))
        return cleaned


class ExperienceForm(StepForm):
    experience = long_text(
        _("Your experience of looking after children"),
        _("Tell us about your experience of looking after children"),
        help_text=_("For example, as a parent, a youth leader, a teacher or a volunteer."),
        rows=6,
    )
    training = long_text(
        _("Training you have done (optional)"),
        required=False,
        help_text=_("For example, safeguarding or first aid courses, and the year you did them."),
    )


@register
class ChaperoneApproval(JourneyDefinition):
    journey = FACTS.key
    schema_version = 2  # 2: the DBS update service, and the declaration of convictions
    steps = [
        Step("applicant", _("About you"), ApplicantForm),
        Step("address", _("Your address"), YourAddressForm),
        Step("contact", _("How to contact you"), ContactForm),
        Step("dbs", _("Your enhanced DBS certificate"), DbsForm),
        Step("convictions", _("Convictions and cautions"), ConvictionsForm),
        RepeatingStep(
            "references",
            _("Referees"),
            ReferenceForm,
            item_name=_("referee"),
            items_name=_("referees"),
            min_items=2,
            max_items=2,
            item_summary=lambda referee: referee["name"],
        ),
        Step("experience", _("Experience and training"), ExperienceForm),
    ]

    def findings(self, values):
        return [
            say(finding)
            for finding in chaperone_findings(
                values.get("convictions", {}).get("convictions"),
                values.get("dbs", {}).get("update_service"),
            )
        ]

    def submitter(self, values):
        applicant = values["applicant"]
        return f"{applicant['first_name']} {applicant['last_name']}", values["contact"]["email"]

    def flags(self, values):
        declared = values.get("convictions", {}).get("convictions")
        return [Flag.SAFEGUARDING] if declared else []
