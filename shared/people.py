"""Questions about people, asked alike by every form: a person's name, a UK postcode, a
telephone number and a date of birth. Each checks what was typed, puts it in one form
(SW1A 1AA, 07700 900982) and says what to do in GOV.UK's words when it is wrong."""

import re
import unicodedata
from datetime import date

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .ages import age_on
from .fields import DateField, TextField, bound, lower_lazy, percent_lazy, with_purpose

# --- names -------------------------------------------------------------------------------

NAME_MAX_LENGTH = 100
# Besides letters (and the marks some scripts write letters with): what names have
# between their parts. Zero-width joiners shape Urdu and Indic names; never bidi controls.
NAME_PUNCTUATION = frozenset(" -\u2010\u2011'\u2018\u2019.\u200c\u200d")


def is_a_name(value):
    """Letters in any script, with spaces, hyphens, apostrophes and full stops between
    them: no digits, no symbols, no markup."""
    categories = [unicodedata.category(character) for character in value]
    return any(category.startswith("L") for category in categories) and all(
        category[0] in "LM" or character in NAME_PUNCTUATION
        for character, category in zip(value, categories, strict=True)
    )


class PersonNameField(TextField):
    def to_python(self, value):
        value = super().to_python(value)
        # One space between parts; letters composed as one character (Zoë, not Zoe + ¨).
        return unicodedata.normalize("NFC", " ".join(value.split())) if value else value

    def validate(self, value):
        super().validate(value)
        if value and not is_a_name(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")


def person_name(
    label, required_message=None, *, required=True, what=None, autocomplete=None, **kwargs
):
    """A person's name. `what` names it in a message when the label cannot ("The tutor's
    full name" for "If yes, the tutor's full name"). `autocomplete`: "name", "given-name"
    or "family-name" when it is the name of the person filling in the form."""
    what = what or label
    field = PersonNameField(
        label=label,
        required=required,
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": required_message
            or percent_lazy(_("Enter %(label)s"), {"label": lower_lazy(what)}),
            "invalid": percent_lazy(
                _(
                    "%(what)s must only include letters, spaces, hyphens, apostrophes and full stops"
                ),
                {"what": capfirst(what)},
            ),
            "max_length": percent_lazy(
                _("%(label)s must be %(max)s characters or fewer"),
                {"label": capfirst(what), "max": NAME_MAX_LENGTH},
            ),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        **kwargs,
    )
    return with_purpose(field, autocomplete)


# --- postcodes ---------------------------------------------------------------------------

# Royal Mail's format: an outward code (A9, A99, A9A, AA9, AA99, AA9A, with the letters
# each place may hold), then an inward code (9AA). Q, V and X never start one; I, J and Z
# are never second; C, I, K, M, O and V are never in the inward code.
POSTCODE = re.compile(
    r"(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)"
    r"[0-9][ABD-HJLNP-UW-Z]{2}"
)
GIRO = "GIR0AA"  # the one postcode outside the pattern still in use
BFPO = re.compile(r"BFPO[0-9]{1,4}")  # British Forces Post Office


def normal_postcode(value):
    """The postcode in capitals with one space before the inward code ("sw1a1aa" ->
    "SW1A 1AA", "bfpo 801" -> "BFPO 801"), or None when it is not a UK postcode."""
    compact = "".join(value.split()).upper()
    if BFPO.fullmatch(compact):
        return f"BFPO {compact[4:]}"
    if compact == GIRO or POSTCODE.fullmatch(compact):
        return f"{compact[:-3]} {compact[-3:]}"
    return None


class PostcodeField(forms.CharField):
    """A UK postcode. No length limit to cut it short: anything that is not a postcode,
    however long, is refused with the same message."""

    widget = forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        postcode = normal_postcode(value)
        if postcode is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return postcode


def postcode(label=None, required_message=None, *, required=True, autocomplete=None, **kwargs):
    """A UK postcode; `autocomplete="postal-code"` when it is the person's own."""
    field = PostcodeField(
        label=label or _("Postcode"),
        required=required,
        error_messages={
            "required": required_message or _("Enter the postcode"),
            "invalid": _("Enter a real UK postcode, like SW1A 1AA"),
        },
        **kwargs,
    )
    return with_purpose(field, autocomplete)


# --- telephone numbers -------------------------------------------------------------------

PHONE_REGION = "GB"  # a number with no country code is a UK one
# What people write in a number besides digits. Letters are refused, though phone keypads
# have them: "0800 FLOWERS" is not a number an officer can dial.
PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()\-.]{1,40}")
# Ofcom keeps these UK ranges for drama and examples, and libphonenumber calls them not
# valid: GOV.UK's own hint ("like 01632 960 001, 07700 900 982") uses them, so a person
# who types the example is not told it is wrong.
OFCOM_EXAMPLES = re.compile(r"\+44(?:1632960|7700900)[0-9]{3}")


