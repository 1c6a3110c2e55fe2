"""The library: browse and search everything, and one page per item. Open to everyone."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from nearer.library import labels, services
from nearer.library.actions import action_for, place_for
from nearer.library.forms import LibrarySearchForm
from nearer.library.models import Item
from nearer.library.search import Filters, search

PAGE_SIZE = 20


@require_GET
def index(request):
    form = LibrarySearchForm(request.GET or None)
    # Unknown filter values are dropped, not an error: the rest of the search still works.
    cleaned = form.cleaned_data if form.is_valid() else {}
    filters = Filters(**{k: v for k, v in cleaned.items() if v})
    page = Paginator(search(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    filtering = any(v for k, v in filters.__dict__.items() if k != "q")
    front = not filters.q and not filtering and page.number == 1
    context = {
        "form": form,
        "page": page,
        "filters": filters,
        "filtering": filtering,
        "shelves": services.front_door(request.user) if front else [],
        "kinds": services.kinds_with_counts() if front else [],
        "situations": labels.SITUATION.items() if front else [],
    }
    return render(request, "library/index.html", context)


@require_GET
def detail(request, key):
    item = get_object_or_404(Item.objects.current(), key=key)
    action = action_for(item)
    # A kind with nowhere else to go (a FAQ answer) already is its place.
    if action.url.split("?")[0] == request.path:
        action = None
    context = {
        "item": item,
        "action": action,
        "place": place_for(item),
        **services.gentle_pair(item),
    }
    return render(request, "library/detail.html", context)
