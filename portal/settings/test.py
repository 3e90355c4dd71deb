"""Settings for the test suite: fast hashing, synchronous tasks, emails kept in memory."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret-" + "x" * 40
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in the calling process, so a test sees their effect at once.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each pytest-xdist worker (PYTEST_XDIST_WORKER: gw0, gw1, ...) keeps its files apart.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = VAR_DIR / "test-media" / _worker  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private" / _worker  # noqa: F405
# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
