"""Pieces more than one journey asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from shared.fields import YesNoField, text

from ..engine import StepForm

RELATIONSHIPS = [
    ("mother", _("Mother")),
    ("father", _("Father")),
    ("step_parent", _("Step-parent")),
    ("carer", _("Carer or guardian")),
    ("other", _("Other")),
]


class ParentDetailsForm(StepForm):
    """One parent or carer of a child: a home educator's family, a referred pupil's.
    Subclasses add `relationship`, worded for their journey ("the child", "the pupil")."""

    field_order = [
        "first_name", "last_name", "relationship", "parental_responsibility", "phone", "email",
    ]  # fmt: skip

    first_name = text(_("First name"), _("Enter their first name"))
    last_name = text(_("Last name"), _("Enter their last name"))
    parental_responsibility = YesNoField(
        label=_("Do they have parental responsibility?"),
        required_message=_("Select yes if they have parental responsibility"),
    )
    phone = text(_("Phone number (optional)"), required=False, max_length=30)
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )


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
