"""Where a school finds help for an area of its self-assessment: guidance pages and
training courses that editors have tagged with the area. The self-assessment report asks
for them; each app that offers help registers a function with the hook below, so that
the report imports none of them:

    @hooks.register(HOOK_NAME)
    def upcoming_courses(request, area_ids):
        return [HelpLink(area_id=..., kind="training", title=..., url=..., detail=...), ...]

A function is given the ids of AssessmentArea rows and must answer in a fixed number of
queries, whatever the number of areas.
"""

from dataclasses import dataclass

HOOK_NAME = "register_assessment_area_help"


@dataclass(frozen=True)
class HelpLink:
    area_id: int
    kind: str  # "guidance" or "training"
    title: str
    url: str
    detail: str = ""  # e.g. the next session's date
