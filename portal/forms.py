from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms
from django.contrib.auth import forms as auth_forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from shared.fields import email_address
from shared.people import person_name

from .emails import send_email
from .models import Membership, School, User


class GovukFormMixin:
    """Gives a form the GOV.UK Design System layout: crispy-forms-gds's helper, with the
    error summary the page template shows and a submit button that says what it does."""

    submit_label = _("Continue")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.layout_fields(), Button("submit", self.submit_label))

    def layout_fields(self):
        return list(self.fields)


EMAIL_MAX = 254  # the longest address email allows (RFC 5321)


def ask_for_email_address(field):
    """Every sign-in asks for the account's email address (which is its username): so
    labelled, an email keyboard on phones, and `autocomplete="username"`, which is what
    password managers look for beside a password."""
    field.label = _("Email address")
    field.widget.input_type = "email"
    field.widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})


class AdminSignInForm(LoginForm):
    """The Wagtail admin's sign-in (WAGTAILADMIN_USER_LOGIN_FORM), asking for an email
    address as the portal's own sign-in does, not a "username"."""

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _("Enter a correct email address and password"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        ask_for_email_address(self.fields["username"])
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your email address")

    def get_invalid_login_error(self):
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class SignInForm(GovukFormMixin, auth_forms.AuthenticationForm):
    submit_label = _("Sign in")
    # One message for a wrong email, a wrong password or an unknown account, so the page
    # never tells anyone whether an account exists.
    error_messages = {
        "invalid_login": _("Enter a correct email address and password"),
        "inactive": _("Enter a correct email address and password"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        ask_for_email_address(self.fields["username"])
        self.fields["username"].error_messages["required"] = _("Enter your email address")
        self.fields["password"].error_messages["required"] = _("Enter your password")

    def layout_fields(self):
        return [
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
        ]

    def clean_username(self):
        email = self.cleaned_data["username"].strip().lower()
        # AuthenticationForm sets max_length after the field is made, so Django checks
        # nothing; an address longer than any account's would reach the lockout's table.
        if len(email) > EMAIL_MAX:
            raise forms.ValidationError(
                _("%(label)s must be %(max)s characters or fewer")
                % {"label": _("Email address"), "max": EMAIL_MAX}
            )
        return email


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    submit_label = _("Send the link")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = _("Enter your email address")
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )

    def layout_fields(self):
        return [Field.text("email", field_width=Fluid.TWO_THIRDS)]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Through the worker, like every other email (portal/emails.py).
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_email(to_email, subject, email_template_name, context)


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    submit_label = _("Save password")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].error_messages["required"] = _("Confirm your new password")

    def layout_fields(self):
        return [
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
        ]


class InviteForm(forms.Form):
    """An officer invites a school user (Wagtail admin)."""

    first_name = person_name(_("First name"))
    last_name = person_name(_("Last name"))
    email = email_address()
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.active().order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        existing = User.objects.filter(email=email).first()
        if existing and existing.has_usable_password():
            raise forms.ValidationError(
                _("%(email)s already has an account. Add the school to it under Memberships."),
                params={"email": email},
            )
        return email
