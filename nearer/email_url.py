"""Turn ``EMAIL_URL`` (``smtp://user:password@host:587?tls=true``) into Django settings."""

from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def parse_email_url(url: str) -> dict:
    parts = urlparse(url)
    if parts.scheme not in ("smtp", "smtps", "console", "file"):
        raise ImproperlyConfigured(
            "EMAIL_URL must start with smtp://, smtps://, console:// or file://, "
            f"not {parts.scheme!r}"
        )
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parts.path,
        }
    query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    use_ssl = parts.scheme == "smtps" or query.get("ssl") == "true"
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if use_ssl else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_USE_TLS": not use_ssl and query.get("tls", "true") == "true",
        "EMAIL_TIMEOUT": 15,
    }
