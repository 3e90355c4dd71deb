"""The rules of targeting support meetings, as plain functions: how an agreed action
names a pupil (a term's dates are attendance.periods'). No Django models here.

The statutory guidance "Working together to improve school attendance" (DfE, from
August 2024) asks councils to hold a termly targeting support meeting with each school."""

import re

from shared import upn

# --- the pupil of an agreed action: a UPN or initials, never a name ---------------------
# Collecting only what the purpose needs is UK GDPR article 5(1)(c): the meeting's record
# is read by everyone at it, and a UPN or initials are enough to follow a pupil up.
MAX_INITIALS = 4
_INITIALS = re.compile(r"^(?:[A-Za-z]\.?\s?){1,4}$")
_NAME_CASE = re.compile(r"[A-Z][a-z]")

NAME = "name"
CHARACTERS = "characters"


def pupil_identifier(value):
    """(the identifier as stored, None) for a valid UPN or 1 to 4 initials with optional
    full stops; else (the value tidied, a problem code): a UPN's own problem
    (upn_length, upn_format, upn_check_letter), "name" for anything longer than initials,
    "characters" for anything else. Initials are stored as "A.B."; a UPN upper case."""
    compact = upn.normalise(value)
    if any(character.isdigit() for character in compact):
        return compact, upn.problem(compact)
    letters = compact.replace(".", "")
    if not letters:
        return compact, CHARACTERS
    if not (letters.isascii() and letters.isalpha()):
        # Letters of a name with an apostrophe or hyphen ("O'Neil") are still a name.
        if len(letters) > MAX_INITIALS or "-" in letters or "'" in letters:
            return compact, NAME
        return compact, CHARACTERS
    # "Kim" or "Jo": a capital then small letters is how a name is written, not initials.
    if (
        len(letters) > MAX_INITIALS
        or _NAME_CASE.search(value)
        or not _INITIALS.match(value.strip())
    ):
        return compact, NAME
    return "".join(f"{letter}." for letter in letters), None


def is_upn(identifier):
    return any(character.isdigit() for character in identifier)
