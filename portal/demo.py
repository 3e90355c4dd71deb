"""Demo schools and one account per role, read from portal/demo/*.yaml."""

from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from shared.demo_data import load

from .models import Membership, School, User
from .two_factor import required_for


def _accounts():
    return load("portal", "accounts")


def demo_email(local_part):
    return f"{local_part}@{_accounts()['domain']}"


def seed_schools():
    schools = load("portal", "schools")
    created = 0
    for spec in schools:
        defaults = {key: spec[key] for key in ("name", "phase", "locality", "postcode")}
        _school, was_created = School.objects.update_or_create(
            urn=spec["urn"], defaults={**defaults, "active": not spec.get("closed", False)}
        )
        created += was_created
    return f"{len(schools)} schools ({created} new)"


def seed_accounts():
    accounts = _accounts()["accounts"]
    schools = {school.urn: school for school in School.objects.all()}
    created = 0
    for spec in accounts:
        email = demo_email(spec["local_part"])
        superuser = spec.get("superuser", False)
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "username": email,
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "is_staff": "group" in spec or superuser,
                "is_superuser": superuser,
            },
        )
        if was_created:
            user.set_password(_accounts()["password"])
            user.save()
            created += 1
        if "group" in spec:
            user.groups.add(Group.objects.get(name=spec["group"]))
        for membership in spec.get("schools", []):
            Membership.objects.get_or_create(
                user=user, school=schools[membership["urn"]], defaults={"role": membership["role"]}
            )
    return f"{len(accounts)} accounts ({created} new)"


def demo_second_factor(user, count=3):
    """Staff sign in with a second factor. For the demo, each staff account gets an
    authenticator app set up and a few fresh single-use recovery codes to type instead."""
    TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Authenticator app"}
    )
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def sign_in_lines():
    """What `make run` prints: who to sign in as to see each part of the portal, and for
    staff, recovery codes to give as the second factor (each works once)."""
    data = _accounts()
    lines = [f"Demo sign-ins (password for all: {data['password']})"]
    users = {user.email: user for user in User.objects.filter(email__endswith=data["domain"])}
    emails = [demo_email(spec["local_part"]) for spec in data["accounts"]]
    width = max(len(email) for email in emails)
    for email, spec in zip(emails, data["accounts"], strict=True):
        line = f"  {email:{width}} {spec['description']}"
        user = users.get(email)
        if user is not None and required_for(user):
            codes = " ".join(demo_second_factor(user))
            line += "\n  " + " " * width + " second-factor codes: " + codes
        lines.append(line)
    return lines
