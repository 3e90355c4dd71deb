from django.apps import AppConfig
from django.core import checks

from shared.client_address import check_trusted_proxies


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Partner portal"

    def ready(self):
        checks.register(check_trusted_proxies)
