"""The agenda the portal prepares for a targeting support meeting: the school's own
figures (its latest attendance for the year so far, persistent and severe absence,
against the council and England for its phase), its stage in the three-stage
monitoring, the actions still open from its earlier meetings, and a section from each
service that answers shared.support_agenda's hook (reduced timetables, referrals, the
self-assessment's priorities). A fixed number of queries, however many pupils,
referrals, areas or actions there are."""

from dataclasses import dataclass, field

from wagtail import hooks

from shared.support_agenda import HOOK_NAME

from .models import MeetingAction, SchoolStage
from .school_figures import latest_period

# What the agenda compares (school_figures.MEASURES names them).
MEASURES = ("attendance_rate", "persistent_rate", "severe_rate")
EARLIER_ACTIONS_SHOWN = 10


@dataclass
class Agenda:
    meeting: object
    period: object = None  # the school's latest school_figures.Period, or None
    rows: list = field(default_factory=list)  # Period.comparisons of MEASURES
    stage: object = None  # this year's SchoolStage, or None
    earlier_actions: list = field(default_factory=list)
    earlier_open: int = 0
    sections: list = field(default_factory=list)  # shared.support_agenda.AgendaSection


def agenda_for(meeting, today):
    school = meeting.school
    agenda = Agenda(meeting=meeting, period=latest_period(school))
    if agenda.period is not None:
        agenda.rows = agenda.period.comparisons(MEASURES)
    agenda.stage = SchoolStage.objects.filter(school=school, year=meeting.year).first()
    earlier = list(
        MeetingAction.objects.filter(
            meeting__school=school,
            meeting__starts_at__lt=meeting.starts_at,
            status__in=MeetingAction.OPEN_STATUSES,
        ).order_by("due_on", "pk")[: EARLIER_ACTIONS_SHOWN + 1]
    )
    agenda.earlier_open = len(earlier)
    if len(earlier) > EARLIER_ACTIONS_SHOWN:
        earlier = earlier[:EARLIER_ACTIONS_SHOWN]
        agenda.earlier_open = MeetingAction.objects.filter(
            meeting__school=school,
            meeting__starts_at__lt=meeting.starts_at,
            status__in=MeetingAction.OPEN_STATUSES,
        ).count()
    agenda.earlier_actions = earlier
    sections = [answer(school, today) for answer in hooks.get_hooks(HOOK_NAME)]
    agenda.sections = sorted(
        (section for section in sections if section is not None),
        key=lambda section: (section.order, section.key),
    )
    return agenda
