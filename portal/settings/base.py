"""Settings shared by every environment. Values that differ between machines come
from the environment, so one build runs on a laptop, in CI and in production."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Local state of the embedded setup: the SQLite file, uploaded media, emails, the cache.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "shared",
    "portal",
    "audit",
    "privacy",
    "home",
    "guidance",
    "forms_app",
    "returns",
    "attendance",
    "penalty_notices",
    "missing_education",
    "self_assessment",
    "training",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "django.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "crispy_forms",
    "crispy_forms_gds",
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security, so pages from the anonymous page cache carry the headers too.
    "portal.security.PortalCSPMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An address without a language prefix goes to the visitor's language (their choice,
    # else their browser's): before the page cache, which would serve the English page.
    "home.localize.PreferredLanguageMiddleware",
    # Before sessions and authentication: a stored page for an anonymous visitor costs
    # no database query at all.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before any view or query: a NUL character or an absurdly long address is refused
    # here, in the visitor's language (after LocaleMiddleware), rather than fail in a query.
    "portal.unusable_input.UnusableInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # What a request saves or deletes is logged as done by its user (audit/).
    "audit.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.security.StaffIdleTimeoutMiddleware",
    "portal.security.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "portal.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite file by default so that a newcomer needs nothing installed; DATABASE_URL points
# at PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        # Keep connections open between requests (checked before reuse): opening one per
        # request costs more than most pages.
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the django-q2 worker write to one file: WAL and immediate
    # transactions stop them failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background work --------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    # A file cache is shared by the web server and the worker on one machine, so a page
    # the worker publishes on schedule empties the page cache the web server reads.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

Q_CLUSTER = {
    "name": "portal",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    "timeout": int(os.environ.get("Q_TIMEOUT", "60")),
    # A task that raises is not acknowledged, so the broker hands it out again after
    # `retry` seconds, up to `max_attempts` times: a failed email is retried, not lost.
    "retry": int(os.environ.get("Q_RETRY", "120")),
    "max_attempts": 5,
    "ack_failures": False,
    "save_limit": 500,
    "catch_up": False,
}
# The task queue lives in the database, with Redis or without: django-q2's Redis broker
# drops a task that raised (its acknowledge does nothing), so a failed email would never be
# retried; the database broker hands it out again (measured: tests/bench/ehe_load.py).
# Q_BROKER=redis opts into Redis where losing a failed task is acceptable.
if REDIS_URL and os.environ.get("Q_BROKER") == "redis":
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Authentication -------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:sign-in"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "/"
# A password reset link lasts an hour; an invitation a week. Both work once.
PASSWORD_RESET_TIMEOUT = 60 * 60
PORTAL_INVITE_TIMEOUT = 7 * 24 * 60 * 60
# A link to manage a training booking works until this many days after its session ends,
# long enough to give feedback and download the certificate (training/links.py).
PORTAL_BOOKING_LINK_DAYS_AFTER = int(os.environ.get("PORTAL_BOOKING_LINK_DAYS_AFTER", "90"))

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours
# Lock the account, not the address: many staff of one school share one public address,
# and locking it would lock out the whole school.
AXES_LOCKOUT_PARAMETERS = ["username"]
# The address each failed attempt is recorded with: the visitor's, behind a proxy too.
AXES_CLIENT_IP_CALLABLE = "shared.client_address.client_address"
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_TEMPLATE = "portal/account/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor sign-in (django-otp): required for staff (anyone who can use the Wagtail
# admin); school users may turn it on. Codes come from an authenticator app (TOTP), with
# single-use recovery codes for a lost phone.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "School attendance portal")
PORTAL_RECOVERY_CODES = 10
# Staff are signed out after this long without doing anything, warned this long before
# (a dialog with "Stay signed in"); what they had typed is kept for them this long, to be
# sent when they sign in again (portal/idle.py, portal/kept_input.py).
PORTAL_STAFF_IDLE_SECONDS = int(os.environ.get("PORTAL_STAFF_IDLE_SECONDS", str(30 * 60)))
PORTAL_STAFF_IDLE_WARNING_SECONDS = int(os.environ.get("PORTAL_STAFF_IDLE_WARNING_SECONDS", "120"))
PORTAL_KEPT_INPUT_SECONDS = int(os.environ.get("PORTAL_KEPT_INPUT_SECONDS", str(24 * 60 * 60)))

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("cy", _("Welsh")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("ur", _("Urdu")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
# A visitor's choice of language (home.localize): kept for a year, so they need not choose
# again; without it, a first visit follows the browser's languages.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Compiled GOV.UK Frontend CSS, its fonts, images and JavaScript (`npm run build`).
STATICFILES_DIRS = [BASE_DIR / "portal" / "static_build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files people upload with forms: outside MEDIA_ROOT, served only through permission checks.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Forms -----------------------------------------------------------------------------
PORTAL_DRAFT_DAYS = 28  # save and come back later: the link works this long
PORTAL_UPLOAD_MAX_BYTES = 7 * 1024 * 1024
# A picture with more pixels is refused (a small file can decode to gigabytes); a docx, xlsx
# or odt whose parts say they unpack to more is refused too (a zip bomb).
PORTAL_UPLOAD_MAX_PIXELS = 40_000_000
PORTAL_UPLOAD_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Virus scanning: a ClamAV daemon's socket path or host:port; empty, no scanning. When set,
# a file clamd cannot scan (down, too slow) is refused too.
PORTAL_CLAMD_ADDRESS = os.environ.get("PORTAL_CLAMD_ADDRESS", "")
PORTAL_CLAMD_TIMEOUT = 30  # seconds
# Submissions are deleted this many days after they were last updated (retention task):
# each journey declares its period (forms_app/journeys/); a service named here overrides
# it for all that service's journeys, e.g. {"licensing": 365 * 4}.
PORTAL_RETENTION_DAYS = {}
# The audit log: who saw and changed those records is kept longer than the records.
PORTAL_AUDIT_RETENTION_DAYS = int(os.environ.get("PORTAL_AUDIT_RETENTION_DAYS", str(365 * 8)))
# Schools' and bookers' own records, deleted (or, for bookings, anonymised) this many days
# after: a return period's due date (its pupils go), an assessment's last activity, a
# training session's end. The purges and the privacy notice both read these numbers.
PORTAL_RECORD_RETENTION_DAYS = {
    "returns": 365 * 6,
    "assessments": 365 * 6,
    "bookings": 365 * 3,
    # Agreed actions naming a pupil (UPN or initials): after their meeting.
    "support_meetings": 365 * 6,
    # A child missing education case: after it was closed (the pupil found, or not).
    "missing_education": 365 * 6,
    # The penalty notice register: after the notice was issued (longer than the three
    # years in which a notice counts towards the limit of two).
    "penalty_notices": 365 * 6,
}
# Three-stage attendance monitoring (Oxfordshire's model; attendance/stages.py): a school
# whose attendance for the year so far is under STAGE_1_BELOW is flagged for a stage 1
# audit; under STAGE_2_BELOW, or with more than PERSISTENT_ABOVE % of its pupils
# persistently absent, an audit leads on to stage 2 follow-up meetings. Percentages.
ATTENDANCE_STAGE_1_BELOW = float(os.environ.get("ATTENDANCE_STAGE_1_BELOW", "94"))
ATTENDANCE_STAGE_2_BELOW = float(os.environ.get("ATTENDANCE_STAGE_2_BELOW", "92"))
ATTENDANCE_PERSISTENT_ABOVE = float(os.environ.get("ATTENDANCE_PERSISTENT_ABOVE", "20"))
# Imports of attendance figures (attendance/imports.py): the largest file taken, the
# most rows, and the council's new local authority code, which picks its own rows out
# of the DfE's local authority and school-level files.
ATTENDANCE_IMPORT_MAX_BYTES = int(os.environ.get("ATTENDANCE_IMPORT_MAX_BYTES", 20 * 1024 * 1024))
ATTENDANCE_IMPORT_MAX_ROWS = int(os.environ.get("ATTENDANCE_IMPORT_MAX_ROWS", "100000"))
ATTENDANCE_LA_CODE = os.environ.get("ATTENDANCE_LA_CODE", "E10000031")
# Agreed actions of targeting support meetings are reminded to the school this many days
# after their due date while still open, and again each week.
ATTENDANCE_ACTION_REMINDER_DAYS = 1
# Public submissions allowed from one address per hour (spam and abuse).
PORTAL_SUBMISSIONS_PER_HOUR = int(os.environ.get("PORTAL_SUBMISSIONS_PER_HOUR", "20"))
# Who may name the visitor in X-Forwarded-For (shared/client_address.py): empty for none
# (the portal serves visitors directly), a number of proxies in a chain ("1" behind one
# TLS proxy), or their addresses and networks ("10.0.0.0/8, 192.0.2.7"). The submissions
# limit, the sign-in lockout and the audit log all count by the address it gives.
PORTAL_TRUSTED_PROXIES = os.environ.get("PORTAL_TRUSTED_PROXIES", "")
# Each service's inbox, told of every new submission.
PORTAL_SERVICE_INBOXES = {
    "ehe": os.environ.get("PORTAL_EHE_INBOX", "ehe@portal.invalid"),
    "licensing": os.environ.get("PORTAL_LICENSING_INBOX", "licensing@portal.invalid"),
    "attendance": os.environ.get("PORTAL_ATTENDANCE_INBOX", "attendance@portal.invalid"),
    "pupil_tracking": os.environ.get(
        "PORTAL_PUPIL_TRACKING_INBOX", "pupil.tracking@portal.invalid"
    ),
}
# Children's Wellbeing and Schools Act 2026: off until its sections commence.
PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER = env_bool("PORTAL_CHILDREN_NOT_IN_SCHOOL_REGISTER")
# Child employment (byelaws today): the latest time a child may work, and whether Sundays
# have their own 2-hour limit. CWSA 2026 s28 moves the latest time to "20:00" once it
# commences; national regulations may change the Sunday rule.
PORTAL_EMPLOYMENT_LATEST = os.environ.get("PORTAL_EMPLOYMENT_LATEST", "19:00")
PORTAL_EMPLOYMENT_SUNDAY_RULE = env_bool("PORTAL_EMPLOYMENT_SUNDAY_RULE", True)
# Chaperones (local practice): the youngest age the council approves (18; 21 in some
# councils), and the oldest enhanced DBS certificate it accepts, in years from its issue
# (any age when it is on the DBS update service).
PORTAL_CHAPERONE_MINIMUM_AGE = int(os.environ.get("PORTAL_CHAPERONE_MINIMUM_AGE", "18"))
PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS = int(os.environ.get("PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS", "3"))
# School attendance penalty notices (national framework from 19 August 2024): amounts in
# pounds, days to pay, how many notices a parent may have for one child in the period,
# and the threshold for considering one. The law changes: change them here, not in code.
PORTAL_PENALTY_NOTICE = {
    "first_reduced_amount": 80,
    "reduced_days": 21,
    "full_amount": 160,
    "full_days": 28,
    "repeat_amount": 160,
    "most_notices_in_period": 2,
    "period_years": 3,
    "threshold_sessions": 10,
    "threshold_weeks": 10,
}
# Reduced-timetable returns: outstanding schools are reminded this many days from the due
# date (negative: before it), once per step.
PORTAL_RETURN_REMINDER_DAYS = [
    int(days) for days in env_list("PORTAL_RETURN_REMINDER_DAYS", "-7,-1,3,10")
]

# The council's term dates (local practice; a council sets its own each year). Each term
# is two half terms, (first day, last day); weeks outside them are holidays. The referral
# threshold counts school weeks from these, and a reduced timetable "running past two
# terms" is judged against them.
PORTAL_TERMS = [
    ("Autumn 2025", [("2025-09-03", "2025-10-24"), ("2025-11-03", "2025-12-19")]),
    ("Spring 2026", [("2026-01-05", "2026-02-13"), ("2026-02-23", "2026-03-27")]),
    ("Summer 2026", [("2026-04-13", "2026-05-22"), ("2026-06-01", "2026-07-22")]),
    ("Autumn 2026", [("2026-09-02", "2026-10-23"), ("2026-11-02", "2026-12-18")]),
    ("Spring 2027", [("2027-01-04", "2027-02-12"), ("2027-02-22", "2027-03-25")]),
    ("Summer 2027", [("2027-04-12", "2027-05-28"), ("2027-06-07", "2027-07-21")]),
    ("Autumn 2027", [("2027-09-02", "2027-10-22"), ("2027-11-01", "2027-12-17")]),
    ("Spring 2028", [("2028-01-04", "2028-02-11"), ("2028-02-21", "2028-03-31")]),
    ("Summer 2028", [("2028-04-18", "2028-05-26"), ("2028-06-05", "2028-07-21")]),
]

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "attendance@portal.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "School attendance portal"
# Staff sign in to the admin with their email address, as everyone does (portal/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.AdminSignInForm"
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Full-text search in the database: SQLite's FTS5 by default; on PostgreSQL its own text
# search (django.contrib.postgres, added above), with the GIN indexes of Wagtail's
# migrations and guidance's (0008_search_indexes). English stemming ("penalties" finds
# "penalty") whatever the server's default_text_search_config, which some managed
# PostgreSQL services set to "simple"; after changing it, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A new translation is a draft, live only once approved through the moderation workflow,
# as any page is (home/translation_moderation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from a third party: a Gravatar request tells it which staff use the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Anonymous visitors get pages from the cache for this long at most; publishing
# anything empties it at once (home/page_cache.py).
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "300"))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The portal's own pages need nothing but their own scripts, styles and images: no inline
# script, no inline style attributes. The Wagtail admin gets a little more (security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Features no page of the portal uses, switched off for every page (and anything framed).
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail's background tasks log every run at INFO; keep the console readable.
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
