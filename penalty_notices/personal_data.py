"""What the penalty notice register holds about a person, for subject access and erasure
(shared/personal_data.py): each notice naming them as the parent or as the child.

Erasure is refused with the reason: the council must keep a record of each notice it
issues, and of its payment, withdrawal or prosecution (Education (Penalty Notices)
(England) Regulations 2007, regulation 20), and the register is what shows how many
notices count towards the limit. Each notice is deleted at the end of its retention period
(tasks.py)."""

from django.utils.translation import gettext as _

from shared.personal_data import MAX_PER_KIND, Held

from .models import PenaltyNotice

NAME_FIELDS = ["parent_first_name", "parent_last_name", "child_first_name", "child_last_name"]


def _matches(query, notice):
    return query.name_matches(notice.parent_first_name, notice.parent_last_name) or (
        query.name_matches(notice.child_first_name, notice.child_last_name)
    )


def find_notices(query):
    condition = query.condition(name_fields=NAME_FIELDS)
    if condition is None:
        return []
    notices = (PenaltyNotice.objects.filter(condition).select_related("school").order_by("pk"))[
        :MAX_PER_KIND
    ]
    return [_held(notice) for notice in notices if _matches(query, notice)]


def _day(day):
    return day.isoformat() if day else None


def _held(notice):
    return Held(
        service="attendance",
        kind="penalty notice",
        reference=notice.number,
        description=_("Penalty notice %(number)s to %(parent)s for %(child)s, %(status)s")
        % {
            "number": notice.number,
            "parent": notice.parent_name,
            "child": notice.child_name,
            "status": notice.get_status_display().lower(),
        },
        when=notice.issued_on,
        data={
            "number": notice.number,
            "parent": {
                "first_name": notice.parent_first_name,
                "last_name": notice.parent_last_name,
                "address": notice.parent_address,
            },
            "child": {
                "first_name": notice.child_first_name,
                "last_name": notice.child_last_name,
                "date_of_birth": _day(notice.child_date_of_birth),
                "upn": notice.child_upn,
            },
            "school": notice.school.name,
            "absence": {"from": _day(notice.offence_from), "to": _day(notice.offence_to)},
            "issued_on": _day(notice.issued_on),
            "amount": notice.amount,
            "paid_on": _day(notice.paid_on),
            "amount_paid": notice.amount_paid,
            "withdrawn_on": _day(notice.withdrawn_on),
            "withdrawn_reason": notice.withdrawn_reason,
            "prosecuted_on": _day(notice.prosecuted_on),
            "prosecution_outcome": notice.prosecution_outcome,
            "status": str(notice.get_status_display()),
            "referral_reference": notice.referral_reference,
        },
        record=notice,
        erase=None,
        kept_because=_(
            "The council must keep a record of each penalty notice it issues and of its "
            "payment, withdrawal or prosecution (Education (Penalty Notices) (England) "
            "Regulations 2007, regulation 20). It is deleted at the end of its retention "
            "period."
        ),
    )
