"""Pieces more than one journey asks for."""

from django.utils.translation import gettext_lazy as _

from shared.fields import YesNoField, choice, email_address, text
from shared.people import date_of_birth, person_name, phone_number, postcode

from ..engine import StepForm

RELATIONSHIPS = [
    ("mother", _("Mother")),
    ("father", _("Father")),
    ("step_parent", _("Step-parent")),
    ("carer", _("Carer or guardian")),
    ("other", _("Other")),
]


# A child is anyone under 18 (Children Act 1989 s105).
CHILD_MAX_AGE = 17


class ChildForm(StepForm):
    first_name = person_name(_("First name"), _("Enter the child's first name"))
    last_name = person_name(_("Last name"), _("Enter the child's last name"))
    date_of_birth = date_of_birth(
        _("the child's date of birth"),
        max_age=CHILD_MAX_AGE,
        too_old=_("A child must be %(age)s or younger: check the date of birth"),
        help_text=_("For example, 27 3 2014"),
    )


class AddressForm(StepForm):
    """An address of someone other than the person filling in the form (the child's, a
    business's): no autocomplete tokens, so a browser does not offer its owner's address."""

    line_1 = text(_("Address line 1"), _("Enter the first line of the address"))
    line_2 = text(_("Address line 2 (optional)"), required=False)
    town = text(_("Town or city"), _("Enter the town or city"))
    postcode = postcode()


class YourAddressForm(AddressForm):
    """The address of the person filling in the form, each line marked for the browser to
    fill in (WCAG 1.3.5)."""

    line_1 = text(
        _("Address line 1"), _("Enter the first line of the address"), autocomplete="address-line1"
    )
    line_2 = text(_("Address line 2 (optional)"), required=False, autocomplete="address-line2")
    town = text(_("Town or city"), _("Enter the town or city"), autocomplete="address-level2")
    postcode = postcode(autocomplete="postal-code")


class ApplicantParentForm(StepForm):
    """The parent or carer who applies for their child (a work permit, a performance
    licence)."""

    name = person_name(_("Your full name"), _("Enter your full name"), autocomplete="name")
    relationship = choice(
        RELATIONSHIPS,
        _("Select your relationship to the child"),
        label=_("Your relationship to the child"),
    )
    email = email_address(required_message=_("Enter your email address"), autocomplete="email")
    phone = phone_number(required_message=_("Enter your phone number"), autocomplete="tel")


class ParentDetailsForm(StepForm):
    """One parent or carer of a child: a home educator's family, a referred pupil's.
    Subclasses add `relationship`, worded for their journey ("the child", "the pupil").
    Asked about each of them in turn, so no autocomplete tokens: the person filling in the
    form is not each parent."""

    field_order = [
        "first_name", "last_name", "relationship", "parental_responsibility", "phone", "email",
    ]  # fmt: skip

    first_name = person_name(_("First name"), _("Enter their first name"))
    last_name = person_name(_("Last name"), _("Enter their last name"))
    parental_responsibility = YesNoField(
        label=_("Do they have parental responsibility?"),
        required_message=_("Select yes if they have parental responsibility"),
    )
    phone = phone_number(_("Phone number (optional)"), required=False)
    email = email_address(_("Email address (optional)"), required=False)


class HealthDeclarationForm(StepForm):
    """A parent's health declaration: `health` (yes or no) and, when yes, `health_details`.
    Subclasses word the questions for their journey."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("health") and not cleaned.get("health_details"):
            self.add_error(
                "health_details", _("Tell us about the child's health condition or disability")
            )
        return cleaned
