"""Search and filter the library with the database's own full-text search.

SQLite uses the FTS5 index made in migration 0002 (ranked by bm25); PostgreSQL uses the
``search`` tsvector column (kept by a trigger, migration 0003) and its GIN index, ranked by
``ts_rank``. ``fulltext.py`` keeps both in place after every migrate. Whatever a person types
is reduced to plain words first, so no input can break the query syntax.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL

from nearer.library.models import Item

LENGTHS = {"short": (0, 15), "medium": (16, 60), "long": (61, 24 * 60)}
FACETS = ("situation", "setting", "cost", "depth")


@dataclass(frozen=True)
class Filters:
    q: str = ""
    kind: str = ""
    situation: str = ""
    setting: str = ""
    cost: str = ""
    depth: str = ""
    length: str = ""


def words(text: str) -> list[str]:
    # \w never matches NUL or punctuation, so nothing here can break a query's syntax.
    return re.findall(r"\w+", text.lower())[:12]


def _fts_sqlite(terms: list[str], queryset):
    match = " ".join(f'"{term}"*' for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM library_item_fts WHERE library_item_fts MATCH %s "
            "ORDER BY bm25(library_item_fts, 4.0, 1.0) LIMIT 500",
            [match],
        )
        ranked = [row[0] for row in cursor.fetchall()]
    items = queryset.in_bulk(ranked)
    return [items[pk] for pk in ranked if pk in items]


def _fts_postgres(terms: list[str], queryset):
    # Each word as a prefix, all required: "call" also finds "calls" and "calling".
    tsquery = " & ".join(f"{term}:*" for term in terms)
    match = "library_item.search @@ to_tsquery('english', %s)"
    rank = RawSQL("ts_rank(library_item.search, to_tsquery('english', %s))", [tsquery])
    return list(
        queryset.extra(where=[match], params=[tsquery])  # noqa: S610 (parameters are bound)
        .annotate(rank=rank)
        .order_by("-rank", "key")[:500]
    )


def search(filters: Filters, queryset=None):
    """Current items matching the filters, best first when there is a text query."""
    queryset = (queryset if queryset is not None else Item.objects.all()).current()
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    tags = [f"{facet}:{getattr(filters, facet)}" for facet in FACETS if getattr(filters, facet)]
    if filters.situation:
        # An item for every couple suits each situation too.
        tags.remove(f"situation:{filters.situation}")
        queryset = queryset.filter(
            tags__contains=f" situation:{filters.situation} "
        ) | queryset.filter(tags__contains=" situation:all ")
    queryset = queryset.tagged(*tags)
    if filters.length in LENGTHS:
        low, high = LENGTHS[filters.length]
        queryset = queryset.filter(minutes__gte=low, minutes__lte=high)
    terms = words(filters.q)
    if not terms:
        return list(queryset.order_by("kind", "key"))
    if connection.vendor == "postgresql":
        return _fts_postgres(terms, queryset)
    return _fts_sqlite(terms, queryset)
