"""What the portal's accounts hold about a person, for subject access and erasure
(shared/personal_data.py): their sign-in account and the schools they act for."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from shared.personal_data import MAX_PER_KIND, Held, erased_email

from .models import Membership, User


def close_and_anonymise(user):
    """The account can no longer sign in and no longer says whose it was. Records made
    by it (a referral sent, a return made) keep pointing at the closed account."""
    with transaction.atomic():
        Membership.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.filter(user=user).delete()
        user.first_name = user.last_name = ""
        user.email = user.username = erased_email(user.pk)
        user.is_active = False
        user.set_unusable_password()
        user.save()
    return "anonymised"


def find_accounts(query):
    condition = query.condition(name_fields=["first_name", "last_name"], email_fields=["email"])
    if condition is None:
        return []
    users = (
        User.objects.filter(condition)
        .prefetch_related("memberships__school", "groups")
        .order_by("pk")[:MAX_PER_KIND]
    )
    found = []
    for user in users:
        # Staff are in a group or flagged staff (groups prefetched: no query per row).
        staff = user.is_staff or user.is_superuser or bool(user.groups.all())
        found.append(
            Held(
                service="accounts",
                kind="account",
                reference=str(user.pk),
                description=_("Sign-in account (%(kind)s)")
                % {"kind": _("council staff") if staff else _("school user")},
                when=user.date_joined,
                record=user,
                data={
                    "name": user.get_full_name(),
                    "email": user.email,
                    "active": user.is_active,
                    "joined": user.date_joined.isoformat(),
                    "last_signed_in": user.last_login.isoformat() if user.last_login else None,
                    "language": user.language,
                    "schools": [
                        {"school": m.school.name, "role": m.get_role_display()}
                        for m in user.memberships.all()
                    ],
                    "staff_groups": [group.name for group in user.groups.all()],
                },
                erase=None if staff else (lambda user=user: close_and_anonymise(user)),
                erase_label=_("Close the account and remove the name and email address"),
                kept_because=_(
                    "A council staff account is closed by the council's own leavers process "
                    "(Wagtail admin, Users), so that what it did stays accountable."
                )
                if staff
                else "",
            )
        )
    return found
