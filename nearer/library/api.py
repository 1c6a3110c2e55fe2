from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from nearer.library.models import Item
from nearer.library.search import Filters, search

router = Router(tags=["library"])


class ItemOut(Schema):
    key: str
    kind: str
    title: str
    body: str
    minutes: int | None
    data: dict


class SearchIn(Schema):
    q: str = ""
    kind: str = ""
    situation: str = ""
    setting: str = ""
    cost: str = ""
    depth: str = ""
    length: str = ""
    limit: int = 50
    offset: int = 0


class SearchOut(Schema):
    count: int
    items: list[ItemOut]


@router.get("/library", response=SearchOut, summary="Search the library")
def library_search(request, params: Query[SearchIn]):
    found = search(Filters(**params.dict(exclude={"limit", "offset"})))
    limit = max(1, min(params.limit, 200))
    offset = max(0, params.offset)
    return {"count": len(found), "items": found[offset : offset + limit]}


@router.get("/library/{key}", response=ItemOut, summary="One library item")
def library_item(request, key: str):
    return get_object_or_404(Item.objects.current(), key=key)
