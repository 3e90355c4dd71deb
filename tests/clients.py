"""The test client the suite uses: a staff user signed in with force_login also gives a
second factor, through the real verify page, as a person would after signing in."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import two_factor


def recovery_code(user):
    """A fresh single-use recovery code for the user (made as the set-up page makes them),
    who has an authenticator app set up."""
    TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Authenticator app"}
    )
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    code = StaticToken.random_token()
    StaticToken.objects.create(device=device, token=code)
    return code


class PortalClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if two_factor.required_for(user):
            self.give_second_factor(user)

    def give_second_factor(self, user):
        response = self.post(reverse("portal:two-factor-verify"), {"code": recovery_code(user)})
        assert response.status_code == 302, "the second factor was not accepted"
