"""Settings for `make run` on a developer's or a demonstrator's machine."""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-" + "x" * 40  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `make run HOST=...` serves, and emails links, at PORTAL_BASE_URL's host: accept it.
_base_host = urlsplit(WAGTAILADMIN_BASE_URL).hostname  # noqa: F405
if _base_host and _base_host not in ALLOWED_HOSTS:  # noqa: F405
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _base_host]  # noqa: F405
