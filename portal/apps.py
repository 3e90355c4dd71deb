from django.apps import AppConfig
from django.core import checks

from shared.client_address import check_trusted_proxies


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Partner portal"

    def ready(self):
        checks.register(check_trusted_proxies)
        # Here, not at the top: kept_input imports the auth views' helpers, which need
        # the models loaded.
        from django.contrib.auth.signals import user_logged_in

        from . import kept_input

        user_logged_in.connect(kept_input.on_sign_in, dispatch_uid="kept_input_on_sign_in")
