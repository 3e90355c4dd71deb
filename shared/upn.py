"""Unique pupil numbers (UPN): 13 characters, a check letter then 12 more.

Source: DfE, "Unique Pupil Numbers (UPN): A guide for schools and local authorities". The
first character is a check letter worked out from the other twelve: each of characters 2
to 13 is multiplied by its position (2 to 13), the products are added, and the remainder
after dividing by 23 picks the letter from a table of 23 (A to Z without I, O and S).
Characters 2 to 12 are digits (local authority number, school number, year, serial); the
13th is a digit, or a letter in a temporary UPN, which counts as its place in the table.
Plain Python: the forms and the returns each say the problem in their own words."""

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
LENGTH = 13


def normalise(value):
    """Upper case, with no spaces (a UPN is often written in groups)."""
    return "".join(value.upper().split())


def check_letter(rest):
    """The check letter for the 12 characters after it."""
    total = 0
    for position, character in enumerate(rest, start=2):
        value = int(character) if character.isdigit() else CHECK_LETTERS.index(character)
        total += value * position
    return CHECK_LETTERS[total % 23]


def problem(value):
    """None for a valid UPN, else "upn_length", "upn_format" or "upn_check_letter"."""
    upn = normalise(value)
    if len(upn) != LENGTH:
        return "upn_length"
    first, middle, last = upn[0], upn[1:12], upn[12]
    if first not in CHECK_LETTERS or not (middle.isascii() and middle.isdigit()):
        return "upn_format"
    if not ((last.isascii() and last.isdigit()) or last in CHECK_LETTERS):
        return "upn_format"
    if check_letter(upn[1:]) != first:
        return "upn_check_letter"
    return None
