"""The library: browse and search everything, and one page per item. Open to everyone."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from nearer.library.actions import action_for, place_for
from nearer.library.forms import LibrarySearchForm
from nearer.library.models import Item
from nearer.library.search import Filters, search


@require_GET
def index(request):
    form = LibrarySearchForm(request.GET or None)
    # Unknown filter values are dropped, not an error: the rest of the search still works.
    cleaned = form.cleaned_data if form.is_valid() else {}
    filters = Filters(**{k: v for k, v in cleaned.items() if v})
    page = Paginator(search(filters), 30).get_page(request.GET.get("page"))
    return render(request, "library/index.html", {"form": form, "page": page, "filters": filters})


@require_GET
def detail(request, key):
    item = get_object_or_404(Item.objects.current(), key=key)
    action = action_for(item)
    # A kind with nowhere else to go (a FAQ answer) already is its place.
    if action.url.split("?")[0] == request.path:
        action = None
    context = {"item": item, "action": action, "place": place_for(item)}
    return render(request, "library/detail.html", context)
