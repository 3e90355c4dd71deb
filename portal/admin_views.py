"""Officer screens inside the Wagtail admin."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .emails import send_email
from .forms import InviteForm
from .models import Membership, User
from .tokens import invite_tokens


@permission_required("portal.add_membership", raise_exception=True)
def invite_school_user(request):
    """Make (or find) the account, link it to the school, and email a one-time link."""
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                email=data["email"],
                defaults={
                    "username": data["email"],
                    "first_name": data["first_name"],
                    "last_name": data["last_name"],
                },
            )
            if created:
                user.set_unusable_password()
                user.save()
            Membership.objects.update_or_create(
                user=user, school=data["school"], defaults={"role": data["role"]}
            )
            link = request.build_absolute_uri(
                reverse(
                    "portal:invite-accept",
                    kwargs={
                        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                        "token": invite_tokens.make_token(user),
                    },
                )
            )
            send_email(
                user.email,
                _("You have been invited to the school attendance portal"),
                "portal/email/invite.txt",
                {
                    "user": user,
                    "school": data["school"],
                    "link": link,
                    "role": Membership.Role(data["role"]).label,
                },
            )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": user.email})
        return redirect("portal_invite")
    return TemplateResponse(request, "portal/admin/invite.html", {"form": form})


def _locked_attempts():
    """Accounts locked out now: too many failed sign-ins within the cool-off time."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.order_by("-attempt_time")


@permission_required("portal.add_membership", raise_exception=True)
def locked_accounts(request):
    """Officers who look after school users' accounts unlock one that was locked out
    after too many failed sign-ins (once they are sure it is the person asking)."""
    if request.method == "POST":
        username = request.POST.get("username", "")
        if not _locked_attempts().filter(username=username).exists():
            messages.error(request, _("%(account)s is not locked.") % {"account": username})
            return redirect("portal_locked_accounts")
        reset_lockout(username=username)
        messages.success(request, _("%(account)s can sign in again.") % {"account": username})
        return redirect("portal_locked_accounts")
    return TemplateResponse(
        request, "portal/admin/locked_accounts.html", {"attempts": list(_locked_attempts())}
    )
