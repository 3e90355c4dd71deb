"""Demo schools and one account per role. Names and numbers are made up."""

from django.contrib.auth.models import Group

from .groups import (
    ATTENDANCE_OFFICERS,
    EDITORS,
    EHE_OFFICERS,
    INFORMATION_GOVERNANCE,
    LICENSING_OFFICERS,
    MODERATORS,
    TRAINING_ADMINISTRATORS,
)
from .models import Membership, School, User

DEMO_PASSWORD = "attendance-demo-2026"
DEMO_DOMAIN = "demo.wyvernshire.example"

P, S, N, SP, AT, AP = (
    School.Phase.PRIMARY,
    School.Phase.SECONDARY,
    School.Phase.NURSERY,
    School.Phase.SPECIAL,
    School.Phase.ALL_THROUGH,
    School.Phase.ALTERNATIVE_PROVISION,
)

# (URN, name, phase, locality, postcode)
SCHOOLS = [
    ("190001", "Alderbrook Primary School", P, "Northgate", "WY1 2AB"),
    ("190002", "Beechfield Primary School", P, "Northgate", "WY1 3CD"),
    ("190003", "Castle Mead Academy", S, "Northgate", "WY1 4EF"),
    ("190004", "Dovecote Nursery School", N, "Northgate", "WY1 5GH"),
    ("190005", "Elmstead Church of England Primary", P, "Northgate", "WY1 6JK"),
    ("190006", "Foxhill Special School", SP, "Northgate", "WY1 7LM"),
    ("190007", "Greenway High School", S, "Northgate", "WY1 8NP"),
    ("190008", "Hollins Lane Primary", P, "Riverside", "WY2 1AB"),
    ("190009", "Ivybridge Community College", S, "Riverside", "WY2 2CD"),
    ("190010", "Juniper Green Infant School", P, "Riverside", "WY2 3EF"),
    ("190011", "Kingfisher Learning Centre", AP, "Riverside", "WY2 4GH"),
    ("190012", "Larkspur Primary Academy", P, "Riverside", "WY2 5JK"),
    ("190013", "Millbrook All-Through School", AT, "Riverside", "WY2 6LM"),
    ("190014", "Netherby Nursery", N, "Riverside", "WY2 7NP"),
    ("190015", "Oakridge Secondary School", S, "Eastmoor", "WY3 1AB"),
    ("190016", "Pennington Primary School", P, "Eastmoor", "WY3 2CD"),
    ("190017", "Quarry Bank Special School", SP, "Eastmoor", "WY3 3EF"),
    ("190018", "Rowan Tree Primary", P, "Eastmoor", "WY3 4GH"),
    ("190019", "St Aidan's Catholic High School", S, "Eastmoor", "WY3 5JK"),
    ("190020", "Thornbury Junior School", P, "Eastmoor", "WY3 6LM"),
    ("190021", "Underwood Pupil Referral Unit", AP, "Westfield", "WY4 1AB"),
    ("190022", "Valley View Primary", P, "Westfield", "WY4 2CD"),
    ("190023", "Willowmere Academy", S, "Westfield", "WY4 3EF"),
    ("190024", "Yarrow Fields Primary", P, "Westfield", "WY4 4GH"),
    ("190025", "Zetland Park School", AT, "Westfield", "WY4 5JK"),
    ("190026", "Ashcombe Primary (closed 2025)", P, "Westfield", "WY4 6LM"),
]
CLOSED_URNS = {"190026"}

# (email local part, first name, last name, staff group or None, [(URN, role)], superuser)
ACCOUNTS = [
    (
        "attendance.lead",
        "Priya",
        "Shah",
        None,
        [("190001", Membership.Role.ATTENDANCE_LEAD)],
        False,
    ),
    (
        "head",
        "Tom",
        "Okafor",
        None,
        [("190003", Membership.Role.HEADTEACHER), ("190007", Membership.Role.HEADTEACHER)],
        False,
    ),
    ("dsl", "Hannah", "Lewis", None, [("190008", Membership.Role.DSL)], False),
    ("office", "Gareth", "Jones", None, [("190001", Membership.Role.OFFICE)], False),
    ("governor", "Margaret", "Ellis", None, [("190001", Membership.Role.GOVERNOR)], False),
    ("editor", "Sam", "Carter", EDITORS, [], False),
    ("moderator", "Alex", "Morgan", MODERATORS, [], False),
    ("attendance.officer", "Jo", "Whitfield", ATTENDANCE_OFFICERS, [], False),
    ("ehe.officer", "Nadia", "Karim", EHE_OFFICERS, [], False),
    ("licensing.officer", "Chris", "Baker", LICENSING_OFFICERS, [], False),
    ("training.admin", "Lee", "Patel", TRAINING_ADMINISTRATORS, [], False),
    ("information.governance", "Ruth", "Adeyemi", INFORMATION_GOVERNANCE, [], False),
    ("admin", "Portal", "Administrator", None, [], True),
]

ROLE_DESCRIPTIONS = {
    "attendance.lead": "school user: attendance lead at Alderbrook Primary",
    "head": "school user: headteacher of two schools",
    "dsl": "school user: designated safeguarding lead",
    "office": "school user: office staff",
    "governor": "governor of Alderbrook Primary",
    "editor": "editor (Wagtail admin)",
    "moderator": "moderator (Wagtail admin)",
    "attendance.officer": "attendance officer (Wagtail admin)",
    "ehe.officer": "elective home education officer",
    "licensing.officer": "child employment and performance licensing officer",
    "training.admin": "training administrator",
    "information.governance": "information governance: audit log, subject access and erasure",
    "admin": "superuser",
}


def demo_email(local_part):
    return f"{local_part}@{DEMO_DOMAIN}"


def seed_schools():
    created = 0
    for urn, name, phase, locality, postcode in SCHOOLS:
        _school, was_created = School.objects.update_or_create(
            urn=urn,
            defaults={
                "name": name,
                "phase": phase,
                "locality": locality,
                "postcode": postcode,
                "active": urn not in CLOSED_URNS,
            },
        )
        created += was_created
    return f"{len(SCHOOLS)} schools ({created} new)"


def seed_accounts():
    schools = {school.urn: school for school in School.objects.all()}
    created = 0
    for local_part, first, last, group, memberships, superuser in ACCOUNTS:
        email = demo_email(local_part)
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "username": email,
                "first_name": first,
                "last_name": last,
                "is_staff": bool(group) or superuser,
                "is_superuser": superuser,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created += 1
        if group:
            user.groups.add(Group.objects.get(name=group))
        for urn, role in memberships:
            Membership.objects.get_or_create(
                user=user, school=schools[urn], defaults={"role": role}
            )
    return f"{len(ACCOUNTS)} accounts ({created} new)"


def demo_second_factor(user, count=3):
    """Staff sign in with a second factor. For the demo, each staff account gets an
    authenticator app set up and a few fresh single-use recovery codes to type instead."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

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
    from .two_factor import required_for

    lines = [f"Demo sign-ins (password for all: {DEMO_PASSWORD})"]
    users = {user.email: user for user in User.objects.filter(email__endswith=DEMO_DOMAIN)}
    width = max(len(demo_email(local_part)) for local_part, *_rest in ACCOUNTS)
    for local_part, *_rest in ACCOUNTS:
        line = f"  {demo_email(local_part):{width}} {ROLE_DESCRIPTIONS[local_part]}"
        user = users.get(demo_email(local_part))
        if user is not None and required_for(user):
            codes = " ".join(demo_second_factor(user))
            line += "\n  " + " " * width + " second-factor codes: " + codes
        lines.append(line)
    return lines
