"""Search and filter the library with the database's own full-text search.

What a person types is read in three steps:

1. Plain words only (``\\w+``), lower-cased, common little words dropped, so no input can
   break the query syntax.
2. The synonym list kept as content (``content/search/synonyms.yaml``) widens each word or
   phrase to the words the library uses ("cheating" also looks for "affair" and
   "betrayal"), and some phrases also mean a part of the library ("long distance" is the
   long-distance situation, "dates" the date ideas), so the words and the filters agree.
3. The database stems and ranks: SQLite's FTS5 index with the porter tokenizer (migration
   0002; accents folded since 0006), ranked by bm25 with the title weighted four times the
   body; PostgreSQL's
   ``search`` tsvector (english configuration, title weight A, body B) ranked by
   ``ts_rank``. Each word is also a prefix, so "apolog" finds "apologise".
4. Every translation is searched too, for everyone, accents folded («manana», «mañana»):
   SQLite's second FTS5 index ``library_item_fts_translated``; on PostgreSQL the same
   ``search`` column (translations at weights C and D, read with the language's text search
   configuration; the words typed are read as English and as each site language). The
   reader's language ranks first; an English reader's ranking is the English one alone.

Every word (with its synonyms) must match; when that finds nothing, any word may, best
first. Ranking, counting and paging all happen in the database: ``search`` returns a lazy
QuerySet. ``fulltext.py`` keeps the SQLite index and its triggers, and the PostgreSQL
column's trigger (migration 0003), in place after every migrate.
"""

import json
import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import F, FloatField, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from pydantic import BaseModel, ConfigDict, Field

from nearer import yamltext
from nearer.library import fulltext
from nearer.library.models import Item, Kind

LENGTHS = {"short": (0, 15), "medium": (16, 60), "long": (61, 24 * 60)}
FACETS = ("situation", "setting", "cost", "depth")
MAX_WORDS = 12

