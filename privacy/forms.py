from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shared.personal_data import Query


class PersonForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("Every word must appear: “Sara Khan” finds Sara Khan, not every Sara."),
    )
    email = forms.EmailField(label=_("Email address"), required=False)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if name and min(len(word) for word in name.split()) < 2:
            raise ValidationError(_("Give each part of the name in two letters or more."))
        return name

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("name") or cleaned.get("email")):
            raise ValidationError(_("Give a name, an email address, or both."))
        return cleaned

    @property
    def query(self):
        return Query(name=self.cleaned_data["name"], email=self.cleaned_data["email"].lower())


class EraseForm(PersonForm):
    key = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why it is being erased"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: erasure request received 1 December 2026, case DP-0123."),
    )
