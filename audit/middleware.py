"""Whatever a request saves or deletes is recorded in the audit log as done by the user
who made the request. The user is looked up only if something is recorded."""

from .log import acting_as


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(request=request):
            return self.get_response(request)
