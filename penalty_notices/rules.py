"""What a notice on the register must be, as plain functions over its dates and amounts.

Sources: the Education (Penalty Notices) (England) Regulations 2007 as amended in 2024
(a notice is paid within 28 days, £80 if within 21 for a first notice; a second to the
same parent for the same child within three years is £160; a third cannot be issued), and
DfE "Working together to improve school attendance" (the national framework from 19
August 2024). The amounts and periods are settings.PORTAL_PENALTY_NOTICE."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shared.penalty_notices import counted

# In attendance's words (its meetings ask for UPNs too).
UPN_PROBLEMS = {
    "upn_length": gettext_lazy("A UPN has 13 characters: a letter, then 12 more"),
    "upn_format": gettext_lazy("A UPN is a letter, 11 digits, then a digit or a letter"),
    "upn_check_letter": gettext_lazy(
        "This UPN's check letter does not match its digits: check the UPN"
    ),
}


def say(code):
    return str(UPN_PROBLEMS[code])


def place(earlier, on, amounts):
    """This notice's place among the parent's notices for the child counted on `on`
    (1 for the first): `earlier` are the register's other notices, issued on or before."""
    return len(counted(earlier, on, amounts["period_years"])) + 1


def due(number, amounts):
    """(amount on the notice, reduced amount or None, days for the reduced amount)."""
    if number == 1:
        return amounts["full_amount"], amounts["first_reduced_amount"], amounts["reduced_days"]
    return amounts["repeat_amount"], None, None


def allowed_next(notices, on, amounts):
    """What the law allows next for this parent and child on `on`: (number, amount,
    reduced amount) of the next notice, or None when there can be no other notice."""
    number = place(notices, on, amounts)
    if number > amounts["most_notices_in_period"]:
        return None
    return (number, *due(number, amounts)[:2])


def problems(notice, earlier, amounts, today=None):
    """(field, message) for each thing that cannot be true of `notice`."""
    today = today or date.today()
    found = []
    first, last, issued = notice.offence_from, notice.offence_to, notice.issued_on
    if first and last and last < first:
        found.append(
            ("offence_to", _("The last day of the absence must be on or after its first day"))
        )
    for field, day in (
        ("offence_from", first), ("offence_to", last), ("issued_on", issued),
        ("paid_on", notice.paid_on), ("withdrawn_on", notice.withdrawn_on),
        ("prosecuted_on", notice.prosecuted_on),
    ):  # fmt: skip
        if day and day > today:
            found.append((field, _("The date must be today or in the past")))
    if issued and last and issued <= last:
        found.append(
            (
                "issued_on",
                _(
                    "A notice is issued after the absence it is for: the date issued must be after the last day of the absence"
                ),
            )
        )
    if issued and notice.child_date_of_birth and notice.child_date_of_birth >= issued:
        found.append(
            (
                "child_date_of_birth",
                _("The child's date of birth must be before the date the notice was issued"),
            )
        )
    if issued:
        found.extend(_amount_problems(notice, earlier, amounts))
        for field, day in (
            ("paid_on", notice.paid_on),
            ("withdrawn_on", notice.withdrawn_on),
            ("prosecuted_on", notice.prosecuted_on),
        ):
            if day and day < issued:
                found.append(
                    (field, _("The date must be on or after the date the notice was issued"))
                )
        waited = notice.prosecuted_on and (notice.prosecuted_on - issued).days
        if waited is not False and waited is not None and 0 <= waited <= amounts["full_days"]:
            found.append(("prosecuted_on", _("A parent has %(days)s days to pay: a prosecution for an unpaid notice starts after them") % {"days": amounts["full_days"]}))  # fmt: skip
    found.extend(_outcome_problems(notice))
    return found


def _amount_problems(notice, earlier, amounts):
    if notice.withdrawn_on:
        return []  # a withdrawn notice takes no place in the window
    number = place(earlier, notice.issued_on, amounts)
    most, years = amounts["most_notices_in_period"], amounts["period_years"]
    if number > most:
        return [("issued_on", _("This parent already has %(most)s notices for this child in the %(years)s years up to this date: a further notice cannot be issued. Use another route, such as prosecution under section 444 of the Education Act 1996.") % {"most": most, "years": years})]  # fmt: skip
    full, reduced, reduced_days = due(number, amounts)
    found = []
    if notice.amount is not None and notice.amount != full:
        if number == 1:
            message = _("A first notice in %(years)s years is £%(amount)s (£%(reduced)s if paid within %(days)s days)") % {"years": years, "amount": full, "reduced": reduced, "days": reduced_days}  # fmt: skip
        else:
            message = _("This is notice %(number)s for this parent and child in %(years)s years: it is £%(amount)s") % {"number": number, "years": years, "amount": full}  # fmt: skip
        found.append(("amount", message))
    if notice.paid_on and notice.amount_paid is not None and notice.paid_on >= notice.issued_on:
        days = (notice.paid_on - notice.issued_on).days
        owed = reduced if reduced is not None and days <= reduced_days else full
        if days > amounts["full_days"]:
            found.append(("paid_on", _("A notice is paid within %(days)s days of issue: after that it is withdrawn or the parent is prosecuted") % {"days": amounts["full_days"]}))  # fmt: skip
        elif notice.amount_paid != owed:
            found.append(("amount_paid", _("Paid %(days)s days after issue, the amount due was £%(amount)s") % {"days": days, "amount": owed}))  # fmt: skip
    return found


def _outcome_problems(notice):
    found = []
    if bool(notice.paid_on) != (notice.amount_paid is not None):
        field = "amount_paid" if notice.paid_on else "paid_on"
        found.append((field, _("Enter both the date paid and the amount paid, or neither")))
    if notice.withdrawn_on and not notice.withdrawn_reason.strip():
        found.append(("withdrawn_reason", _("Say why the notice was withdrawn")))
    if notice.withdrawn_reason.strip() and not notice.withdrawn_on:
        found.append(("withdrawn_on", _("Enter the date the notice was withdrawn")))
    if notice.withdrawn_on and notice.paid_on:
        found.append(
            (
                "withdrawn_on",
                _("A paid notice cannot be withdrawn: remove the payment or the withdrawal"),
            )
        )
    if notice.prosecuted_on and notice.paid_on:
        found.append(
            (
                "prosecuted_on",
                _(
                    "Paying a notice ends the parent's liability for the offence: a paid notice cannot be prosecuted"
                ),
            )
        )
    if notice.prosecuted_on and notice.withdrawn_on:
        found.append(("prosecuted_on", _("Record a withdrawn notice or a prosecution, not both")))
    if notice.prosecution_outcome.strip() and not notice.prosecuted_on:
        found.append(("prosecuted_on", _("Enter the date the prosecution started")))
    return found


def counts_until(issued_on, years):
    """The last day a notice issued on `issued_on` counts towards the limit: it drops out
    of the window the day after (a notice of 29 February counts to 28 February)."""
    try:
        return issued_on.replace(year=issued_on.year + years)
    except ValueError:
        return issued_on.replace(year=issued_on.year + years, day=28)
