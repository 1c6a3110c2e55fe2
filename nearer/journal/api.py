from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.journal import services
from nearer.journal.models import Entry
from nearer.visibility import get_changeable_or_404, get_visible_or_404

router = Router(tags=["journal"])


class EntryOut(Schema):
    id: int
    written_at: datetime
    text: str
    tags: list[str]
    prompt: str
    shared: bool
    mine: bool


class EntryIn(Schema):
    text: str = Field(min_length=1, max_length=20000)
    tags: list[str] = Field(default_factory=list, max_length=services.MAX_TAGS)
    prompt: str = Field(default="", max_length=80, description="A journal prompt's key")


class ErrorOut(Schema):
    code: str
    detail: str


class DetailOut(Schema):
    detail: str


class SearchQuery(Schema):
    q: str = Field(default="", max_length=200)
    tag: str = Field(default="", max_length=40)


def _entry(entry, user):
    return {"id": entry.pk, "written_at": entry.created_at, "text": entry.text,
            "tags": entry.tags, "prompt": entry.item.title if entry.item else "",
            "shared": entry.visibility == "shared", "mine": entry.author_id == user.pk}  # fmt: skip


@router.get("/journal", response=list[EntryOut], summary="My entries (search and tag filter)")
@api_paginate
def journal_entries(request, params: Query[SearchQuery]):
    user = request.user
    if not (params.q.strip() or params.tag.strip()):
        return Mapped(services.own_entries(user), lambda e: _entry(e, user))
    # Search decrypts in the request, within the newest SEARCH_WINDOW entries.
    return [_entry(e, user) for e in services.search_own(user, params.q, params.tag).entries]


@router.get("/journal/shared", response=list[EntryOut], summary="Entries my partner shares")
@api_paginate
def journal_shared(request):
    return Mapped(services.shared_with_me(request.user), lambda e: _entry(e, request.user))


@router.post(
    "/journal", response={201: EntryOut, 400: DetailOut}, summary="Write an entry (private)"
)
def journal_create(request, payload: EntryIn):
    if not payload.text.strip():
        return Status(400, {"detail": _("Write something first.")})
    prompt = services.library_item(payload.prompt, "prompt")
    entry = services.write(request.user, payload.text, payload.tags, prompt)
    return Status(201, _entry(entry, request.user))


@router.get("/journal/{entry_id}", response=EntryOut, summary="One entry I can see")
def journal_entry(request, entry_id: int):
    entry = get_visible_or_404(Entry.objects.select_related("item"), request.user, pk=entry_id)
    return _entry(entry, request.user)


@router.post(
    "/journal/{entry_id}/share",
    response={200: EntryOut, 409: ErrorOut},
    summary="Share with my partner",
)
def journal_share(request, entry_id: int):
    entry = get_changeable_or_404(Entry, request.user, pk=entry_id)
    try:
        services.share(request.user, entry)
    except services.CannotShare:
        return Status(
            409,
            {"code": "no_partner", "detail": _("Sharing needs a partner in your couple space.")},
        )
    return _entry(entry, request.user)


@router.post("/journal/{entry_id}/unshare", response=EntryOut, summary="Make private again")
def journal_unshare(request, entry_id: int):
    entry = get_changeable_or_404(Entry, request.user, pk=entry_id)
    return _entry(services.unshare(entry), request.user)


@router.delete("/journal/{entry_id}", response={204: None}, summary="Delete one of my entries")
def journal_delete(request, entry_id: int):
    get_changeable_or_404(Entry, request.user, pk=entry_id).delete()
    return Status(204, None)
