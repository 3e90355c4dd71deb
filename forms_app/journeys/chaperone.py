"""Chaperone approval: an adult asks the council where they live to approve them to look
after children taking part in performances. The Children (Performances and Activities)
(England) Regulations 2014 (DOMAIN.md, Child performance licences and chaperones)."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from shared.fields import DateField, YesNoField, email_address, long_text, text
from shared.privacy_notice import NoticeEntry

from ..engine import JourneyDefinition, RepeatingStep, Step, StepForm, register
from ..rules.employment import age_on
from ..rules.performance import CHAPERONE_MINIMUM_AGE, chaperone_age_ok
from . import registry
from .common import AddressForm
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
                "enhanced criminal record (DBS) check and the names of your referees."
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
    first_name = text(_("First name"), _("Enter your first name"))
    last_name = text(_("Last name"), _("Enter your last name"))
    date_of_birth = DateField(
        label=_("Date of birth"),
        what=_("your date of birth"),
        past=True,
        help_text=_("For example, 27 3 1985"),
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if not chaperone_age_ok(age_on(born, date.today())):
            raise forms.ValidationError(
                _("You must be %(age)s or older to be a chaperone") % {"age": CHAPERONE_MINIMUM_AGE}
            )
        return born


class ContactForm(StepForm):
    email = email_address(required_message=_("Enter your email address"))
    phone = text(_("Phone number"), _("Enter your phone number"), max_length=30)


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

    def clean_certificate_number(self):
        number = "".join(self.cleaned_data["certificate_number"].split())
        if not (number.isdigit() and len(number) == 12):
            raise forms.ValidationError(
                _("The certificate number must be 12 digits, like 001234567890")
            )
        return number


class ReferenceForm(StepForm):
    name = text(_("Full name"), _("Enter the referee's full name"))
    relationship = text(
        _("How do they know you?"),
        _("Tell us how the referee knows you"),
        help_text=_("For example, my manager at work, or the leader of a club where I volunteer."),
    )
    email = email_address(label=_("Email address (optional)"), required=False)
    phone = text(_("Phone number (optional)"), required=False, max_length=30)
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
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
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
    schema_version = 1
    steps = [
        Step("applicant", _("About you"), ApplicantForm),
        Step("address", _("Your address"), AddressForm),
        Step("contact", _("How to contact you"), ContactForm),
        Step("dbs", _("Your enhanced DBS certificate"), DbsForm),
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

    def submitter(self, values):
        applicant = values["applicant"]
        return f"{applicant['first_name']} {applicant['last_name']}", values["contact"]["email"]

    def flags(self, values):
        # Convictions declared, on whichever step asks (a yes/no, stored as true or "yes").
        declared = any(
            isinstance(answers, dict) and answers.get("convictions") in (True, "yes")
            for answers in values.values()
        )
        return [Flag.SAFEGUARDING] if declared else []
