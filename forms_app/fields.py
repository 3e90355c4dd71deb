"""Form fields for journeys, with GOV.UK error messages that say what to do."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DateField(DateInputField):
    """A GOV.UK date input (day, month, year) giving a date."""

    def __init__(self, *, what, past=None, **kwargs):
        super().__init__(**kwargs)
        self.what = what  # e.g. "the child's date of birth"
        self.past = past  # True: must be in the past; False: must be in the future
        message = _("Enter %(what)s") % {"what": what}
        self.error_messages["required"] = message
        self.error_messages["incomplete"] = _("%(what)s must include a day, month and year") % {
            "what": str(what).capitalize()
        }

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError as error:
            raise ValidationError(
                _("%(what)s must be a real date") % {"what": str(self.what).capitalize()}
            ) from error

    def clean(self, value):
        result = super().clean(value)
        if result and self.past is True and result >= date.today():
            raise ValidationError(
                _("%(what)s must be in the past") % {"what": str(self.what).capitalize()}
            )
        if result and self.past is False and result < date.today():
            raise ValidationError(
                _("%(what)s must be today or in the future") % {"what": str(self.what).capitalize()}
            )
        return result


class YesNoField(forms.TypedChoiceField):
    """A yes or no question as GOV.UK radios, giving True or False."""

    widget = forms.RadioSelect

    def __init__(self, *, required_message, **kwargs):
        super().__init__(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            error_messages={"required": required_message},
            **kwargs,
        )


def choice(choices, required_message, **kwargs):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


def text(label, required_message=None, required=True, max_length=200, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={
            "required": required_message or _("Enter %(label)s") % {"label": str(label).lower()},
            "max_length": _("%(label)s must be %(max)s characters or fewer")
            % {"label": label, "max": max_length},
        },
        **kwargs,
    )
