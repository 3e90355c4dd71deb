"""What the children missing education service holds about a person, for subject access
and erasure (shared/personal_data.py).

A pupil or a parent named on a case: found by the pupil's name, or by a name or email
address in the parents and contacts the case holds. An open case is kept (the council's
duty to find the child, Education Act 1996 s436A, is live); a closed one may be erased.

Staff named on cases (assigned, referring, making enquiries) are listed and the cases
kept, as the other apps keep what an account did: the case points at the account, which
portal's accounts finder closes and anonymises."""

from django.db.models import Q
from django.utils.translation import gettext as _

from portal.models import User
from shared.personal_data import MAX_PER_KIND, Held

from .access import SERVICE
from .models import Case, Enquiry


def _case_data(case):
    return {
        "reference": case.reference,
        "first_name": case.first_name,
        "last_name": case.last_name,
        "date_of_birth": case.date_of_birth.isoformat() if case.date_of_birth else "",
        "upn": case.upn,
        "last_school": case.last_school.name if case.last_school else "",
        "last_known_address": case.last_address,
        "parents_carers_and_contacts": case.parents,
        "reason": case.reason,
        "safeguarding_concerns": case.safeguarding,
        "status": case.get_status_display(),
        "opened_at": case.opened_at.isoformat(),
        "outcome": case.get_outcome_display() if case.outcome else "",
        "enquiries": [
            {
                "date": enquiry.made_on.isoformat(),
                "who_was_asked": enquiry.check_labels(),
                "spoke_to": enquiry.contact,
                "found": enquiry.outcome,
            }
            for enquiry in case.enquiries.all()
        ],
    }


def _erase(case_pk):
    def erase():
        Case.objects.filter(pk=case_pk, status=Case.Status.CLOSED).first().delete()
        return "erased"

    return erase


def find_cases(query):
    """Cases naming the person as the pupil, or among the parents and contacts."""
    condition = query.condition(
        name_fields=["first_name", "last_name", "parents"], email_fields=[],
    )  # fmt: skip
    if query.email:
        condition = (condition or Q(pk__in=[])) | Q(parents__icontains=query.email)
    if condition is None:
        return []
    found = []
    for case in (
        Case.objects.filter(condition)
        .select_related("last_school")
        .prefetch_related("enquiries")
        .order_by("-opened_at")[:MAX_PER_KIND]
    ):
        as_pupil = query.name_matches(case.first_name, case.last_name)
        as_contact = query.name_matches(case.parents) or (
            query.email and query.email.lower() in case.parents.lower()
        )
        if not (as_pupil or as_contact):
            continue
        closed = case.status == Case.Status.CLOSED
        found.append(
            Held(
                service=SERVICE,
                kind="missing education case",
                reference=case.reference,
                description=(
                    _("Child missing education case, named as the child: %(status)s")
                    if as_pupil
                    else _("Child missing education case, named as a parent or contact: %(status)s")
                )
                % {"status": case.get_status_display()},
                when=case.opened_at,
                data=_case_data(case),
                record=case,
                erase=_erase(case.pk) if closed else None,
                erase_label=_("Delete") if closed else "",
                kept_because=""
                if closed
                else _(
                    "The council must go on looking for the child while the case is open "
                    "(Education Act 1996, section 436A). It can be erased once closed."
                ),
            )
        )
    return found


def find_staff(query):
    """One item per member of staff named on cases: assigned, referring or enquiring."""
    condition = query.condition(name_fields=["first_name", "last_name"], email_fields=["email"])
    if condition is None:
        return []
    people = [
        user
        for user in User.objects.filter(condition).order_by("pk")[:MAX_PER_KIND]
        if query.name_matches(user.first_name, user.last_name) or query.email_matches(user.email)
    ]
    if not people:
        return []
    ids = [user.pk for user in people]
    named = {}
    for case_id, assigned, referred in Case.objects.filter(
        Q(assigned_to_id__in=ids) | Q(referred_by_id__in=ids)
    ).values_list("pk", "assigned_to_id", "referred_by_id"):
        for user_id in {assigned, referred} & set(ids):
            named.setdefault(user_id, set()).add(case_id)
    for case_id, user_id in Enquiry.objects.filter(made_by_id__in=ids).values_list(
        "case_id", "made_by_id"
    ):
        named.setdefault(user_id, set()).add(case_id)
    found = []
    for user in people:
        cases = sorted(named.get(user.pk, ()))
        if not cases:
            continue
        found.append(
            Held(
                service=SERVICE,
                kind="missing education case",
                reference=str(user.pk),
                description=_("Named as staff on children missing education cases: %(count)d.")
                % {"count": len(cases)},  # fmt: skip
                when=user.date_joined,
                data={
                    "name": user.get_full_name(),
                    "email": user.email,
                    "cases": [f"CME-{pk:06d}" for pk in cases],
                },
                erase=None,
                kept_because=_(
                    "A record of the council's work to find a child, kept for its retention "
                    "period whoever worked on it. It names the person only through their "
                    "sign-in account, which is closed and anonymised as the account's own "
                    "entry says."
                ),
            )
        )
    return found
