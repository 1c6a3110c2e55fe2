from datetime import date, datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from nearer.library.api import empty_library
from nearer.questions import services
from nearer.questions.models import Answer, Reaction, Reply
from nearer.visibility import get_visible_or_404

router = Router(tags=["question of the day"])


class ReplyOut(Schema):
    mine: bool
    text: str
    written: datetime


class AnswerOut(Schema):
    id: int
    mine: bool
    text: str
    reactions: list[str] = []  # the reaction kinds given to this answer
    replies: list[ReplyOut] = []  # the thread under it, once revealed


class QuestionOut(Schema):
    day: date
    question: str
    library_key: str
    my_answer: AnswerOut | None
    partner_answered: bool
    revealed: bool
    partner_answer: AnswerOut | None


class AnswerIn(Schema):
    text: str = Field(min_length=1, max_length=4000)


class ReactionIn(Schema):
    kind: str = ""
    reply: str = Field(default="", max_length=500)


class HistoryOut(Schema):
    day: date
    question: str
    answers: list[AnswerOut]


def _reply(r, user):
    return {"mine": r.author_id == user.pk, "text": r.text, "written": r.created_at}


def _answer(a, user):
    if a is None:
        return None
    return {
        "id": a.pk,
        "mine": a.author_id == user.pk,
        "text": a.text,
        "reactions": [r.kind for r in getattr(a, "reactions_shown", []) if r.kind],
        "replies": [_reply(r, user) for r in getattr(a, "replies_shown", [])],
    }


def _question(user):
    question = services.question_for(user)
    if question is None:
        raise empty_library()
    return question


def _out(user, question):
    v = services.view(user, question)
    return {
        "day": question.day,
        "question": question.item.title,
        "library_key": question.item.key,
        "my_answer": _answer(v["mine"], user),
        "partner_answered": v["partner_answered"],
        "revealed": v["revealed"],
        "partner_answer": _answer(v["theirs"], user),
    }


@router.get("/question", response=QuestionOut, summary="Today's question and where we are with it")
def question_today(request):
    return _out(request.user, _question(request.user))


@router.put(
    "/question/answer",
    response=QuestionOut,
    summary="Answer today's question (or edit until the reveal)",
)
def question_answer(request, payload: AnswerIn):
    question = _question(request.user)
    try:
        services.answer(request.user, question, payload.text)
    except services.AnswerError as error:
        raise HttpError(409, _("Answers are revealed; yours can no longer change.")) from error
    return _out(request.user, question)


@router.post(
    "/question/answers/{answer_id}/reaction",
    response={204: None},
    summary="React or reply to a revealed answer",
)
def question_react(request, answer_id: int, payload: ReactionIn):
    answer = get_visible_or_404(Answer.objects.select_related("author"), request.user, pk=answer_id)
    if payload.kind and payload.kind not in Reaction.Kind.values:
        raise HttpError(
            422, _("kind must be one of %(kinds)s") % {"kinds": ", ".join(Reaction.Kind.values)}
        )
    if not payload.kind and not payload.reply.strip():
        raise HttpError(422, _("Send a reaction kind, a reply, or both."))
    try:
        if payload.kind:
            services.react(request.user, answer, payload.kind)
        if payload.reply.strip():
            services.reply(request.user, answer, payload.reply)
    except services.AnswerError:
        raise HttpError(404, _("Not found")) from None
    return Status(204, None)


class ReplyIn(Schema):
    text: str = Field(min_length=1, max_length=Reply.MAX_LENGTH)


@router.post(
    "/question/answers/{answer_id}/replies",
    response={201: ReplyOut},
    summary="Add a few words to the thread under a revealed answer (either partner)",
)
def question_reply(request, answer_id: int, payload: ReplyIn):
    answer = get_visible_or_404(
        Answer.objects.select_related("question"), request.user, pk=answer_id
    )
    if not services.is_revealed(answer.question, request.user):
        raise HttpError(404, _("Not found"))
    try:
        new = services.reply(request.user, answer, payload.text)
    except services.AnswerError as error:
        raise HttpError(422, _("Write a few words; the thread holds up to 40.")) from error
    return Status(201, _reply(new, request.user))


@router.get(
    "/question/history",
    response=list[HistoryOut],
    summary="Past questions and the answers I can see",
)
def question_history(request):
    return [
        {
            "day": q.day,
            "question": q.item.title,
            "answers": [_answer(a, request.user) for a in answers],
        }
        for q, answers in services.history(request.user)
    ]
