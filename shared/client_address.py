"""The visitor's address, the same for the submissions limit, the sign-in lockout and the
audit log.

Behind a TLS proxy every connection comes from the proxy, which names the visitor in
X-Forwarded-For, appending the address it was connected from to what the request already
carried. Only what a trusted proxy appended can be believed: the left-hand entries are
whatever the client chose to send. PORTAL_TRUSTED_PROXIES says who is trusted:

- empty (the default): no proxy; the connection's own address, the header ignored;
- a number N: N proxies in a chain in front of the portal; the visitor is the Nth entry
  from the right (the connection being the last proxy);
- addresses or networks ("10.0.0.0/8, 192.0.2.7"): walking from the connection leftwards,
  the first address that is not a trusted proxy is the visitor.
"""

import functools
import ipaddress

from django.conf import settings
from django.core.checks import Error


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


@functools.lru_cache(maxsize=8)
def trusted_proxies(setting):
    """(count, networks) from the setting's text: a number, or addresses and networks.
    A ValueError names what is not an address (the settings check reports it)."""
    setting = str(setting or "").strip()
    if not setting:
        return 0, ()
    if setting.isdigit():
        return int(setting), ()
    parts = [part.strip() for part in setting.split(",") if part.strip()]
    return 0, tuple(ipaddress.ip_network(part, strict=False) for part in parts)


def _resolve(remote, forwarded, count, networks):
    connection = _address(remote)
    if connection is None:
        return None  # no address at all (a test, a unix socket with no proxy)
    hops = [part for part in (forwarded or "").split(",") if part.strip()]
    if count:
        # The connection is the last proxy; the ones before it appended the rest.
        if len(hops) < count:
            return str(connection)  # came round the proxies: trust nothing it sent
        visitor = _address(hops[len(hops) - count])
        return str(visitor) if visitor else str(connection)
    if not networks:
        return str(connection)
    current = connection
    for hop in reversed(hops):
        if not any(current in network for network in networks):
            break  # current did not come through a trusted proxy: it is the visitor
        previous = _address(hop)
        if previous is None:
            break  # a proxy would not write this: stop at the last address we believe
        current = previous
    return str(current)


def client_address(request):
    """The visitor's address as a string, or None if there is none."""
    count, networks = trusted_proxies(settings.PORTAL_TRUSTED_PROXIES)
    return _resolve(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        count,
        networks,
    )


def check_trusted_proxies(app_configs=None, **kwargs):
    """A system check: a mistyped PORTAL_TRUSTED_PROXIES stops the portal at start-up,
    rather than at the first request."""
    try:
        trusted_proxies(settings.PORTAL_TRUSTED_PROXIES)
    except ValueError as error:
        return [Error(f"PORTAL_TRUSTED_PROXIES: {error}", id="portal.E010")]
    return []
