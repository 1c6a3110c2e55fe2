from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from nearer.library.models import Item
from nearer.library.schema import SITUATIONS
from nearer.library.search import Filters, search

router = Router(tags=["library"])


def empty_library() -> HttpError:
    """What routes that draw on the library answer while it has not been loaded."""
    return HttpError(503, _("The library has no questions yet: run manage.py load_library."))


class ItemOut(Schema):
    key: str
    kind: str
    title: str
    body: str
    minutes: int | None
    data: dict


class SearchIn(Schema):
    q: str = Field(default="", max_length=200)
    kind: Literal["", "question", "date", "note", "prompt", "exercise", "faq", "desire"] = ""
    situation: Literal["", *SITUATIONS] = ""
    setting: Literal["", "home", "out", "virtual"] = ""
    cost: Literal["", "free", "low", "medium", "high"] = ""
    depth: Literal["", "light", "meaningful", "deep"] = ""
    length: Literal["", "short", "medium", "long"] = ""
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=1_000_000)  # bounded: a huge offset overflows SQL


class SearchOut(Schema):
    count: int
    items: list[ItemOut]


@router.get("/library", response=SearchOut, summary="Search the library")
def library_search(request, params: Query[SearchIn]):
    found = search(Filters(**params.dict(exclude={"limit", "offset"})))
    # Counted and sliced in the database.
    return {"count": found.count(), "items": found[params.offset : params.offset + params.limit]}


@router.get("/library/{key}", response=ItemOut, summary="One library item")
def library_item(request, key: str):
    return get_object_or_404(Item.objects.current(), key=key)
