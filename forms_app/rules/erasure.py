"""When a submission may be erased at the person's request, and when the law says the
council must keep it. UK GDPR Article 17(3)(b) and (e): the right to erasure does not
reach records kept to meet a legal duty or as evidence for legal claims.

Each journey names its rule in its facts (forms_app/journeys/facts.py). A rule is a plain
function of the submission's status, its outcome's code, the date it is kept until and
the journey's outcomes that record enforcement; the answer is a reason to keep (a
string), or "" when it may go."""

from django.utils.translation import gettext as _

OPEN = {"received", "in_review", "more_information"}


def _date(kept_until):
    return kept_until.strftime("%-d %B %Y")


def case_rule(status, outcome, kept_until, enforcement=frozenset()):
    """Every journey's: enforcement is evidence, an open case is not finished, and an
    approval is the council's own record."""
    if outcome in enforcement:
        return _(
            "It records enforcement action (Education Act 1996 s444, penalty notices) and "
            "is kept as evidence until %(date)s."
        ) % {"date": _date(kept_until)}
    if status in OPEN:
        return _("The case is still open: close, refuse or withdraw it first.")
    if status == "approved":
        return _("It records an approval the council gave, which it must keep until %(date)s.") % {
            "date": _date(kept_until)
        }
    return ""


def home_education_rule(status, outcome, kept_until, enforcement=frozenset()):
    """Home education: the council keeps its register of children educated at home, so a
    registration goes only when the parent withdrew it."""
    reason = case_rule(status, outcome, kept_until, enforcement)
    if reason or status == "withdrawn":
        return reason
    return _(
        "The council must know which children are educated at home (Education Act 1996 "
        "s436A); the record is kept until %(date)s."
    ) % {"date": _date(kept_until)}
