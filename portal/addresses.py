"""An address a request names (a `next`, a Referer, a form's page) followed only when it
is on this site: the one check for the sign-in, the second factor, the language switcher
and the idle sign-out, so none of them can be made to send a visitor elsewhere."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def same_site_path(request, url):
    """The path (and query) of an address on this site, else None."""
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(url)
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
