"""Forms for targeting support meetings: the officers' scheduling, record and agreed-action
forms in the Wagtail admin, and the school's form for an action's status (GOV.UK)."""

from datetime import date

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.forms import GovukFormMixin
from portal.groups import ATTENDANCE_OFFICERS
from portal.models import User
from shared import times
from shared.fields import choice

from . import meeting_rules
from .models import MeetingAction, SupportMeeting
from .periods import TERM_NAMES, in_term, term_on, term_span, year_label

PUPIL_PROBLEMS = {
    "upn_length": _("A UPN has 13 characters: a letter, then 12 more"),
    "upn_format": _("A UPN is a letter, 11 digits, then a digit or a letter"),
    "upn_check_letter": _("This UPN's check letter does not match its digits: check the UPN"),
    meeting_rules.NAME: _(
        "This looks like a name. Give the pupil's UPN or initials (up to 4 letters), "
        "never their name"
    ),
    meeting_rules.CHARACTERS: _("Give a UPN, or initials as letters, like K.L."),
}


def year_choices(today):
    """Last school year, this one and the next two."""
    current, _term = term_on(today)
    return [(year, year_label(year)) for year in range(current - 1, current + 3)]


class MeetingScheduleForm(WagtailAdminModelForm):
    """Scheduling a meeting: one per school per term, not in the past, within its term."""

    year = forms.TypedChoiceField(label=_("School year"), coerce=int)

    class Meta:
        model = SupportMeeting
        fields = ["school", "year", "term", "starts_at", "minutes", "place", "officer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = date.today()
        choices = year_choices(today)
        if self.instance.pk and self.instance.year not in dict(choices):
            choices = [(self.instance.year, year_label(self.instance.year))] + choices
        self.fields["year"].choices = choices
        self.fields["school"].queryset = self.fields["school"].queryset.filter(active=True)
        officers = User.objects.filter(groups__name=ATTENDANCE_OFFICERS, is_active=True)
        if self.instance.officer_id:
            officers = officers | User.objects.filter(pk=self.instance.officer_id)
        self.fields["officer"].queryset = officers.distinct().order_by("first_name", "email")
        if not self.instance.pk:
            year, term = term_on(today)
            self.initial.setdefault("year", year)
            self.initial.setdefault("term", term)
            user = getattr(self, "for_user", None)
            if user is not None and user.groups.filter(name=ATTENDANCE_OFFICERS).exists():
                self.initial.setdefault("officer", user.pk)

    def clean(self):
        cleaned = super().clean()
        school, year, term = cleaned.get("school"), cleaned.get("year"), cleaned.get("term")
        starts_at = cleaned.get("starts_at")
        if school and year and term:
            taken = SupportMeeting.objects.filter(school=school, year=year, term=term)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "term",
                    _(
                        "%(school)s already has a meeting in the %(term)s %(year)s. Change "
                        "that meeting instead of adding another."
                    )
                    % {
                        "school": school.name,
                        "term": str(TERM_NAMES[term]).lower(),
                        "year": year_label(year),
                    },
                )
        if starts_at:
            moved = not self.instance.pk or starts_at != self.instance.starts_at
            if moved and starts_at < timezone.now():
                self.add_error("starts_at", _("The meeting cannot be in the past"))
            elif year and term:
                day = timezone.localtime(starts_at).date()
                if not in_term(day, year, term):
                    first, last = term_span(year, term)
                    self.add_error(
                        "starts_at",
                        _("The date must be in the %(term)s %(year)s: %(first)s to %(last)s")
                        % {
                            "term": str(TERM_NAMES[term]).lower(),
                            "year": year_label(year),
                            "first": times.day(first),
                            "last": times.day(last),
                        },
                    )
        return cleaned


class MeetingRecordForm(forms.ModelForm):
    """The officer's record of the meeting: whether it was held, and its notes."""

    class Meta:
        model = SupportMeeting
        fields = ["status", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}


def clean_pupil(value):
    """The pupil as stored (a UPN or initials), or a ValidationError saying why not."""
    identifier, problem = meeting_rules.pupil_identifier(value)
    if problem:
        raise ValidationError(PUPIL_PROBLEMS[problem], code=problem)
    return identifier


class MeetingActionForm(forms.ModelForm):
    """An agreed action: for a cohort or for one pupil, exactly one of them."""

    # Longer than a UPN, so a name typed here is told what to give instead.
    pupil = forms.CharField(
        label=_("Pupil (UPN or initials)"),
        max_length=60,
        required=False,
        help_text=_("The 13-character UPN, or initials such as K.L. Never the pupil's name."),
    )

    class Meta:
        model = MeetingAction
        fields = ["cohort", "pupil", "action", "owner", "due_on", "status"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 3}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_pupil(self):
        value = self.cleaned_data.get("pupil", "").strip()
        return clean_pupil(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        cohort = (cleaned.get("cohort") or "").strip()
        pupil = cleaned.get("pupil")
        if "pupil" in self.errors:
            return cleaned
        if cohort and pupil:
            self.add_error(
                "pupil", _("Give a cohort or a pupil, not both: agree two actions if both need one")
            )
        elif not cohort and not pupil:
            self.add_error("cohort", _("Give the cohort, or the pupil's UPN or initials"))
        return cleaned


class ActionStatusForm(GovukFormMixin, forms.Form):
    """The school's update of an agreed action's status (GOV.UK radios)."""

    status = choice(
        MeetingAction.Status.choices,
        _("Choose where the action has got to"),
        label=_("Where has this action got to?"),
    )
    submit_label = _("Save the status")

    def layout_fields(self):
        return [Field.radios("status", legend_size=Size.MEDIUM)]
