"""Form fields for journeys, with GOV.UK error messages that say what to do."""

import re
from datetime import date, time

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from shared import times


def _percent(message, params):
    return str(message) % {key: str(value) for key, value in params.items()}


# A message with its blanks filled in, translated when shown (not when the module loads).
percent_lazy = lazy(_percent, str)
lower_lazy = lazy(lambda text: str(text).lower(), str)


def long_date(day):
    """1 September 2025, with the month in the reader's language."""
    return times.day(day)


def with_purpose(form_field, autocomplete):
    """Say what the field asks for, so a browser can fill in the person's own details and
    assistive technology can name them (WCAG 1.3.5, HTML's autocomplete tokens): "name",
    "email", "tel", "address-line1" and so on. Only for a question about the person
    filling in the form: the same question about anyone else (a child, an employer, a
    referee) has no token, so their browser never offers its owner's details there."""
    if autocomplete:
        form_field.widget.attrs["autocomplete"] = autocomplete
    return form_field


def bound(day):
    """A bound (a date, an age) as given, or from the callable given for it, called when
    the answer is checked: today moves on, and a form is built once."""
    return day() if callable(day) else day


class DateField(DateInputField):
    """A GOV.UK date input (day, month, year) giving a date. `past`: True, the date must be
    in the past; False, today or in the future. `not_before`, `not_after`: the first and
    last dates allowed (a date, or a callable giving one), named in the message.
    `autocomplete`: "bday" for the person's own date of birth, which marks the day, month
    and year inputs bday-day, bday-month and bday-year (see with_purpose)."""

    def __init__(
        self, *, what, past=None, not_before=None, not_after=None, autocomplete=None, **kwargs
    ):
        super().__init__(**kwargs)
        if autocomplete:
            for part, widget in zip(("day", "month", "year"), self.widget.widgets, strict=True):
                widget.attrs["autocomplete"] = f"{autocomplete}-{part}"
        self.what = what  # e.g. "the child's date of birth"
        self.past = past
        self.not_before = not_before
        self.not_after = not_after
        self.error_messages["required"] = percent_lazy(_("Enter %(what)s"), {"what": what})
        self.error_messages["incomplete"] = percent_lazy(
            _("%(what)s must include a day, month and year"), {"what": capfirst(what)}
        )

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        # A number too big for a date (a month of 99999999999999999999) overflows rather
        # than failing as a date.
        except (ValidationError, OverflowError) as error:
            raise ValidationError(
                _("%(what)s must be a real date") % {"what": capfirst(self.what)}
            ) from error

    def clean(self, value):
        result = super().clean(value)
        if result:
            self.check(result)
        return result

    def check(self, result):
        """Refuse a real date outside what the question allows, saying the bound."""
        what = capfirst(self.what)
        if self.past is True and result >= date.today():
            raise ValidationError(_("%(what)s must be in the past") % {"what": what})
        if self.past is False and result < date.today():
            raise ValidationError(_("%(what)s must be today or in the future") % {"what": what})
        first, last = bound(self.not_before), bound(self.not_after)
        if first and result < first:
            raise ValidationError(
                _("%(what)s must be the same as or after %(date)s")
                % {"what": what, "date": long_date(first)}
            )
        if last and result > last:
            raise ValidationError(
                _("%(what)s must be the same as or before %(date)s")
                % {"what": what, "date": long_date(last)}
            )


class YesNoField(forms.TypedChoiceField):
    """A yes or no question as GOV.UK radios, giving True or False. With `no_message`, the
    answer must be yes (a condition of the application), and no gets that message."""

    widget = forms.RadioSelect

    def __init__(self, *, required_message, no_message=None, **kwargs):
        super().__init__(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            error_messages={"required": required_message},
            **kwargs,
        )
        self.no_message = no_message

    def clean(self, value):
        answer = super().clean(value)
        if self.no_message and answer is False:
            raise ValidationError(self.no_message, code="must_be_yes")
        return answer


def choice(choices, required_message, **kwargs):
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


class TextField(forms.CharField):
    """A text answer whose length is checked when sent, never cut short by the browser:
    a maxlength attribute drops what is typed or pasted past it without a word, so GOV.UK
    advises against it. Too long is an error that says the limit."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def text(label, required_message=None, required=True, max_length=200, autocomplete=None, **kwargs):
    field = TextField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={
            "required": required_message
            or percent_lazy(_("Enter %(label)s"), {"label": lower_lazy(label)}),
            "max_length": percent_lazy(
                _("%(label)s must be %(max)s characters or fewer"),
                {"label": label, "max": max_length},
            ),
        },
        **kwargs,
    )
    return with_purpose(field, autocomplete)


def long_text(label, required_message=None, required=True, max_length=2000, rows=4, **kwargs):
    """A textarea, with the same messages as text()."""
    return text(
        label,
        required_message,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def email_address(label=None, required_message=None, required=True, autocomplete=None, **kwargs):
    """An email address; `autocomplete="email"` when it is the person's own."""
    field = forms.EmailField(
        label=label or _("Email address"),
        required=required,
        error_messages={
            "required": required_message or _("Enter an email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        **kwargs,
    )
    return with_purpose(field, autocomplete)


def number(label, *, what, min_value=0, max_value=None, **kwargs):
    """A whole number in a narrow text input (GOV.UK asks for numbers with inputmode, not
    type=number, whose spinners and scrolling change what people typed)."""
    messages = {
        "required": percent_lazy(_("Enter %(what)s"), {"what": what}),
        "invalid": percent_lazy(
            _("%(what)s must be a whole number, like 3"), {"what": capfirst(what)}
        ),
        "min_value": percent_lazy(
            _("%(what)s must be %(min)s or more"), {"what": capfirst(what), "min": min_value}
        ),
    }
    if max_value is not None:
        messages["max_value"] = percent_lazy(
            _("%(what)s must be %(max)s or fewer"), {"what": capfirst(what), "max": max_value}
        )
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        error_messages=messages,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-3", "spellcheck": "false"}
        ),
        **kwargs,
    )


TIME = re.compile(r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?(?P<half>am|pm)?")


class TimeField(forms.Field):
    """A time of day in one short text input. GOV.UK has no time pattern; one field with
    a hint is quickest to fill in. Takes 07:30, 7.30, 16:15, 7am and 4:30pm."""

    widget = forms.TextInput(
        attrs={"class": "govuk-input--width-5", "autocomplete": "off", "spellcheck": "false"}
    )

    def __init__(self, *, what, **kwargs):
        kwargs.setdefault("help_text", _("For example, 07:30 or 16:15"))
        super().__init__(**kwargs)
        self.what = what  # e.g. "the start time"
        self.error_messages["required"] = percent_lazy(_("Enter %(what)s"), {"what": what})

    def to_python(self, value):
        value = "".join(str(value or "").lower().split())
        if not value:
            return None
        match = TIME.fullmatch(value)
        hour = int(match["hour"]) if match else -1
        minute = int(match["minute"] or 0) if match else -1
        if match and match["half"]:
            valid = 1 <= hour <= 12 and minute < 60
            hour = hour % 12 + (12 if match["half"] == "pm" else 0)
        else:
            valid = bool(match and match["minute"]) and hour < 24 and minute < 60
        if not valid:
            raise ValidationError(
                percent_lazy(
                    _("Enter %(what)s as hours and minutes, like 07:30 or 16:15"),
                    {"what": self.what},
                )
            )
        return time(hour, minute)
