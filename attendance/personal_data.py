"""What the attendance service holds about a person, for subject access and erasure
(shared/personal_data.py).

Pupils: agreed actions name a pupil by UPN or initials only, and a subject access Query
carries a name and an email address, never a UPN, so no finder can match a pupil here.
This is as returns does for the pupils on its returns: a request about a pupil is
answered by the attendance service from the school's records, which hold the UPN.

People named on meetings (the council officer) and on stages and actions (who last
changed them) are listed, and the records kept, as the other apps keep what an account
did (a return made, a referral sent): the records point at the account, which portal's
accounts finder closes and anonymises (for staff, the council's leavers process does),
so what was done stays accountable without the name."""

from django.db.models import Count
from django.utils.translation import gettext as _

from portal.models import User
from shared.personal_data import MAX_PER_KIND, Held

from .models import MeetingAction, SchoolStage, SupportMeeting
from .periods import year_label


def _staff(query):
    condition = query.condition(name_fields=["first_name", "last_name"], email_fields=["email"])
    if condition is None:
        return []
    return list(User.objects.filter(condition).order_by("pk")[:MAX_PER_KIND])


def find_staff_records(query):
    """One item per person found: the meetings they are the officer of, and the stages
    and actions they last changed (counted and listed in one query each)."""
    people = [
        user
        for user in _staff(query)
        if query.name_matches(user.first_name, user.last_name) or query.email_matches(user.email)
    ]
    if not people:
        return []
    ids = [user.pk for user in people]
    meetings = {}
    for meeting in (
        SupportMeeting.objects.filter(officer_id__in=ids)
        .select_related("school")
        .order_by("-starts_at")
    ):
        meetings.setdefault(meeting.officer_id, []).append(meeting)
    stages = {}
    for stage in (
        SchoolStage.objects.filter(updated_by_id__in=ids)
        .select_related("school")
        .order_by("-year", "school__name")
    ):
        stages.setdefault(stage.updated_by_id, []).append(stage)
    actions = dict(
        MeetingAction.objects.filter(updated_by_id__in=ids)
        .values_list("updated_by_id")
        .annotate(count=Count("pk"))
        .values_list("updated_by_id", "count")
    )
    found = []
    for user in people:
        own_meetings = meetings.get(user.pk, [])
        own_stages = stages.get(user.pk, [])
        action_count = actions.get(user.pk, 0)
        if not (own_meetings or own_stages or action_count):
            continue
        found.append(
            Held(
                service="attendance",
                kind="meeting",
                reference=str(user.pk),
                description=_(
                    "Named on attendance records. Support meetings as the council officer: "
                    "%(meetings)d; monitoring stages last changed: %(stages)d; agreed "
                    "actions last changed: %(actions)d."
                )
                % {
                    "meetings": len(own_meetings),
                    "stages": len(own_stages),
                    "actions": action_count,
                },
                when=own_meetings[0].starts_at if own_meetings else user.date_joined,
                data={
                    "name": user.get_full_name(),
                    "email": user.email,
                    "support_meetings_as_officer": [
                        {
                            "school": meeting.school.name,
                            "term": f"{meeting.get_term_display()} {year_label(meeting.year)}",
                            "starts_at": meeting.starts_at.isoformat(),
                            "status": meeting.get_status_display(),
                        }
                        for meeting in own_meetings
                    ],
                    "monitoring_stages_last_changed": [
                        {
                            "school": stage.school.name,
                            "year": year_label(stage.year),
                            "stage": stage.get_stage_display(),
                        }
                        for stage in own_stages
                    ],
                    "agreed_actions_last_changed": action_count,
                },
                erase=None,
                kept_because=_(
                    "A record of the council's work with a school, kept for its retention "
                    "period whoever worked on it. It names the person only through their "
                    "sign-in account, which is closed and anonymised as the account's own "
                    "entry says."
                ),
            )
        )
    return found
