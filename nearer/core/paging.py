"""Bounded lists in pages: one page of a queryset at a time, with a "more" link.

``chunk(request, queryset, param)`` reads the page number from ``request.GET[param]`` (a bad
or missing number means the first page) and fetches one row more than a page to know whether
another page follows, so a page costs one query and never a COUNT over the whole history.

Without JavaScript the "more" link (``partials/more.html``) opens the next page of that list;
with htmx it fetches only the next items (the view answers ``request.htmx`` with the list's
partial template) and puts them in place of the link, so the list grows in place.
"""

from dataclasses import dataclass, field

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, paginate

PAGE_SIZE = 20


@dataclass
class Chunk:
    items: list
    number: int
    has_next: bool
    param: str
    query: str = field(default="")

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def next_url(self) -> str:
        """This page's query string with only this list moved on a page."""
        return f"?{self.query}" if self.query else f"?{self.param}={self.next_number}"

    @property
    def part_url(self) -> str:
        """The next page's URL asking for only this list's next items (used by htmx)."""
        return f"{self.next_url}&part={self.param}"

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)


def page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), 10_000)


def chunk(request, queryset, param: str = "page", size: int = PAGE_SIZE) -> Chunk:
    number = page_number(request.GET.get(param))
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    query = request.GET.copy()
    query[param] = str(number + 1)
    query.pop("part", None)
    return Chunk(rows[:size], number, len(rows) > size, param, query.urlencode())


# The API's lists: ninja's limit/offset pagination with a ceiling, so no request can ask for
# a whole history at once. Answers are ``{"items": [...], "count": n}``.

API_PAGE_SIZE = 50
API_MAX_LIMIT = 200


class ApiPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(API_PAGE_SIZE, ge=1, le=API_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=1_000_000)  # a huge offset would overflow SQL

    def __init__(self, **kwargs):
        super().__init__(max_limit=API_MAX_LIMIT, **kwargs)


class Prepared:
    """A queryset whose rows, once a page of them is sliced, go through ``prepare(rows)``
    (which attaches what the rows need, e.g. their related records, in one query per page).
    Works with ``chunk()`` and ``Mapped``."""

    def __init__(self, queryset, prepare):
        self.queryset, self.prepare = queryset, prepare

    def all(self):
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        rows = list(self.queryset[index])
        self.prepare(rows)
        return rows


class Mapped:
    """A queryset whose rows are turned into API dicts only for the page that is sliced."""

    def __init__(self, queryset, fn):
        self.queryset, self.fn = queryset, fn

    def all(self):
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        return [self.fn(row) for row in self.queryset[index]]


def api_paginate(func):
    """``@api_paginate`` under ``@router.get(..., response=list[Out])``."""
    return paginate(ApiPagination)(func)
