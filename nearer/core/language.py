"""The language switcher: Django's set_language (cookie, session) plus, for someone logged
in, their saved language, which UserPreferencesMiddleware applies on every page."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django.views.i18n import set_language


@require_http_methods(["GET", "POST"])
def switch_language(request):
    """GET: a page with the choice (the footer has the same form); POST: switch."""
    if request.method == "GET":
        return render(request, "core/language.html")
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
