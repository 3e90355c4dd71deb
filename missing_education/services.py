"""What changes a case: each in one transaction, with its event in the case's history
(the audit log records the saves themselves: apps.py follows the models)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.terms import next_working_day

from .models import Case, CaseEvent, Enquiry

# Local practice: the officer first asks the last school and checks where the Common
# Transfer File went, within a week.
FIRST_STEP_DAYS = 5


def _first_step(today):
    return (
        "Ask the last school what it knows and check where the Common Transfer File went",
        next_working_day(today + timedelta(days=FIRST_STEP_DAYS)),
    )


def open_from_notice(pupil, today=None):
    """The roll-change hook's answer (shared/roll_changes.py): one case per notice
    reference. Runs inside the notice's transaction; a savepoint keeps a second call
    that races the first from spoiling it."""
    found = Case.objects.filter(notice_reference=pupil.reference).first()
    if found is not None:
        return found
    today = today or timezone.localdate()
    step, due = _first_step(today)
    moved = {"yes": "yes", "no": "no"}.get(pupil.family_moved, "not known")
    reason = (
        f"Left the school's roll on {pupil.left_on:%d/%m/%Y} with no known destination. "
        f"Ground: {pupil.ground_label}. Family moved: {moved}."
    )
    try:
        with transaction.atomic():
            case = Case.objects.create(
                first_name=pupil.first_name,
                last_name=pupil.last_name,
                date_of_birth=pupil.date_of_birth,
                upn=pupil.upn,
                last_school_id=pupil.school_id,
                last_address=pupil.last_address,
                parents=pupil.parents,
                source=Case.Source.ROLL_CHANGE,
                notice_reference=pupil.reference,
                left_on=pupil.left_on,
                reason=reason,
                safeguarding=pupil.safeguarding,
                next_step=step,
                next_step_due=due,
            )
            CaseEvent.objects.create(
                case=case,
                kind=CaseEvent.Kind.OPENED,
                user_id=pupil.submitted_by_id,
                to_status=case.status,
                note=f"Roll-change notice {pupil.reference}",
            )
    except IntegrityError:  # the same notice, opened meanwhile by another call
        return Case.objects.get(notice_reference=pupil.reference)
    return case


@transaction.atomic
def refer(user, services, data, today=None):
    """An officer of any service refers a child: a case opened in their name."""
    today = today or timezone.localdate()
    step, due = _first_step(today)
    case = Case.objects.create(
        **data,
        source=Case.Source.REFERRAL,
        referred_by=user,
        referred_by_service=", ".join(sorted(services)),
        next_step=step,
        next_step_due=due,
    )
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.OPENED, user=user, to_status=case.status,
        note="Referred by an officer",
    )  # fmt: skip
    return case


@transaction.atomic
def add_enquiry(case, user, made_on, checks, contact, outcome):
    enquiry = Enquiry.objects.create(
        case=case, made_on=made_on, checks=list(checks), contact=contact, outcome=outcome,
        made_by=user,
    )  # fmt: skip
    note = ""
    if case.status == Case.Status.OPEN:  # the first enquiry starts the enquiries
        note = case.status
        case.status = Case.Status.ENQUIRIES
        case.save(update_fields=["status", "updated_at"])
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.ENQUIRY, user=user, from_status=note,
        to_status=case.status if note else "", note=", ".join(enquiry.check_labels()),
    )  # fmt: skip
    return enquiry


@transaction.atomic
def set_next_step(case, user, status, next_step, due, school_asked):
    events = []
    if status != case.status:
        events.append(CaseEvent(case=case, kind=CaseEvent.Kind.STATUS, user=user,
                                from_status=case.status, to_status=status))  # fmt: skip
        case.status = status
    if (next_step, due) != (case.next_step, case.next_step_due):
        events.append(CaseEvent(case=case, kind=CaseEvent.Kind.NEXT_STEP, user=user,
                                note=f"{next_step} (due {due:%d/%m/%Y})" if due else next_step))  # fmt: skip
        case.next_step, case.next_step_due = next_step, due
        case.reminded_on = None  # a new due date is reminded afresh
    case.school_asked = school_asked
    case.save()
    CaseEvent.objects.bulk_create(events)


@transaction.atomic
def assign(case, user, officer):
    case.assigned_to = officer
    case.save(update_fields=["assigned_to", "updated_at"])
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.ASSIGNED, user=user,
        note=(officer.get_full_name() or officer.email) if officer else "Nobody",
    )  # fmt: skip


@transaction.atomic
def agree_removal(case, user, agreed_on):
    case.removal_agreed_on = agreed_on
    case.save(update_fields=["removal_agreed_on", "updated_at"])
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.REMOVAL, user=user, note=f"{agreed_on:%d/%m/%Y}"
    )


OUTCOME_FIELDS = (
    "outcome", "found_school", "receiving_council", "council_told_on", "passed_on_to",
    "passed_on_on", "outcome_notes",
)  # fmt: skip
TEXT_FIELDS = {"outcome", "receiving_council", "passed_on_to", "outcome_notes"}


@transaction.atomic
def record_outcome(case, user, cleaned, close):
    """Record the outcome; `close` closes the case (else it is found, closing)."""
    for name in OUTCOME_FIELDS:
        value = cleaned.get(name)
        if value in (None, "") and name in TEXT_FIELDS:
            value = ""
        setattr(case, name, value or (value if name in TEXT_FIELDS else None))
    case.outcome_by, case.outcome_at = user, timezone.now()
    before = case.status
    case.status = Case.Status.CLOSED if close else Case.Status.FOUND
    if close:
        case.closed_at = timezone.now()
        case.next_step, case.next_step_due = "", None
    case.save()
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.OUTCOME, user=user, from_status=before,
        to_status=case.status, note=case.get_outcome_display(),
    )  # fmt: skip
