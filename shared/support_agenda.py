"""What a targeting support meeting's agenda draws from other services: the school's
pupils on reduced timetables (returns), its open referrals (forms_app) and the priorities
of its latest self-assessment (self_assessment). The attendance app prepares the agenda
and imports none of them; each registers a function with this hook:

    @hooks.register(HOOK_NAME)
    def reduced_timetables(school, today):
        return AgendaSection(key="returns", title=..., lines=[...], count=..., url=...)

A function is given a portal School and today's date, returns an AgendaSection or None,
and answers in a fixed number of queries. `lines` never name a pupil: initials, year
group, dates and counts only, for the agenda is read by everyone at the meeting.
"""

from dataclasses import dataclass, field

HOOK_NAME = "register_support_meeting_agenda"


@dataclass(frozen=True)
class AgendaSection:
    key: str  # "returns", "referrals", "self_assessment"
    title: str
    count: int  # how many things the section is about (pupils, referrals, priorities)
    lines: list = field(default_factory=list)  # short texts, at most 10
    url: str = ""  # where an officer reads more (may be empty)
    order: int = 100
