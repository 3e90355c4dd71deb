"""The Wagtail admin's permission policy for a service's records: Django's permissions,
held by an officer of that service (portal.access), with some actions refused to
everyone (a record that is closed rather than deleted, opened by the portal rather than
added by hand). Every app registers its models with it rather than writing its own."""

from wagtail.permission_policies import ModelPermissionPolicy

from . import access


class ServicePolicy(ModelPermissionPolicy):
    def __init__(self, model, service, refused=()):
        super().__init__(model)
        self.service = service
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        if action in self.refused or self.service not in access.services_for(user):
            return False
        return super().user_has_permission(user, action)
