"""The partner dashboard is a frame; each app fills it with panels.

An app registers a panel with Wagtail's hook registry, as Wagtail's own admin summary
items are registered, so that portal/ imports no feature app:

    @hooks.register("register_partner_dashboard_panel")
    def returns_panel(request):
        return DashboardPanel(...)  # or None to show nothing

A panel is a title, a template and its context; panels are shown by `order`.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK_NAME = "register_partner_dashboard_panel"


@dataclass
class DashboardPanel:
    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


def panels_for(request):
    panels = (make_panel(request) for make_panel in hooks.get_hooks(HOOK_NAME))
    return sorted((panel for panel in panels if panel is not None), key=lambda p: p.order)
