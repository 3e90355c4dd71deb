"""Help for each area of a school's report, from every app registered with the hook in
shared/help_links.py."""

from wagtail import hooks

from shared.help_links import HOOK_NAME


def help_for(request, area_ids):
    """{area id: [HelpLink, ...]} from every registered source."""
    found = {area_id: [] for area_id in area_ids}
    for source in hooks.get_hooks(HOOK_NAME):
        for link in source(request, list(area_ids)):
            if link.area_id in found:
                found[link.area_id].append(link)
    return found
