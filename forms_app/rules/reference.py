"""Submission references: a service prefix and 8 characters that cannot be misread.

GOV.UK guidance: leave out letters and digits that look alike (I and 1, O and 0, Q, Z and 2
in some hands), so a reference read over the phone is taken down right first time."""

import secrets

ALPHABET = "ABCDEFGHJKLMNPRSTUVWXY23456789"  # no I, O, Q, Z; digits 2 to 9
LENGTH = 8


def new_reference(prefix, choice=secrets.choice):
    """e.g. "EHE-7KD4MWX2". `choice` is the random source (secrets in production)."""
    return f"{prefix}-" + "".join(choice(ALPHABET) for _ in range(LENGTH))


def normalise(reference):
    """What a person typed, made comparable: upper case, no spaces, O read as 0 is not
    possible in the alphabet, so only case and spacing are fixed."""
    return "".join(reference.split()).upper()


def is_well_formed(reference, prefix):
    reference = normalise(reference)
    head, _, code = reference.partition("-")
    return head == prefix and len(code) == LENGTH and all(c in ALPHABET for c in code)
