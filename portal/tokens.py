"""One-time links. An invitation link lets a new school user choose a password; it
cannot be used as a password-reset link or the other way round (different salts), and
either stops working once the password is set, because the password is in the hash."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InviteTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "portal.tokens.InviteTokenGenerator"

    def check_token(self, user, token):
        # As Django's, but with the invitation's own lifetime, not a password reset's.
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token):
                break
        else:
            return False
        return (self._num_seconds(self._now()) - ts) <= settings.PORTAL_INVITE_TIMEOUT


invite_tokens = InviteTokenGenerator()