# Words that carry no meaning for a search ("how do I …", "ideas for our …"). Dropped on
# both databases alike (FTS5 has no stop words of its own).
STOP_WORDS = frozenset(
    """
    a about after again all am an and any are as at be been before being but by can could
    did do does doing for from get getting had has have having he her him his how i if in
    into is it its just me my myself of on or our ours she should so some than that the
    their them then there these they this to too up us very was we were what when where
    which while who why will with would you your yours idea ideas way ways tips help feel
    feeling keep anymore any more really always never want need make get partner partners
    husband wife boyfriend girlfriend spouse relationship couple couples marriage married
    each other
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# The same little words in Spanish, the library's other language («ideas para una cita en
# casa con mi pareja»). Words that are also English words people search for ("son", "sin")
# are left out.
STOP_WORDS |= frozenset(
    """
    de del la el las los lo al un una unos unas y o u ni en por para con sin que qué como
    cómo cuando cuándo mi mis tu tus su sus nos nuestro nuestra nuestros nuestras es está
    estoy hay ya muy más este esta estos estas ese esa yo él ella le les te se idea ideas
    pareja parejas novio novia marido mujer esposo esposa
    """.split()  # noqa: SIM905
)


class Synonym(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    when: list[str] = Field(min_length=1)  # what people type: words or short phrases
    also: list[str] = Field(default_factory=list)  # words and phrases the library uses
    tags: list[str] = Field(default_factory=list)  # e.g. situation:long_distance, life:x
    kind: str = ""  # a kind of item: "dates" means date ideas


@dataclass(frozen=True)
class Filters:
    q: str = ""
    kind: str = ""
    situation: str = ""
    setting: str = ""
    cost: str = ""
    depth: str = ""
    length: str = ""


@dataclass
class Group:
    """One thing the person asked for: any of ``terms`` in the text, or any of ``tags``."""

    terms: list[str]  # the typed word or phrase first, then its synonyms
    tags: list[str] = field(default_factory=list)

    @property
    def typed(self) -> "Group":
        return Group(terms=self.terms[:1])


@dataclass
class Parsed:
    groups: list[Group]
    kind: str = ""


def words(text: str) -> list[str]:
    # \w never matches NUL or punctuation, so nothing here can break a query's syntax.
    return re.findall(r"\w+", text.lower())[:MAX_WORDS]


def synonyms_path():
    return settings.NEARER_CONTENT_DIR / "search" / "synonyms.yaml"


@cache
def synonyms() -> dict[tuple[str, ...], Synonym]:
    """What each typed word or phrase (as a tuple of words) widens to."""
    raw = yamltext.load(synonyms_path().read_text(encoding="utf-8")) or []
    table = {}
    for entry in (Synonym.model_validate(data) for data in raw):
        for typed in entry.when:
            table[tuple(words(typed))] = entry
    return table


def _clean_terms(phrases) -> list[str]:
    cleaned = (" ".join(words(phrase)) for phrase in phrases)
    return list(dict.fromkeys(term for term in cleaned if term))


def parse(q: str) -> Parsed:
    """Group the typed words, longest known phrase first ("long distance" before "long")."""
    table = synonyms()
    longest = max((len(key) for key in table), default=1)
    typed = words(q)
    groups, kind, position = [], "", 0
    while position < len(typed):
        for size in range(min(longest, len(typed) - position), 0, -1):
            key = tuple(typed[position : position + size])
            entry = table.get(key)
            if entry is not None:
                break
        else:
            size, key, entry = 1, (typed[position],), None
        position += size
        if entry is None:
            if key[0] not in STOP_WORDS:
                groups.append(Group(terms=[key[0]]))
            continue
        if entry.kind and not entry.also and not entry.tags:
            kind = entry.kind  # "dates", "questions": a kind of item, not a word to find
            continue
        kind = kind or entry.kind
        if entry.kind and not entry.tags:
            continue  # "love notes": the kind alone says it
        groups.append(Group(terms=_clean_terms([" ".join(key), *entry.also]), tags=entry.tags))
    if not groups and not kind and typed:
        # Only little words ("us", "when we…"): search for them after all.
        groups = [Group(terms=[word]) for word in typed]
    return Parsed(groups=groups, kind=kind)


def _tags_q(tags: list[str]) -> Q:
    found = Q(pk__in=[])
    for tag in tags:
        found |= Q(tags__contains=f" {tag} ")
    return found


# SQLite FTS5 ------------------------------------------------------------------------------


def _fts5_alternative(term: str) -> str:
    # Every token is quoted, so none is read as an operator; the last gets a prefix star.
    return f'"{term}"*' if " " not in term else f'"{term}"'


def _fts5_group(group: Group) -> str:
    return "(" + " OR ".join(_fts5_alternative(term) for term in group.terms) + ")"


def _fts5_matches(expression: str, table: str = "library_item_fts") -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [expression])  # noqa: S608, S611


def _rank_sqlite(groups: list[Group], translated: bool) -> RawSQL:
    """bm25 in the English index; for a reader of another language, plus bm25 in the
    translations' index, which then counts double. An English reader's ranking is the
    English one alone (items found only in a translation come last): Spanish cognates
    ("honestidad", "transparente") would otherwise lift items above the English matches.

    Each index is asked once for every match's score (a millisecond); the query then looks
    each row's score up in that table, passed as JSON. Asking the index once per row, in a
    correlated subquery, took 60–110 ms for a common word ("listen": 177 matches)."""
    every = " OR ".join(_fts5_group(group) for group in groups)
    typed = " OR ".join(_fts5_group(group.typed) for group in groups)
    indexes = [("library_item_fts", 1.0)]
    if translated:
        indexes.append(("library_item_fts_translated", 2.0))
    # bm25 is lower for better matches; a row without a text match scores 0. The words as
    # typed count a second time, so "picnic" puts picnics above the walks it also finds.
    scores = {}
    for expression in (every, typed):
        part = {}
        for table, weight in indexes:
            for rowid, score in _bm25(table, expression):
                part[rowid] = part.get(rowid, 0.0) + weight * score
        for rowid, score in part.items():
            scores[rowid] = scores.get(rowid, 0.0) + score
    table = json.dumps({f"i{rowid}": score for rowid, score in scores.items()})
    return RawSQL(  # noqa: S611 (a parameter: JSON we made from the index's numbers)
        "coalesce(json_extract(%s, '$.i' || library_item.id), 0)", [table],
        output_field=FloatField(),
    )  # fmt: skip


def _bm25(table: str, expression: str) -> list[tuple[int, float]]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -bm25({table}, 4.0, 1.0) FROM {table} WHERE {table} MATCH %s",  # noqa: S608
            [expression],
        )
        return cursor.fetchall()


def _group_q_sqlite(group: Group) -> Q:
    expression = _fts5_group(group)
    return (
        Q(pk__in=_fts5_matches(expression))
        | Q(pk__in=_fts5_matches(expression, "library_item_fts_translated"))
        | _tags_q(group.tags)
    )


# PostgreSQL -------------------------------------------------------------------------------


def _configs(translated: bool = True) -> list[str]:
    """The text search configurations a term is read with: English, and each other
    language of the site (fulltext.py builds the ``search`` column the same way)."""
    english = fulltext.POSTGRES_CONFIGS["en"]
    if not translated:
        return [english]
    others = [fulltext.POSTGRES_CONFIGS.get(code, "simple") for code, _ in settings.LANGUAGES]
    return list(dict.fromkeys([english, *others]))


def _tsquery(term: str, configs: list[str] | None = None) -> tuple[str, list[str]]:
    """The term read in every configuration, accents folded like the ``search`` column's.

    Read as English, each word is also a prefix ("apolog" finds "apologise", and
    «conver» the Spanish «conversación»); read in another language it is its stem only, or
    «celos» (stem «cel») would find every «celebrar»."""
    english = fulltext.POSTGRES_CONFIGS["en"]
    parts, params = [], []
    for config in configs or _configs():
        if " " in term:
            parts.append(f"phraseto_tsquery('{config}', {fulltext.fold('%s')})")
            params.append(term)
        else:
            # A \w+ word, with or without ":*", is always valid tsquery syntax.
            parts.append(f"to_tsquery('{config}', {fulltext.fold('%s')})")
            params.append(f"{term}:*" if config == english else term)
    return "(" + " || ".join(parts) + ")", params


def _tsquery_group(group: Group) -> tuple[str, list[str]]:
    parts = [_tsquery(term) for term in group.terms]
    return "(" + " || ".join(sql for sql, _ in parts) + ")", [p for _, ps in parts for p in ps]


def _rank_postgres(groups: list[Group], translated: bool) -> RawSQL:
    """ts_rank of each word or synonym, weighted by how rare it is in the library.

    ts_rank alone has no notion of rarity, so a common synonym ("trust") would count as
    much as the word typed ("affair"). The inverse document frequency comes from the GIN
    index, once per word (PostgreSQL runs each uncorrelated subquery once).
    """
    # Weights of D, C (a translation's body, title), B, A (the English body, title). An
    # English reader's ranking is the English one, the words read as English only (ts_rank
    # averages over the query's lexemes, so a Spanish reading that matches nothing would
    # dilute it; items found only in a translation come last), as on SQLite. Another
    # reader's language counts as the English does for an English reader, and the English
    # a little.
    weights = "'{0.4, 1.0, 0.1, 0.2}'" if translated else "'{0, 0, 0.4, 1.0}'"
    sql, params = [], []
    for group in groups:
        for position, term in enumerate(group.terms):
            tsquery, param = _tsquery(term, _configs(translated))
            weight = 2 if position == 0 else 1  # the word as typed counts double
            found = f"SELECT count(*) + 1 FROM library_item WHERE search @@ {tsquery}"  # noqa: S608
            idf = f"ln((SELECT count(*) + 1 FROM library_item)::float / ({found}))"  # noqa: S608
            rank = f"ts_rank({weights}, library_item.search, {tsquery})"
            sql.append(f"{weight} * {rank} * {idf}")
            params += [*param, *param]
    return RawSQL(" + ".join(sql), params, output_field=FloatField())  # noqa: S611 (placeholders)


def _group_q_postgres(group: Group) -> Q:
    sql, params = _tsquery_group(group)
    matches = RawSQL(  # noqa: S611 (the user's words are parameters)
        f"SELECT id FROM library_item WHERE search @@ {sql}",  # noqa: S608
        params,
    )
    return Q(pk__in=matches) | _tags_q(group.tags)


# ------------------------------------------------------------------------------------------


def _filtered(filters: Filters, queryset):
    queryset = (queryset if queryset is not None else Item.objects.all()).current()
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    tags = [f"{facet}:{getattr(filters, facet)}" for facet in FACETS if getattr(filters, facet)]
    if filters.situation:
        # An item for every couple suits each situation too.
        tags.remove(f"situation:{filters.situation}")
        queryset = queryset.filter(
            Q(tags__contains=f" situation:{filters.situation} ")
            | Q(tags__contains=" situation:all ")
        )
    queryset = queryset.tagged(*tags)
    if filters.length in LENGTHS:
        low, high = LENGTHS[filters.length]
        queryset = queryset.filter(minutes__gte=low, minutes__lte=high)
    return queryset


def search(filters: Filters, queryset=None):
    """Current items matching the filters, best first when there is a text query (lazy)."""
    parsed = parse(filters.q)
    if parsed.kind and not filters.kind and parsed.kind in Kind.values:
        filters = Filters(**{**filters.__dict__, "kind": parsed.kind})
    queryset = _filtered(filters, queryset)
    if not parsed.groups:
        return queryset.order_by("kind", "key")
    postgres = connection.vendor == "postgresql"
    group_q = _group_q_postgres if postgres else _group_q_sqlite
    language = (get_language() or "en").split("-")[0]
    rank = (_rank_postgres if postgres else _rank_sqlite)(parsed.groups, language != "en")
    # Items the words' part of the library holds (tags) rank just above plain text matches.
    boost = Value(0.0)
    for group in parsed.groups:
        if group.tags:
            boost = boost + RawSQL(  # noqa: S611 (tags are parameters)
                "CASE WHEN "
                + " OR ".join(["library_item.tags LIKE %s"] * len(group.tags))
                # A small lift for tag matches: text relevance still orders them.
                + " THEN %s ELSE 0 END",
                [*(f"% {tag} %" for tag in group.tags), 1.5 if postgres else 3.0],
                output_field=FloatField(),
            )
    every = Q()
    for group in parsed.groups:
        every &= group_q(group)
    found = queryset.filter(every)
    if len(parsed.groups) > 1 and not found.exists():
        some = Q(pk__in=[])
        for group in parsed.groups:
            some |= group_q(group)
        found = queryset.filter(some)
    return found.annotate(rank=rank + boost).order_by(F("rank").desc(), "key")
