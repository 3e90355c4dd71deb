"""The services whose records the portal holds, by code and name, for the layers that may
not import the app that defines them (the audit log's filter, subject access's results).
The core gives them through the "register_services" hook: a function returning
{code: name}; the codes are those records carry (Submission.service, the audit log's
service)."""

from wagtail import hooks

HOOK_NAME = "register_services"


def service_names():
    """{code: name} of every service, in the hooks' order."""
    names = {}
    for give in hooks.get_hooks(HOOK_NAME):
        names.update(give())
    return names
