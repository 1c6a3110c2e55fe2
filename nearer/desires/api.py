from typing import Literal

from ninja import Router, Schema
from pydantic import Field

from nearer.desires import services
from nearer.visibility import Http404

router = Router(tags=["desires"])


class DesireOut(Schema):
    key: str
    text: str
    my_answer: Literal["", "yes", "maybe", "no"]


class AnswerIn(Schema):
    answer: Literal["", "yes", "maybe", "no"] = Field(description='"" clears my answer')


class TogetherOut(Schema):
    resting: bool = Field(description="True while gentle mode hides the shared list")
    both_open_to: list[str]


@router.get("/desires", response=list[DesireOut], summary="The list, with my private answers")
def desires(request):
    mine = services.answers_of(request.user)
    return [
        {"key": i.key, "text": i.title, "my_answer": mine.get(i.pk, "")}
        for i in services.the_list()
    ]


@router.put("/desires/{key}/answer", response=DesireOut, summary="Set or change my private answer")
def desire_answer(request, key: str, payload: AnswerIn):
    try:
        services.answer(request.user, key, payload.answer)
    except services.NotOnTheList:
        raise Http404 from None
    item = services.the_list().get(key=key)
    return {"key": key, "text": item.title, "my_answer": payload.answer}


@router.get("/desires/together", response=TogetherOut, summary="What we both marked yes or maybe")
def desires_together(request):
    if services.gentle_mode_on(request.user):
        return {"resting": True, "both_open_to": []}
    return {"resting": False, "both_open_to": [i.title for i in services.together(request.user)]}
