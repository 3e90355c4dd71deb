"""Where a school finds help for an area of its self-assessment: guidance pages and
training courses that editors have tagged with the area.

Each app that offers help registers a function with the hook below, so that this app
imports none of them:

    @hooks.register(HOOK_NAME)
    def upcoming_courses(request, area_ids):
        return [HelpLink(area_id=..., kind="training", title=..., url=..., detail=...), ...]

A function is given the ids of AssessmentArea rows and must answer in a fixed number of
queries, whatever the number of areas.
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK_NAME = "register_assessment_area_help"


@dataclass(frozen=True)
class HelpLink:
    area_id: int
    kind: str  # "guidance" or "training"
    title: str
    url: str
    detail: str = ""  # e.g. the next session's date


def help_for(request, area_ids):
    """{area id: [HelpLink, ...]} from every registered source."""
    found = {area_id: [] for area_id in area_ids}
    for source in hooks.get_hooks(HOOK_NAME):
        for link in source(request, list(area_ids)):
            if link.area_id in found:
                found[link.area_id].append(link)
    return found
