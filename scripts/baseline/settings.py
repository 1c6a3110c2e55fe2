"""The floor for `make bench`: a bare Django project, as `startproject` makes it.

One template view (``/``) behind the default middleware, served by granian exactly like
Nearer, so the benchmark can say what fraction of the framework's own throughput each page
reaches. ``/`` touches no database: the benchmark sends it no cookie, so the session is never
read.

With ``BASELINE_DB`` (a file path) the project also has what any signed-in page needs and
nothing more: a SQLite database set up as Nearer's (WAL, kept connections), sessions in it
as `startproject` has them, and ``/signed-in/``, the same template behind
``login_required``. That is the framework's own floor for a page of a signed-in person: the
session and the user are read, and nothing else.
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECRET_KEY = os.environ.get("SECRET_KEY") or "baseline-only-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "scripts.baseline.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "scripts.baseline.wsgi.application"
DATABASES = {}
if os.environ.get("BASELINE_DB"):
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["BASELINE_DB"],
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;",
        },
    }
USE_TZ = True
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if not DATABASES:  # no database at all: sessions in signed cookies
    SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
