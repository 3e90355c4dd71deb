"""The strategy page's absence chart, fed from the attendance data: guidance draws the
chart and imports no other feature; the attendance app answers this hook with the
council's and England's overall absence by phase for the latest school year it holds:

    @hooks.register(HOOK_NAME)
    def latest_absence():
        return AbsenceYear(year="2025/26", period="Summer 2 2025/26", rows=[...], source=...)

`rows` are AbsenceRow(phase, local, national), percentages as Decimals (None where a
figure is missing). A function returns None when it has no figures.
"""

from dataclasses import dataclass, field

HOOK_NAME = "register_absence_figures"


@dataclass(frozen=True)
class AbsenceRow:
    phase: str
    local: object
    national: object


@dataclass(frozen=True)
class AbsenceYear:
    year: str
    period: str
    rows: list = field(default_factory=list)
    source: str = ""
