"""The school's form for one pupil on a reduced timetable (GOV.UK fields)."""

from decimal import Decimal

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Size
from django import forms
from django.utils.translation import gettext_lazy as _

from shared.fields import DateField, YesNoField, choice, text

from . import rules
from .messages import IDENTIFIER_MESSAGES, PROBLEM_MESSAGES
from .models import ReturnPupil

# A full school week is about 32.5 hours; a reduced timetable offers fewer.
MAX_HOURS = Decimal("32.5")


class PupilForm(forms.Form):
    pupil = text(
        _("UPN or initials"),
        required_message=_("Enter the pupil's UPN or initials"),
        # Longer than either, so a name typed here is told what to give instead.
        max_length=60,
        help_text=_(
            "The 13-character unique pupil number, or the pupil's initials. Do not give "
            "the pupil's name."
        ),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    year_group = forms.ChoiceField(
        label=_("Year group"),
        choices=[("", _("Choose a year group"))] + ReturnPupil.YEAR_GROUPS,
        error_messages={"required": _("Choose the pupil's year group")},
    )
    starts_on = DateField(
        what=_("the start date"),
        label=_("Start date"),
        help_text=_("The first day of the reduced timetable, for example 7 9 2026"),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours offered per week"),
        help_text=_("For example, 12 or 12.5"),
        min_value=Decimal("0.5"),
        max_value=MAX_HOURS - Decimal("0.5"),
        max_digits=4,
        decimal_places=1,
        error_messages={
            "required": _("Enter the hours offered per week"),
            "invalid": _("Hours offered per week must be a number, like 12 or 12.5"),
            "min_value": _("Hours offered per week must be 0.5 or more"),
            "max_value": _(
                "Hours offered per week must be fewer than a full week (32.5 hours): a pupil "
                "on a full timetable is not on a reduced timetable"
            ),
            "max_decimal_places": _("Hours offered per week must be in half hours, like 12.5"),
            "max_digits": _("Hours offered per week must be a number, like 12 or 12.5"),
        },
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4", "spellcheck": "false"}
        ),
    )
    reason = choice(
        ReturnPupil.Reason.choices,
        _("Choose the main reason for the reduced timetable"),
        label=_("Main reason"),
    )
    parental_agreement = YesNoField(
        label=_("Has the parent or carer agreed to the reduced timetable?"),
        required_message=_("Say whether the parent or carer has agreed"),
    )
    review_on = DateField(
        what=_("the review date"),
        label=_("Review date"),
        help_text=_(
            "When the timetable is next reviewed with the pupil and parents: within 8 weeks "
            "of the start"
        ),
    )
    ends_on = DateField(
        what=_("the planned end date"),
        label=_("Planned end date"),
        help_text=_("When the pupil is expected to be back on a full timetable"),
    )
    sen = choice(
        ReturnPupil.SEN.choices,
        _("Say whether the pupil has SEN support or an EHCP"),
        label=_("Does the pupil have special educational needs (SEN)?"),
    )
    social_care = choice(
        ReturnPupil.SocialCare.choices,
        _("Say whether the pupil has a social worker or is looked after"),
        label=_("Does the pupil have a social worker, or are they looked after?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = Size.SMALL

    @classmethod
    def initial_for(cls, pupil):
        initial = {name: getattr(pupil, name) for name in cls.base_fields}
        initial["parental_agreement"] = "yes" if pupil.parental_agreement else "no"
        return initial

    def clean_pupil(self):
        identifier, problem = rules.pupil_identifier(self.cleaned_data["pupil"])
        if problem:
            raise forms.ValidationError(IDENTIFIER_MESSAGES[problem])
        return identifier

    def clean(self):
        cleaned = super().clean()
        starts_on, review_on = cleaned.get("starts_on"), cleaned.get("review_on")
        ends_on = cleaned.get("ends_on")
        for problem in rules.problems(starts_on, review_on, ends_on):
            if problem.field not in self.errors:  # one message per answer
                self.add_error(problem.field, PROBLEM_MESSAGES[problem.code])
        return cleaned
