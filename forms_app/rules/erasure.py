"""When a submission may be erased at the person's request, and when the law says the
council must keep it. UK GDPR Article 17(3)(b) and (e): the right to erasure does not
reach records kept to meet a legal duty or as evidence for legal claims.

Each journey names its rule in its facts (forms_app/journeys/facts.py). A rule is a plain
function of the submission's status, its outcome's code, the date it is kept until and
the journey's outcomes that record enforcement; it answers with why the submission must
be kept (a Finding; words: erasure_messages.py), or None when it may go."""

from .findings import Finding

OPEN = {"received", "in_review", "more_information"}


def case_rule(status, outcome, kept_until, enforcement=frozenset()):
    """Every journey's: enforcement is evidence, an open case is not finished, and an
    approval is the council's own record."""
    if outcome in enforcement:
        return Finding("enforcement", {"date": kept_until})
    if status in OPEN:
        return Finding("open")
    if status == "approved":
        return Finding("approval", {"date": kept_until})
    return None


def home_education_rule(status, outcome, kept_until, enforcement=frozenset()):
    """Home education: the council keeps its register of children educated at home
    (Education Act 1996 s436A), so a registration goes only when the parent withdrew it."""
    finding = case_rule(status, outcome, kept_until, enforcement)
    if finding or status == "withdrawn":
        return finding
    return Finding("home_education_register", {"date": kept_until})
