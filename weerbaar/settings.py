"""Django settings for Weerbaar.

Everything comes from environment variables (documented in docs/settings.md). With nothing
set, Weerbaar runs in development mode on an SQLite file in ``var/``; ``DATABASE_URL`` switches
to PostgreSQL and ``REDIS_URL`` moves the job queue to Redis.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.contrib.messages import constants as message_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from weerbaar.lib.env import Env

env = Env()
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.str("WEERBAAR_VAR_DIR", str(BASE_DIR / "var")))

# pytest imports itself before Django reads settings; servers and commands never do.
TESTING = "pytest" in sys.modules

ENVIRONMENT = env.choice("WEERBAAR_ENVIRONMENT", "development", ("development", "production"))
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env.bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be false when WEERBAAR_ENVIRONMENT is production.")

_DEV_SECRET_KEY = "development-only-key-never-use-in-production-" + "x" * 20
SECRET_KEY = env.str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET_KEY)
if PRODUCTION and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host(s) Weerbaar is served on.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.url(
    "SITE_URL",
    "https://" + ALLOWED_HOSTS[0] if PRODUCTION else "http://127.0.0.1:8000",
    schemes=("http", "https"),
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "huey.contrib.djhuey",
    "axes",
    "csp",
    "weerbaar.components",
    "weerbaar.audit",
    "weerbaar.coalitions",
    "weerbaar.accounts",
    "weerbaar.partners",
    "weerbaar.covenant",
    "weerbaar.knowledge",
    "weerbaar.interventions",
    "weerbaar.events",
    "weerbaar.referrals",
    "weerbaar.updates",
    "weerbaar.trends",
    "weerbaar.dashboard",
    "weerbaar.signals",
    "weerbaar.campaigns",
    "weerbaar.newsflash",
    "weerbaar.blueprint",
    "weerbaar.dev",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "weerbaar.lib.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "weerbaar.accounts.middleware.AccessPolicyMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "weerbaar.urls"
WSGI_APPLICATION = "weerbaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "weerbaar.coalitions.context_processors.coalition",
            ],
            "builtins": ["django.templatetags.i18n", "weerbaar.components.templatetags.components"],
        },
    },
]

# Database: an SQLite file by default (zero setup); DATABASE_URL for PostgreSQL.
VAR_DIR.mkdir(parents=True, exist_ok=True)
_database_url = env.url(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'weerbaar.sqlite3'}",
    schemes=("sqlite", "postgres", "postgresql"),
)
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs: Django's Tasks API, executed by huey.
REDIS_URL = env.url("REDIS_URL", "", schemes=("redis", "rediss", "unix"))
TASKS = {"default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}}
HUEY: dict[str, object] = {
    "name": "weerbaar",
    "immediate": TESTING and not env.bool("WEERBAAR_TEST_REAL_QUEUE", False),
    "utc": True,
    "consumer": {
        "workers": env.int("WORKER_THREADS", 2, minimum=1),
        "worker_type": "thread",
        "periodic": True,
    },
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "connection": {"url": REDIS_URL}})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "jobs.sqlite3")})

# Cache: per process by default; shared through Redis when REDIS_URL is set.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# With Redis, sessions are read from the shared cache and written through to the database, so
# a logout in one process ends the session in all of them. A per-process cache could not.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", 0 if TESTING else 60, minimum=0)

# Accounts and login.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "platform_home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "weerbaar.accounts.passwords.LengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", 14, minimum=1)
# How long an unfinished blueprint wizard stays behind its private link after the last answer.
BLUEPRINT_VALID_DAYS = env.int("BLUEPRINT_VALID_DAYS", 60, minimum=1)
# Largest attachment of a knowledge item, in megabytes.
KNOWLEDGE_ATTACHMENT_MAX_MB = env.int("KNOWLEDGE_ATTACHMENT_MAX_MB", 20, minimum=1)
# Signals (weerbaar/signals): intake, classification, clusters, triage, retention.
SIGNAL_TEXT_MAX_LENGTH = env.int("SIGNAL_TEXT_MAX_LENGTH", 5000, minimum=100)
# Below this top probability (percent) the analyst picks a theme without a pre-selection.
SIGNAL_THEME_CONFIDENCE_PERCENT = env.int("SIGNAL_THEME_CONFIDENCE_PERCENT", 20, minimum=0)
SIGNAL_CLUSTER_WINDOW_DAYS = env.int("SIGNAL_CLUSTER_WINDOW_DAYS", 90, minimum=1)
# Text similarity (percent): at or above HIGH a signal joins a cluster by itself; between LOW
# and HIGH the analyst is asked to confirm.
SIGNAL_CLUSTER_HIGH_PERCENT = env.int("SIGNAL_CLUSTER_HIGH_PERCENT", 60, minimum=1)
SIGNAL_CLUSTER_LOW_PERCENT = env.int("SIGNAL_CLUSTER_LOW_PERCENT", 35, minimum=1)
if not SIGNAL_CLUSTER_LOW_PERCENT <= SIGNAL_CLUSTER_HIGH_PERCENT <= 100:
    raise ImproperlyConfigured(
        "Need SIGNAL_CLUSTER_LOW_PERCENT <= SIGNAL_CLUSTER_HIGH_PERCENT <= 100."
    )
# Triage deadline in working days per urgency (acute: the same day).
SIGNAL_DEADLINE_WORKING_DAYS = {
    "acute": 0,
    "urgent": env.int("SIGNAL_DEADLINE_URGENT_DAYS", 2, minimum=0),
    "concern": env.int("SIGNAL_DEADLINE_CONCERN_DAYS", 10, minimum=0),
}
# Closed signals and their history are deleted this many months after closing.
SIGNAL_RETENTION_MONTHS = env.int("SIGNAL_RETENTION_MONTHS", 24, minimum=1)
# How long the link in the mail that confirms a visitor's event registration works, in hours.
EVENT_CONFIRMATION_HOURS = env.int("EVENT_CONFIRMATION_HOURS", 48, minimum=1)
# Days a closed or withdrawn referral is kept before it is deleted (a deletion row remains).
REFERRAL_RETENTION_DAYS = env.int("REFERRAL_RETENTION_DAYS", 180, minimum=1)

# Trend monitor feeds: seconds before a fetch gives up, the largest feed read, and whether
# addresses on a local network may be fetched (only for tests and closed installations).
TRENDS_FEED_TIMEOUT = env.int("TRENDS_FEED_TIMEOUT", 10, minimum=1)
TRENDS_FEED_MAX_BYTES = env.int("TRENDS_FEED_MAX_BYTES", 2_000_000, minimum=1000)
TRENDS_FEED_ALLOW_PRIVATE = env.bool("TRENDS_FEED_ALLOW_PRIVATE", False)
SESSION_COOKIE_AGE = 60 * 60 * 10
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out address may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "weerbaar.accounts.throttling.get_axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env.bool("LOGIN_THROTTLING", True)

OTP_TOTP_ISSUER = "Weerbaar"

# Login through the municipality's own identity provider (OpenID Connect), off by default.
OIDC_ENABLED = env.bool("OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("weerbaar.accounts.oidc.WeerbaarOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", "")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = env.choice("OIDC_RP_SIGN_ALGO", "RS256", ("RS256", "HS256"))
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.url(
        "OIDC_OP_AUTHORIZATION_ENDPOINT", "", schemes=("https",)
    )
    OIDC_OP_TOKEN_ENDPOINT = env.url("OIDC_OP_TOKEN_ENDPOINT", "", schemes=("https",))
    OIDC_OP_USER_ENDPOINT = env.url("OIDC_OP_USER_ENDPOINT", "", schemes=("https",))
    OIDC_OP_JWKS_ENDPOINT = env.url("OIDC_OP_JWKS_ENDPOINT", "", schemes=("https",))
    OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", False)
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
        )
        if not globals()[name]
    ]
    if _missing:
        raise ImproperlyConfigured(f"OIDC_ENABLED is on but {', '.join(_missing)} is not set.")

# Language: Dutch first, English complete.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "weerbaar" / "locale"]
LANGUAGE_COOKIE_NAME = "weerbaar_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files, served by whitenoise with hashed names outside tests.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING or DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"

# Utrecht's alert has an "ok" style, not "success".
MESSAGE_TAGS = {message_constants.SUCCESS: "ok"}

# Mail: printed on the console in development, SMTP in production.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Weerbaar <noreply@localhost>")
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)

# Security headers. HSTS and secure cookies only make sense behind HTTPS (production).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = PRODUCTION and env.bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
if env.bool("BEHIND_PROXY", PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF] + ([env.str("OIDC_FORM_ACTION", "")] if OIDC_ENABLED else []),
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # run_huey attaches its own console handler; propagating would print every line twice.
        "huey": {"level": "INFO", "propagate": False},
    },
}

if TESTING:
    # Uploaded files of tests go to a throw-away folder, never into var/media.
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="weerbaar-test-media-"))
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
