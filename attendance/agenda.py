"""The agenda the portal prepares for a targeting support meeting: the school's own
figures (its latest attendance for the year so far, persistent and severe absence,
against the council and England for its phase), its stage in the three-stage
monitoring, the actions still open from its earlier meetings, and a section from each
service that answers shared.support_agenda's hook (reduced timetables, referrals, the
self-assessment's priorities). A fixed number of queries, however many pupils,
referrals, areas or actions there are."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shared.support_agenda import HOOK_NAME

from . import stages
from .models import AreaFigures, MeetingAction, SchoolFigures, SchoolStage

MEASURES = (
    ("attendance_rate", _("Attendance")),
    ("persistent_rate", _("Persistent absence (10% or more missed)")),
    ("severe_rate", _("Severe absence (50% or more missed)")),
)
EARLIER_ACTIONS_SHOWN = 10


@dataclass(frozen=True)
class FigureRow:
    label: str
    school: object
    council: object
    england: object


@dataclass
class Agenda:
    meeting: object
    figures: object = None  # the school's latest SchoolFigures, or None
    rows: list = field(default_factory=list)  # FigureRows
    phase_label: str = ""
    flagged: bool = False  # under the stage 1 threshold
    stage: object = None  # this year's SchoolStage, or None
    earlier_actions: list = field(default_factory=list)
    earlier_open: int = 0
    sections: list = field(default_factory=list)  # shared.support_agenda.AgendaSection


def _area_figures(school, figures):
    """{area: figures} for the school's phase, where held, else for all schools."""
    rows = AreaFigures.objects.filter(
        year=figures.year, half=figures.half, phase__in=[school.phase, AreaFigures.ALL_SCHOOLS]
    )
    found = {}
    for row in sorted(rows, key=lambda row: row.phase == AreaFigures.ALL_SCHOOLS):
        found.setdefault(row.area, row)
    return found


def agenda_for(meeting, today):
    school = meeting.school
    agenda = Agenda(meeting=meeting)
    figures = SchoolFigures.objects.filter(school=school).order_by("-year", "-half").first()
    if figures is not None:
        areas = _area_figures(school, figures)
        council, england = areas.get(AreaFigures.Area.COUNCIL), areas.get(AreaFigures.Area.NATIONAL)
        agenda.figures = figures
        agenda.flagged = stages.flag_for_audit(figures.attendance_rate)
        agenda.phase_label = school.get_phase_display()
        agenda.rows = [
            FigureRow(
                label,
                getattr(figures, name),
                getattr(council, name, None),
                getattr(england, name, None),
            )
            for name, label in MEASURES
        ]
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
