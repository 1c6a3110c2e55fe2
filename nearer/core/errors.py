"""Error pages in Nearer's own layout, each with the quick exit and a way back.

Django calls these for 400, 403 (and CSRF failures), 404 and 500. A 500 page must render
even when the thing that broke is the database or a context processor, so it falls back to
a page built from the template alone.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _page(request, status: int, title: str, text: str):
    context = {"status": status, "title": title, "text": text}
    try:
        return render(request, "core/error.html", context, status=status)
    except Exception:  # the layout needs the database (the signed-in user): go without
        logger.exception("error page fell back to the bare layout")
        html = loader.get_template("core/error_bare.html").render(
            {**context, "quick_exit_url": settings.NEARER_QUICK_EXIT_URL}
        )
        return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _page(
        request,
        400,
        _("That request did not make sense to us"),
        _("Something in it was not what we expected. Nothing was changed."),
    )


def permission_denied(request, exception=None):
    return _page(
        request,
        403,
        _("That is not open to you"),
        _("If you think it should be, going back and trying again usually helps."),
    )


def csrf_failure(request, reason=""):
    return _page(
        request,
        403,
        _("That form had grown old"),
        _(
            "For your safety, forms stop working after a while or after you log in or out. "
            "Go back, reload the page and send it again."
        ),
    )


def not_found(request, exception=None):
    return _page(
        request,
        404,
        _("There is nothing here"),
        _("The page may have moved, or it is not one you can see."),
    )


def server_error(request):
    return _page(
        request,
        500,
        _("Something went wrong on our side"),
        _("It is not something you did. Please try again in a moment."),
    )
