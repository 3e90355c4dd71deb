"""When a submission may be erased at the person's request, and when the law says the
council must keep it. UK GDPR Article 17(3)(b) and (e): the right to erasure does not
reach records kept to meet a legal duty or as evidence for legal claims.

Plain functions: the answer is a reason to keep (a string), or "" when it may go."""

from django.utils.translation import gettext as _

OPEN = {"received", "in_review", "more_information"}
ENFORCEMENT = {"notice_to_improve", "penalty_notice", "case_opened"}


def reason_to_keep(service, status, outcome, kept_until):
    """Why a submission must be kept, or "" if it may be erased."""
    until = kept_until.strftime("%-d %B %Y")
    if outcome in ENFORCEMENT:
        return _(
            "It records enforcement action (Education Act 1996 s444, penalty notices) and "
            "is kept as evidence until %(date)s."
        ) % {"date": until}
    if status in OPEN:
        return _("The case is still open: close, refuse or withdraw it first.")
    if status == "approved":
        return _("It records an approval the council gave, which it must keep until %(date)s.") % {
            "date": until
        }
    if service == "ehe" and status != "withdrawn":
        return _(
            "The council must know which children are educated at home (Education Act 1996 "
            "s436A); the record is kept until %(date)s."
        ) % {"date": until}
    return ""
