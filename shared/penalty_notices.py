"""The penalty notice register, as the referral reads it. The national framework (from
19 August 2024) allows at most two notices to a parent for the same child within three
years, across every school, so the register, not the school's memory, decides. What a
notice would cost, given how many count, is forms_app.rules.attendance.penalty_outcome
(settings.PORTAL_PENALTY_NOTICE); this module says which notices count. A withdrawn
notice was never due, so it does not count.

The register (penalty_notices) answers the hook; the referral (forms_app) asks it:

    @hooks.register(HOOK_NAME)
    def notices_for(child, parents):  # -> list[NoticeSeen]
        ...

`child` is a ChildNamed, `parents` a list of ParentNamed; a function answers in a fixed
number of queries and returns every notice the register holds to any of those parents
for that child (withdrawn and old ones too: `counted` picks).
"""

from dataclasses import dataclass
from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from wagtail import hooks

HOOK_NAME = "register_penalty_notice_history"


@dataclass(frozen=True)
class ChildNamed:
    first_name: str
    last_name: str
    date_of_birth: date | None


@dataclass(frozen=True)
class ParentNamed:
    first_name: str
    last_name: str


@dataclass(frozen=True)
class NoticeSeen:
    reference: str  # the register's own number for the notice
    issued_on: date
    parent: str  # the parent's name as the register holds it
    school: str  # the school's name
    amount: int  # pounds
    withdrawn: bool = False
    url: str = ""  # the notice in the admin, for officers


def window_start(on, years):
    """The first day of the `years` ending on `on`: a notice issued on it or after counts.
    29 February falls back to 28 February in a year without one."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


def counted(notices, on, years):
    """The notices that count towards the limit on `on`: issued in the window (and not
    after `on`), not withdrawn, oldest first."""
    start = window_start(on, years)
    return sorted(
        (n for n in notices if not n.withdrawn and start <= n.issued_on <= on),
        key=lambda n: n.issued_on,
    )


def match_key(*names):
    """Names as the register compares them: case and spacing do not matter ("  Kai
    MORGAN" is "kai morgan")."""
    return " ".join(" ".join(str(name or "").split()).casefold() for name in names)


def history(child, parents):
    """Every register's answer for this child and these parents (a list of NoticeSeen)."""
    return [seen for answer in hooks.get_hooks(HOOK_NAME) for seen in answer(child, parents)]


# --- The register asks the referral: a new entry started from a referral ---------------
#
# An officer starts a register entry from a school's referral (forms_app); the register
# (penalty_notices) asks for what the referral says by its reference:
#
#     @hooks.register(REFERRAL_HOOK_NAME)
#     def referral_named(reference):  # -> ReferralNamed | None
#         ...
#
# None when the reference is not a referral the answering app holds.

REFERRAL_HOOK_NAME = "register_penalty_notice_referral"
# The register's new-entry form; the referral's page links to it with ?referral=<reference>
# for an officer holding the permission to add to the register.
ADD_URL_NAME = "penalty_notices_notice:add"
ADD_PERMISSION = "penalty_notices.add_penaltynotice"


@dataclass(frozen=True)
class ReferralNamed:
    reference: str
    child: ChildNamed
    parents: tuple  # ParentNamed, those with parental responsibility
    school_id: int | None
    upn: str = ""
    parent_addresses: tuple = ()  # each parent's address, in the order of `parents`


def referral(reference):
    """The first answer naming this referral, or None."""
    for answer in hooks.get_hooks(REFERRAL_HOOK_NAME):
        found = answer(reference)
        if found is not None:
            return found
    return None


def new_entry_url(reference):
    """The register's form for a new notice from this referral ("" with no register)."""
    try:
        return f"{reverse(ADD_URL_NAME)}?{urlencode({'referral': reference})}"
    except NoReverseMatch:
        return ""
