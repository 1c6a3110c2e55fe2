from datetime import datetime
from typing import Literal

from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.cycle import services

router = Router(tags=["cycle"])
Move = Literal["", "reach", "withdraw", "attack", "other"]


class EpisodeIn(Schema):
    happened: str = Field(min_length=1, max_length=4000)
    trigger: str = Field(default="", max_length=200)
    felt: str = Field(default="", max_length=4000)
    feelings: list[str] = Field(default_factory=list, max_length=10)
    did: str = Field(default="", max_length=4000)
    my_move: Move = ""
    saw: str = Field(default="", max_length=4000)
    their_move: Move = ""
    needed: str = Field(default="", max_length=4000)
    needs: list[str] = Field(default_factory=list, max_length=10)


class EpisodeOut(Schema):
    id: int
    written_at: datetime
    content: dict
    feelings: list[str]
    needs: list[str]


class Recurring(Schema):
    words: str
    times: int


class ShapeOut(Schema):
    name: str
    about: str
    times: int


class PatternOut(Schema):
    episodes: int
    triggers: list[Recurring]
    feelings: list[Recurring]
    needs: list[Recurring]
    shapes_to_consider: list[ShapeOut]


class OursOut(Schema):
    both_shared: bool
    mine: dict
    theirs: dict


def _episode(e):
    return {"id": e.pk, "written_at": e.created_at, "content": e.content, **e.words}


@router.get("/cycle/episodes", response=list[EpisodeOut], summary="My private episodes")
@api_paginate
def cycle_episodes(request):
    episodes = services.Episode.objects.authored_by(request.user).select_related("author")
    return Mapped(episodes, _episode)


@router.post("/cycle/episodes", response={201: EpisodeOut}, summary="Log an episode (private)")
def cycle_episode_create(request, payload: EpisodeIn):
    data = payload.dict()
    data["feelings"] = ",".join(data["feelings"])
    data["needs"] = ",".join(data["needs"])
    return Status(201, _episode(services.log_episode(request.user, data)))


@router.get("/cycle/pattern", response=PatternOut, summary="What recurs, in my own words")
def cycle_pattern(request):
    p = services.pattern_for(request.user)
    pairs = lambda rows: [{"words": w, "times": n} for w, n in rows]  # noqa: E731
    return {
        "episodes": p.episodes,
        "triggers": pairs(p.triggers),
        "feelings": pairs(p.feelings),
        "needs": pairs(p.needs),
        "shapes_to_consider": [
            {"name": str(t), "about": str(a), "times": n} for t, a, n in p.shapes
        ],
    }


@router.get("/cycle/ours", response=OursOut, summary="Our cycle, once both maps are shared")
def cycle_ours(request):
    both = services.ours(request.user)
    if both is None:
        return {"both_shared": False, "mine": {}, "theirs": {}}
    return {"both_shared": True, "mine": both[0].content, "theirs": both[1].content}
