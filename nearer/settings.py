"""Nearer's settings.

Everything that differs between a laptop and a server comes from the environment (see
``nearer/env.py`` and the README). The embedded default needs no configuration at all:
SQLite, the database task backend and generated keys, all inside one data folder.
"""

from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.utils.csp import CSP

from nearer import datafolder
from nearer.crypto import check_server_keys
from nearer.env import (
    env,
    env_bool,
    env_int,
    env_list,
    env_required,
    generated_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = datafolder.prepare(Path(env("NEARER_DATA_DIR") or BASE_DIR / "data").resolve())

NEARER_ENV = env("NEARER_ENV", "development")
if NEARER_ENV not in ("development", "production", "test"):
    raise ValueError(f"NEARER_ENV must be development, production or test, not {NEARER_ENV!r}")
PRODUCTION = NEARER_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY", "a long random string, e.g. `openssl rand -hex 32`")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        env_required("ALLOWED_HOSTS", "the host names this server answers to, comma-separated")
    NEARER_SERVER_KEYS = env_list("NEARER_SERVER_KEY")
    if not NEARER_SERVER_KEYS:
        env_required("NEARER_SERVER_KEY", "a Fernet key that wraps every user's data key")
    DEBUG = env_bool("DEBUG", False)
else:
    SECRET_KEY = env("SECRET_KEY") or generated_secret(DATA_DIR / "secret_key")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    NEARER_SERVER_KEYS = env_list("NEARER_SERVER_KEY") or [
        generated_secret(DATA_DIR / "server_key", factory=lambda: Fernet.generate_key().decode())
    ]
    DEBUG = env_bool("DEBUG", NEARER_ENV == "development")
# A malformed key stops the app here, not at the first encrypted read.
NEARER_SERVER_KEYS = check_server_keys(NEARER_SERVER_KEYS)

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

INSTALLED_APPS = [
    "nearer.accounts",
    "nearer.core",
    "nearer.couples",
    "nearer.library",
    "nearer.timeline",
    "nearer.plans",
    "nearer.safety",
    "nearer.audit",
    "nearer.datarights",
    "nearer.questions",
    "nearer.notes",
    "nearer.checkins",
    "nearer.talks",
    "nearer.progress",
    "nearer.background",
    # time together
    "nearer.dates",
    "nearer.reminders",
    # deeper work (issue 12)
    "nearer.journal",
    "nearer.desires",
    "nearer.cycle",
    "nearer.trust",
    "nearer.recovery",
    "nearer.dreams",
    "nearer.core.admin_config.NearerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nearer.core.middleware.FailedRequestLogMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "nearer.core.middleware.RejectNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nearer.accounts.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "nearer.core.middleware.PrivateCacheMiddleware",
]

ROOT_URLCONF = "nearer.urls"
WSGI_APPLICATION = "nearer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "nearer" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nearer.core.context_processors.nearer",
                "nearer.accounts.outbox.context",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------------------

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=0, conn_health_checks=True)
    if _db["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", True):
        _db.setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": env_int("DATABASE_POOL_SIZE", 10),
        }
    DATABASES = {"default": _db}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": datafolder.private_file(DATA_DIR / "nearer.sqlite3"),
            # Each web thread keeps its connection (opening one and setting the pragmas
            # below cost more than most pages' queries); checked before reuse.
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # IMMEDIATE takes the write lock when a transaction starts, so two writers
                # queue instead of failing with "database is locked" half-way through.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    # Deleted rows are overwritten with zeros, not left in free pages: with
                    # the WAL checkpoint after a purge, a deleted key is gone from the files.
                    "PRAGMA secure_delete=ON;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work --------------------------------------------------------------------

