"""The officers' forms in the Wagtail admin: a referral, an enquiry, the next step, the
officer assigned, removal from the roll agreed, and the outcome. Each is checked on the
server; what was typed stays on the form with its errors."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import School, User
from portal.terms import council_terms
from shared import upn as upns
from shared.times import day

from .models import Case, Enquiry
from .rules import removal_allowed_from


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _date(label, required=True, help_text="", message=None):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput(),
        error_messages={
            "required": message or _("Enter the date"),
            "invalid": _("Enter a real date"),
        },
    )


def _text(label, required=True, max_length=300, message=None, **kwargs):
    return forms.CharField(
        label=label, required=required, max_length=max_length,
        error_messages={"required": message or _("Enter the details")},
        **kwargs,
    )  # fmt: skip


def _long(label, required=True, message=None, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=4000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": message or _("Enter the details")},
    )


def _schools():
    return School.objects.filter(active=True).order_by("name")


class SchoolChoice(forms.ModelChoiceField):
    def label_from_instance(self, school):
        return f"{school.name} ({school.urn})"


UPN_PROBLEMS = {
    "upn_length": _("A unique pupil number must be 13 characters"),
    "upn_format": _("Enter a unique pupil number in the right format, like A123456789012"),
    "upn_check_letter": _(
        "Check the unique pupil number: its first letter does not match the rest"
    ),
}


class ReferralForm(forms.Form):
    first_name = _text(
        _("Child's first name"), max_length=100, message=_("Enter the child's first name")
    )
    last_name = _text(
        _("Child's last name"), max_length=100, message=_("Enter the child's last name")
    )
    date_of_birth = _date(_("Date of birth"), required=False)
    upn = _text(_("Unique pupil number (UPN), if known"), required=False, max_length=13)
    last_school = SchoolChoice(
        queryset=School.objects.none(), label=_("Last school, if known"), required=False,
        empty_label=_("Not known"),
    )  # fmt: skip
    last_address = _long(_("Last known address"), required=False)
    parents = _long(
        _("Parents, carers and other contacts"), required=False,
        help_text=_("Names, how they are related to the child, and how to reach them."),
    )  # fmt: skip
    reason = _long(
        _("Why you think the child is missing education"),
        message=_("Say why you think the child is missing education"),
    )
    safeguarding = _long(_("Safeguarding concerns, if any"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["last_school"].queryset = _schools()

    def clean_upn(self):
        value = upns.normalise(self.cleaned_data["upn"])
        problem = upns.problem(value) if value else None
        if problem:
            raise forms.ValidationError(UPN_PROBLEMS[problem])
        return value

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born >= timezone.localdate():
            raise forms.ValidationError(_("Date of birth must be in the past"))
        return born


class EnquiryForm(forms.Form):
    made_on = _date(_("Date of the enquiry"), message=_("Enter the date of the enquiry"))
    checks = forms.MultipleChoiceField(
        label=_("Who was asked"),
        choices=Enquiry.Check.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select who was asked")},
    )
    contact = _text(
        _("Who you spoke to"), required=False,
        help_text=_("Names and services, for example the council where the family may be."),
    )  # fmt: skip
    outcome = _long(_("What the enquiry found"), message=_("Say what the enquiry found"))

    def clean_made_on(self):
        made_on = self.cleaned_data["made_on"]
        if made_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the enquiry must be today or in the past"))
        return made_on


class NextStepForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        # Closing goes through the outcome, which a closed case needs.
        choices=[c for c in Case.Status.choices if c[0] != Case.Status.CLOSED],
    )
    next_step = _text(_("Next step"), required=False)
    next_step_due = _date(_("Next step due"), required=False)
    school_asked = _long(
        _("What the council needs from the school"), required=False,
        help_text=_("The school sees this on its dashboard."),
    )  # fmt: skip
    absent_since = _date(
        _("First day of continuous unauthorised absence"), required=False,
        help_text=_("For a pupil still on a school's roll: the school may remove them after "
                    "20 school days, once the school and the council have both made enquiries."),
    )  # fmt: skip

    def __init__(self, *args, case, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        step, due = cleaned.get("next_step"), cleaned.get("next_step_due")
        if "next_step_due" in self.errors:
            return cleaned
        if step and not due:
            self.add_error("next_step_due", _("Enter the date the next step is due"))
        elif due and not step:
            self.add_error("next_step", _("Enter the next step"))
        absent_since = cleaned.get("absent_since")
        if absent_since and absent_since > timezone.localdate():
            self.add_error("absent_since", _("The date must be today or in the past"))
        changed = (step, due) != (self.case.next_step, self.case.next_step_due)
        # A date already past is refused for a new next step, not for one kept as it was.
        if due and changed and due < timezone.localdate():
            self.add_error(
                "next_step_due", _("The date a new next step is due must be today or in the future")
            )
        return cleaned


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Officer"), required=False,
        empty_label=_("Nobody (the service's inbox is reminded)"),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers()
        self.fields["officer"].label_from_instance = lambda u: u.get_full_name() or u.email


def officers():
    """The pupil tracking officers, active ones only."""
    return User.objects.filter(is_active=True, groups__name="Pupil tracking officers").order_by(
        "first_name", "last_name", "pk"
    )


class RemovalForm(forms.Form):
    agreed_on = _date(
        _("Date removal from the roll was agreed"), message=_("Enter the date removal was agreed")
    )

    def __init__(self, *args, case, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean_agreed_on(self):
        agreed_on = self.cleaned_data["agreed_on"]
        if agreed_on > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        if self.case.absent_since is None:
            raise forms.ValidationError(
                _("Record the first day of the pupil's continuous unauthorised absence first")
            )
        allowed = removal_allowed_from(self.case.absent_since, council_terms())
        if allowed is None or agreed_on < allowed:
            raise forms.ValidationError(
                _("The pupil may come off the roll only after 20 school days' continuous "
                  "unauthorised absence: not before %(day)s") % {"day": day(allowed) if allowed else "–"}
            )  # fmt: skip
        if not self.case.enquiries.exists():
            raise forms.ValidationError(
                _("Record the council's enquiries before agreeing the pupil's removal")
            )
        return agreed_on


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Case.Outcome.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Select the outcome")},
    )  # fmt: skip
    found_school = SchoolChoice(
        queryset=School.objects.none(), label=_("The school the child is at"), required=False,
        empty_label=_("Choose a school"),
    )  # fmt: skip
    receiving_council = _text(_("Receiving council"), required=False, max_length=200)
    council_told_on = _date(_("Date the receiving council was told"), required=False)
    passed_on_to = _text(
        _("Passed on to"), required=False, max_length=200,
        help_text=_("For example the lost pupils database, or children's social care."),
    )  # fmt: skip
    passed_on_on = _date(_("Date passed on"), required=False)
    outcome_notes = _long(_("Notes on the outcome"), required=False)
    close = forms.BooleanField(
        label=_("Close the case now"), required=False,
        help_text=_("Otherwise the case stays open as found, closing."),
    )  # fmt: skip

    # What each outcome must give: its details, each with the error when missing.
    NEEDS = {
        Case.Outcome.IN_SCHOOL: {"found_school": _("Choose the school the child is at")},
        Case.Outcome.MOVED_AWAY: {
            "receiving_council": _("Enter the receiving council"),
            "council_told_on": _("Enter the date the receiving council was told"),
        },
        Case.Outcome.NOT_FOUND: {
            "passed_on_to": _("Enter who the case was passed on to"),
            "passed_on_on": _("Enter the date the case was passed on"),
        },
        Case.Outcome.HOME_EDUCATED: {},
    }
    DETAILS = (
        "found_school",
        "receiving_council",
        "council_told_on",
        "passed_on_to",
        "passed_on_on",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["found_school"].queryset = _schools()

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if not outcome:
            return cleaned
        needs = self.NEEDS[outcome]
        for name, message in needs.items():
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        today = timezone.localdate()
        for name in ("council_told_on", "passed_on_on"):
            if name in needs and cleaned.get(name) and cleaned[name] > today:
                self.add_error(name, _("The date must be today or in the past"))
        # Details of another outcome are not kept.
        for name in self.DETAILS:
            if name not in needs:
                cleaned[name] = (
                    None if name in ("found_school", "council_told_on", "passed_on_on") else ""
                )
        return cleaned


STATUS_FILTERS = [("", _("Open cases")), *Case.Status.choices, ("all", _("All cases"))]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTERS, required=False)
    overdue = forms.BooleanField(label=_("Next step overdue"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    school = SchoolChoice(
        queryset=School.objects.none(), label=_("Last school"), required=False,
        empty_label=_("All schools"),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = _schools()
