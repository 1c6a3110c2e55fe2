"""What a web process reads once: done before it serves, not during someone's first request.

Without this, the first request to each new process imported every view module (the URL
configuration is read lazily), parsed the plans, scales and safety files and compiled the
templates: about five seconds on the 2-core benchmark machine, and with 16 threads arriving
at once, each thread did it at the same time. ``nearer/wsgi.py`` calls :func:`warm_up` at
start. It reads files only, never the database, so a server starts even before ``migrate``.
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.loader import get_template
from django.urls import get_resolver

logger = logging.getLogger(__name__)


def warm_up() -> float:
    """Load the URL configuration and the content files every process keeps; the seconds it
    took. A content file with a problem is logged and left for the request that needs it."""
    from nearer.accounts.timezones import common_time_zones
    from nearer.core.safety import resources
    from nearer.library.search import synonyms
    from nearer.plans.definitions import plans_in
    from nearer.progress.directories import directories
    from nearer.progress.measure import csi4
    from nearer.safety.track import individual_track

    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 (reading it imports every view module)
    loads = [csi4, individual_track, synonyms, common_time_zones, resources, directories]
    loads += [lambda code=code: plans_in(code) for code, _name in settings.LANGUAGES]
    loads += [lambda name=name: get_template(name) for name in our_templates()]
    for load in loads:
        try:
            load()
        except Exception:  # the request that needs it will show the problem
            logger.exception("warm-up: could not load %s", getattr(load, "__name__", load))
    return time.perf_counter() - started


def our_templates() -> list[str]:
    """Our own templates (compiled once; the template tag libraries load on the way)."""
    engine = engines["django"].engine
    base = Path(settings.BASE_DIR) / "nearer"
    names = []
    for folder in [*engine.dirs, *base.glob("*/templates")]:
        folder = Path(folder)
        if folder.is_relative_to(base):
            names += [str(p.relative_to(folder)) for p in sorted(folder.rglob("*.html"))]
    return names