TASKS_BACKEND = env("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "redis":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    # django-tasks-rq's backend, with run_after rounded up to RQ's whole seconds.
    TASKS = {"default": {"BACKEND": "nearer.background.backends.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": env_required("REDIS_URL", "TASKS_BACKEND=redis needs Redis")}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ValueError(f"TASKS_BACKEND must be database, redis or immediate, not {TASKS_BACKEND!r}")

# --- Accounts ---------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "nearer.accounts.hashers.OneLaneArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "landing"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# Mandatory verification is what lets signup, login and password reset answer the same way
# whether or not an address has an account (nobody can probe who uses Nearer).
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
if ACCOUNT_EMAIL_VERIFICATION not in ("mandatory", "optional", "none"):
    raise ValueError(
        "ACCOUNT_EMAIL_VERIFICATION must be mandatory, optional or none, "
        f"not {ACCOUNT_EMAIL_VERIFICATION!r}"
    )
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "nearer.accounts.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "nearer.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Changing the email address (like MFA, export, deletion, API tokens) asks for the password again.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
    # Nearer's own (nearer/core/ratelimits.py):
    "nearer_join": "20/m/ip,10/h/user",
    "nearer_token_create": "10/h/user",
    "nearer_api_token_failed": "20/m/ip",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Nearer] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Nearer"
# Sessions are listed so people can end them, but nobody's activity is tracked.
USERSESSIONS_TRACK_ACTIVITY = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# --- E-mail -----------------------------------------------------------------------------

EMAIL_URL = env("EMAIL_URL")
if EMAIL_URL:
    from nearer.email_url import parse_email_url

    vars().update(parse_email_url(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "emails"
# In development without EMAIL_URL, those files are readable at /dev/outbox/ (linked from
# "check your email"), so trying everything needs no SMTP server.
NEARER_DEV_OUTBOX = NEARER_ENV == "development" and not EMAIL_URL
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Nearer <nearer@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time ------------------------------------------------------------------

LANGUAGE_CODE = "en"
# Each language in its own name, so anyone can find theirs (design: two languages).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "nearer" / "locale"]
USE_I18N = True
# Dates written the way each language writes them (nearer/formats).
FORMAT_MODULE_PATH = ["nearer.formats"]
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing

# --- Security headers -------------------------------------------------------------------

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^healthz/ready$"]

# --- Nearer -----------------------------------------------------------------------------

NEARER_INVITE_DAYS = 7
NEARER_QUICK_EXIT_URL = env("NEARER_QUICK_EXIT_URL", "https://www.wikipedia.org/")
# A failed CSRF check gets Nearer's own page, with the quick exit and a way back.
CSRF_FAILURE_VIEW = "nearer.core.errors.csrf_failure"
NEARER_CONTENT_DIR = BASE_DIR / "content"
NEARER_SAFETY_RESOURCES = env("NEARER_SAFETY_RESOURCES") or str(
    NEARER_CONTENT_DIR / "safety" / "resources.yaml"
)
# Where to find a therapist, per country (nearer/progress, the help page).
NEARER_HELP_DIRECTORIES = env("NEARER_HELP_DIRECTORIES") or str(
    NEARER_CONTENT_DIR / "help" / "directories.yaml"
)
NEARER_SIGNUP_OPEN = env_bool("NEARER_SIGNUP_OPEN", True)
# The web push (VAPID) private key file, generated on first use (unset: vapid_private.pem
# in the data folder). Several app servers and workers must read the same file, or
# browsers' subscriptions stop matching.
NEARER_VAPID_KEY_FILE = env("NEARER_VAPID_KEY_FILE")

# --- Operations (nearer/core/client.py, nearer/core/logs.py, nearer/background/) -------

# How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the
# connecting address is the client). Rate limits, the security log and allauth use it.
NEARER_TRUSTED_PROXY_COUNT = env_int("NEARER_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = NEARER_TRUSTED_PROXY_COUNT
if NEARER_TRUSTED_PROXY_COUNT < 0:
    raise ValueError("NEARER_TRUSTED_PROXY_COUNT must be 0 or more")
# /healthz/ready answers local requests, or anyone sending "Authorization: Bearer <token>".
NEARER_HEALTH_TOKEN = env("NEARER_HEALTH_TOKEN", "")
NEARER_WORKER_SILENCE = 5 * 60  # seconds without a heartbeat before /healthz/ready says 503
NEARER_BEAT_INTERVAL = float(env("NEARER_BEAT_INTERVAL", "5"))
NEARER_LOG_FORMAT = env("NEARER_LOG_FORMAT", "text")
if NEARER_LOG_FORMAT not in ("text", "json"):
    raise ValueError(f"NEARER_LOG_FORMAT must be text or json, not {NEARER_LOG_FORMAT!r}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"()": "nearer.core.logs.PlainFormatter"},
        "json": {"()": "nearer.core.logs.JsonLineFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": NEARER_LOG_FORMAT},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Failing requests are logged once, by nearer.requests, without query strings.
        "django.request": {"handlers": ["null"], "propagate": False},
        "django.server": {"level": "WARNING"},
        # Task lifecycles are logged by nearer.tasks (ids and paths; errors without messages).
        "django.tasks": {"handlers": ["null"], "propagate": False},
        "django_tasks": {"handlers": ["null"], "propagate": False},
    },
}