def normal_phone_number(value, region=PHONE_REGION):
    """A UK number as it is dialled here ("07700 900982"), any other with its country
    code ("+48 512 345 678"), or None when it is not a telephone number."""
    if not PHONE_CHARACTERS.fullmatch(value):
        return None
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    whole = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not (phonenumbers.is_valid_number(number) or OFCOM_EXAMPLES.fullmatch(whole)):
        return None
    uk = number.country_code == phonenumbers.country_code_for_region("GB")
    return phonenumbers.format_number(
        number,
        phonenumbers.PhoneNumberFormat.NATIONAL
        if uk
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )


class PhoneNumberInput(forms.TextInput):
    input_type = "tel"


class PhoneNumberField(forms.CharField):
    widget = PhoneNumberInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"})

    def __init__(self, *, region=PHONE_REGION, **kwargs):
        super().__init__(**kwargs)
        self.region = region  # where a number with no country code is

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        number = normal_phone_number(" ".join(value.split()), self.region)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


def phone_number(label=None, required_message=None, *, required=True, autocomplete=None, **kwargs):
    """A telephone number, UK or abroad (`region`: where one with no country code is);
    `autocomplete="tel"` when it is the person's own."""
    field = PhoneNumberField(
        label=label or _("Phone number"),
        required=required,
        error_messages={
            "required": required_message or _("Enter a phone number"),
            "invalid": _(
                "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
            ),
        },
        **kwargs,
    )
    return with_purpose(field, autocomplete)


# --- dates of birth ----------------------------------------------------------------------


class DateOfBirthField(DateField):
    """A date of birth in the past, for someone `min_age` or older and `max_age` or
    younger on the day `on` (a date, or a callable giving one; today if not given)."""

    def __init__(
        self,
        *,
        what,
        min_age=None,
        max_age=None,
        on=None,
        too_young=None,
        too_old=None,
        **kwargs,
    ):
        kwargs.setdefault("label", _("Date of birth"))
        super().__init__(what=what, past=True, **kwargs)
        self.min_age, self.max_age, self.on = min_age, max_age, on or date.today
        self.too_young = too_young or _("Enter a date of birth for someone aged %(age)s or older")
        self.too_old = too_old or _("Enter a date of birth for someone aged %(age)s or younger")

    def check(self, result):
        super().check(result)
        age = age_on(result, bound(self.on))
        if self.min_age is not None and age < bound(self.min_age):
            raise ValidationError(str(self.too_young) % {"age": bound(self.min_age)})
        if self.max_age is not None and age > bound(self.max_age):
            raise ValidationError(str(self.too_old) % {"age": bound(self.max_age)})


def date_of_birth(what, *, min_age=None, max_age=None, on=None, **kwargs):
    """A date of birth for the ages a service allows: `min_age` and `max_age` are whole
    years (or callables giving them, for an age set in the settings), with `too_young`
    and `too_old` messages naming %(age)s. `autocomplete="bday"` only for the person's own
    date of birth, never a child's."""
    return DateOfBirthField(what=what, min_age=min_age, max_age=max_age, on=on, **kwargs)
