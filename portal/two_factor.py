"""Two-factor sign-in: an authenticator app (TOTP) and single-use recovery codes, from
django-otp. Staff must use it; school users may turn it on."""

import base64

import qrcode
import qrcode.image.svg
from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .addresses import same_site_path
from .forms import GovukFormMixin

RECOVERY_SESSION_KEY = "portal:recovery_codes"


def required_for(user):
    """Staff must give a second factor: anyone who can open the Wagtail admin."""
    return bool(user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def has_device(user):
    """Has the user set up an authenticator app? (Recovery codes come with one.)"""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _next_url(request, default="portal:dashboard"):
    target = request.POST.get("next") or request.GET.get("next")
    return same_site_path(request, target) or redirect(default).url


class CodeForm(GovukFormMixin, forms.Form):
    submit_label = gettext_lazy("Continue")
    next = forms.CharField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "inputmode": "text"}
        ),
        error_messages={"required": gettext_lazy("Enter the code")},
    )

    def layout_fields(self):
        return ["next", Field.text("code", field_width=Fluid.ONE_THIRD)]

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones; returns them to show once."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="Recovery codes", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(settings.PORTAL_RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _qr_svg(url):
    svg = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).to_string(
        encoding="unicode"
    )
    label = _("QR code to scan with your authenticator app")
    return mark_safe(
        svg.replace("<svg ", format_html('<svg role="img" aria-label="{}" ', label), 1)
    )


@never_cache
@login_required
def overview(request):
    user = request.user
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    static = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return TemplateResponse(
        request,
        "portal/account/two_factor.html",
        {
            "totp": totp,
            "recovery_left": static.token_set.count() if static else 0,
            "required": required_for(user),
        },
    )


@never_cache
@login_required
@sensitive_post_parameters("code")
def set_up(request):
    user = request.user
    if has_device(user) and not user.is_verified():
        return redirect("portal:two-factor-verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None, initial={"next": _next_url(request)})
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[RECOVERY_SESSION_KEY] = new_recovery_codes(user)
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect(
                f"{redirect('portal:two-factor-recovery-codes').url}?next={_next_url(request)}"
            )
        form.add_error("code", _("The code is not right. Enter the code your app shows now"))
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "portal/account/two_factor_set_up.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next_url(request),
            "required": required_for(user),
        },
    )


@never_cache
@login_required
@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    if not has_device(user):
        return redirect("portal:two-factor-set-up")
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None, initial={"next": _next_url(request)})
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You used a recovery code. You have %(count)s left.") % {"count": left},
                )
            return redirect(_next_url(request))
        # django-otp makes a device wait longer after each wrong code (1s, 2s, 4s...) and
        # refuses even the right one until then: after a few, say so.
        throttled = any(
            not candidate.verify_is_allowed()[0] and candidate.throttling_failure_count >= 3
            for candidate in devices_for_user(user)
            if hasattr(candidate, "verify_is_allowed")
        )
        form.add_error(
            "code",
            _("Too many wrong codes. Wait a minute, then enter the code your app shows")
            if throttled
            else _("The code is not right. Enter the code your app shows now, or a recovery code"),
        )
    return TemplateResponse(
        request, "portal/account/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@login_required
def recovery_codes(request):
    user = request.user
    if not user.is_verified():
        return redirect("portal:two-factor-verify")
    if request.method == "POST":
        request.session[RECOVERY_SESSION_KEY] = new_recovery_codes(user)
        return redirect("portal:two-factor-recovery-codes")
    codes = request.session.pop(RECOVERY_SESSION_KEY, None)
    return TemplateResponse(
        request,
        "portal/account/two_factor_recovery.html",
        {"codes": codes, "next": _next_url(request)},
    )


@never_cache
@login_required
def turn_off(request):
    user = request.user
    if required_for(user) or not user.is_verified():
        messages.error(request, _("Staff accounts must keep two-factor sign-in."))
        return redirect("portal:two-factor")
    if request.method == "POST":
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("portal:two-factor")
    return TemplateResponse(request, "portal/account/two_factor_off.html", {})
