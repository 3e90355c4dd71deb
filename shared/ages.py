"""A person's age on a day, in plain Python, for the forms (shared/people.py) and the
rules of law (forms_app/rules/) alike."""


def age_on(born, day):
    """Whole years from `born` to `day`: one born on 29 February is a year older on
    1 March (Family Law Reform Act 1969 s9: an age is reached at the start of the
    anniversary of the birth)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
