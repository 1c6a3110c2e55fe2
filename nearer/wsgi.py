"""WSGI entry point, served by granian (`make run`, production)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")

application = get_wsgi_application()

from nearer.core.logs import startup  # noqa: E402 (needs the settings loaded above)
from nearer.core.warmup import warm_up  # noqa: E402

warm_up()
startup("web")
