"""The booker's forms, in GOV.UK layout (portal.forms.GovukFormMixin)."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import GovukFormMixin
from portal.models import School
from shared.fields import choice, email_address, long_text
from shared.people import person_name

from .models import Booking

NOT_A_SCHOOL = "none"


class BookingForm(GovukFormMixin, forms.Form):
    name = person_name(_("Full name"), _("Enter your full name"), autocomplete="name")
    email = email_address(
        help_text=_("We send your booking confirmation and joining details here."),
        autocomplete="email",
    )
    role = choice(Booking.Role.choices, _("Select your role"), label=_("Your role"))
    school = forms.ChoiceField(
        label=_("School"),
        help_text=_(
            "The school you work at or govern. Choose “Not a school” if you work elsewhere."
        ),
        error_messages={"required": _("Select your school, or “Not a school”")},
        # Their own organisation: a browser can choose it from what it knows (WCAG 1.3.5).
        widget=forms.Select(attrs={"autocomplete": "organization"}),
    )
    needs = long_text(
        _("Access or dietary needs (optional)"),
        required=False,
        max_length=1000,
        help_text=_("For example, a hearing loop, step-free access or a vegetarian lunch."),
    )

    def __init__(self, *args, submit_label=None, **kwargs):
        if submit_label:
            self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        schools = School.objects.active().values_list("pk", "name")
        self.fields["school"].choices = [
            ("", _("Choose a school")),
            (NOT_A_SCHOOL, _("Not a school")),
            *((str(pk), name) for pk, name in schools),
        ]

    def layout_fields(self):
        return [
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.radios("role", legend_size=Size.SMALL),
            Field.select("school"),
            Field.textarea("needs"),
        ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def school_instance(self):
        value = self.cleaned_data["school"]
        return None if value == NOT_A_SCHOOL else School.objects.get(pk=value)


class CheckForm(GovukFormMixin, forms.Form):
    """Check your answers: only a button."""

    submit_label = _("Confirm booking")


class CancelForm(GovukFormMixin, forms.Form):
    confirm = choice(
        [("yes", _("Yes, cancel it")), ("no", _("No, keep it"))],
        _("Select yes if you want to cancel"),
        label=_("Are you sure you want to cancel?"),
    )
    submit_label = _("Continue")

    def layout_fields(self):
        return [Field.radios("confirm", legend_size=Size.MEDIUM, inline=True)]


class MoveForm(GovukFormMixin, forms.Form):
    session = forms.ChoiceField(
        label=_("Choose a new date"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the date you want to move to")},
    )
    submit_label = _("Move my booking")

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [(str(session.pk), session.label) for session in sessions]

    def layout_fields(self):
        return [Field.radios("session", legend_size=Size.MEDIUM)]


class AcceptForm(GovukFormMixin, forms.Form):
    submit_label = _("Take the place")


class FeedbackForm(GovukFormMixin, forms.Form):
    rating = choice(
        [
            ("5", _("5 – Very good")),
            ("4", _("4 – Good")),
            ("3", _("3 – Neither good nor poor")),
            ("2", _("2 – Poor")),
            ("1", _("1 – Very poor")),
        ],
        _("Select how you rate the session"),
        label=_("Overall, how would you rate the session?"),
    )
    comments = long_text(_("What could we do better? (optional)"), required=False, max_length=2000)
    submit_label = _("Send feedback")

    def layout_fields(self):
        return [Field.radios("rating", legend_size=Size.MEDIUM), Field.textarea("comments")]
