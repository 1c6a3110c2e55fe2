"""Choosing the question of the day, and answering it.

**The couple's day.** Both partners see the same question even when they live far apart.
The day belongs to the *anchor*: the partner who has been on Nearer longest (the lower
account id); someone on their own is their own anchor. A day runs from 04:00 to 04:00 in
the anchor's time zone, so an answer written late at night still counts for that evening.
Daylight-saving changes move the clock, not the date: each calendar day in the anchor's
zone is exactly one question day.

**Choosing.** Never a question this space had in the last 365 days, and only questions
that fit the couple's shared context (``nearer.couples.shared``): questions for every
couple, plus those for situations and lives *both* partners chose to share, nothing written
for one role, nothing tender while either has gentle mode on. Private intake answers never
steer the shared question, so it can tell neither partner anything about the other. Depth
grows with time: light for the first two weeks, meaningful too until six weeks, then any
depth. When every fitting question was asked within the year, the one asked longest ago
comes back rather than one written for someone else.
"""

import hashlib
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from nearer.couples.services import state_of
from nearer.couples.shared import SharedContext, context_for, fits_tags
from nearer.library.models import Item
from nearer.questions.models import Answer, DailyQuestion, Reaction, Reply
from nearer.visibility import Visibility, can_view, partner_has_contributed

DAY_STARTS_AT = timedelta(hours=4)
NO_REPEAT_DAYS = 365


class AnswerError(Exception):
    pass


def anchor(user):
    """(space key, anchor person) for this person's question of the day."""
    state = state_of(user)
    if state.is_linked:
        first = min((user, state.partner), key=lambda person: person.pk)
        return f"c{state.couple.pk}", first
    return f"u{user.pk}", user


def space_day(person, now: datetime | None = None) -> date:
    now = now or timezone.now()
    return (now.astimezone(person.tz) - DAY_STARTS_AT).date()


def _depths(asked_so_far: int) -> list[str]:
    if asked_so_far < 14:
        return ["light"]
    if asked_so_far < 42:
        return ["light", "meaningful"]
    return ["light", "meaningful", "deep"]


def _pick(space: str, day: date, pks: list[int]) -> int:
    digest = hashlib.sha256(f"{space}:{day.isoformat()}".encode()).digest()
    return pks[int.from_bytes(digest[:8], "big") % len(pks)]


def choose(space: str, day: date, ctx: SharedContext) -> Item | None:
    questions = list(Item.objects.current().filter(kind="question").values_list("pk", "tags"))
    fitting = sorted(pk for pk, tags in questions if fits_tags(tags, ctx))
    asked = list(
        DailyQuestion.objects.filter(space=space, day__lt=day)
        .order_by("day")
        .values_list("item_id", "day")
    )
    past = dict(asked)  # item -> the last day it was asked (later days overwrite earlier)
    since = day - timedelta(days=NO_REPEAT_DAYS)
    recent = {pk for pk, asked_on in past.items() if asked_on > since}
    levels = {f"depth:{level}" for level in _depths(len(asked))}
    deep_enough = {pk for pk, tags in questions if levels & set(tags.split())}
    fresh = [pk for pk in fitting if pk not in recent]
    # Widen the depth rather than ever repeat within the year.
    for candidates in ([pk for pk in fresh if pk in deep_enough], fresh):
        if candidates:
            return Item.objects.get(pk=_pick(space, day, candidates))
    if fitting:  # every fitting question was asked this year: the oldest comes back
        return Item.objects.get(pk=min(fitting, key=lambda pk: past.get(pk, day)))
    # Only a library without a single fitting question gets here (e.g. a fresh install).
    anything = sorted(pk for pk, _tags in questions if pk not in recent) or [
        pk for pk, _tags in questions
    ]
    return Item.objects.get(pk=_pick(space, day, anything)) if anything else None


def _keep_an_answer_written_alone_today(user, space: str, day: date, now) -> DailyQuestion | None:
    """The couple's first day: when one of them already answered today's question on their
    own before the two were linked, the couple's question is that one, and the answer
    moves into it (still revealed only when both have answered). Nothing written is lost.
    If both answered alone, the first answer written decides; the other stays in its
    writer's earlier questions, ready to share."""
    state = state_of(user)
    people = [user, state.partner]
    today_alone = Q(pk__in=[])
    for somebody in people:
        today_alone |= Q(question__space=f"u{somebody.pk}", question__day=space_day(somebody, now))
    first = (
        Answer.objects.filter(today_alone, author__in=people, couple__isnull=True)
        .filter(visibility=Visibility.MUTUAL)
        .select_related("question__item")
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    alone = first.question
    with transaction.atomic():
        kept = DailyQuestion.objects.create(space=space, day=day, item=alone.item)
        Answer.objects.filter(pk=first.pk).update(
            question=kept, mutual_key=kept.mutual_key, couple=state.couple
        )
        if not alone.answers.exists():
            alone.delete()  # it lives on as the couple's question
    return kept


def question_for(user, now: datetime | None = None) -> DailyQuestion | None:
    """Today's question for this person's space; None only while the library is empty."""
    space, person = anchor(user)
    day = space_day(person, now)
    found = DailyQuestion.objects.filter(space=space, day=day).select_related("item").first()
    if found:
        return found
    try:
        if space.startswith("c"):
            kept = _keep_an_answer_written_alone_today(user, space, day, now)
            if kept is not None:
                return kept
        item = choose(space, day, context_for(user))
        if item is None:
            return None
        with transaction.atomic():
            return DailyQuestion.objects.create(space=space, day=day, item=item)
    except IntegrityError:  # the partner opened it in the same moment
        return DailyQuestion.objects.select_related("item").get(space=space, day=day)


def _answers(question, user):
    return list(Answer.objects.visible_to(user).filter(question=question).select_related("author"))


def is_revealed(question: DailyQuestion, user) -> bool:
    """Revealed once both partners of the space have answered."""
    answers = _answers(question, user)
    return len(answers) >= 2


def view(user, question: DailyQuestion | None) -> dict:
    """Everything today's page shows: the answers this person may see, and once both have
    answered, the reactions and the short reply thread under each answer."""
    if question is None:
        return {"question": None, "mine": None, "theirs": None, "revealed": False,
                "partner_answered": False, "reactions": {}, "replies": {},
                "my_reaction": ""}  # fmt: skip
    answers = _answers(question, user)
    mine = next((a for a in answers if a.author_id == user.pk), None)
    theirs = next((a for a in answers if a.author_id != user.pk), None)
    reactions, replies, my_reaction = {}, {}, ""
    if theirs is not None:
        shown = Reaction.objects.visible_to(user).filter(answer__question=question)
        for reaction in shown.select_related("author"):
            reactions.setdefault(reaction.answer_id, []).append(reaction)
            if reaction.author_id == user.pk and reaction.answer_id == theirs.pk:
                my_reaction = reaction.kind
        thread = Reply.objects.visible_to(user).filter(answer__question=question)
        for reply_obj in thread.select_related("author").order_by("created_at", "pk"):
            replies.setdefault(reply_obj.answer_id, []).append(reply_obj)
    for shown_answer in (mine, theirs):
        if shown_answer is not None:  # what the page shows under each answer
            shown_answer.reactions_shown = reactions.get(shown_answer.pk, [])
            shown_answer.replies_shown = replies.get(shown_answer.pk, [])
    return {
        "question": question,
        "mine": mine,
        "theirs": theirs,
        "revealed": theirs is not None,
        "partner_answered": theirs is not None
        or (mine is None and partner_has_contributed(Answer, user, question.mutual_key)),
        "reactions": reactions,
        "replies": replies,
        "my_reaction": my_reaction,
    }


def answer(user, question: DailyQuestion, text: str) -> Answer:
    text = text.strip()
    if not text:
        raise AnswerError("empty")
    existing = Answer.objects.filter(question=question, author=user).first()
    if existing is not None:
        if is_revealed(question, user):
            raise AnswerError("revealed")
        existing.author = user
        existing.text = text
        existing.save(update_fields=["text_encrypted", "updated_at"])
        return existing
    new = Answer(question=question)
    new.attach(user, Visibility.MUTUAL, question.mutual_key)
    new.text = text
    new.save()
    return new


def react(user, answer_obj: Answer, kind: str, toggle: bool = False) -> Reaction | None:
    """The partner's one-tap reaction to a revealed answer. With ``toggle``, tapping the
    reaction already chosen takes it back (returns None)."""
    if answer_obj.author_id == user.pk or not can_view(user, answer_obj):
        raise AnswerError("not yours to react to")
    if kind not in Reaction.Kind.values:
        raise AnswerError("unknown reaction")
    reaction = Reaction.objects.filter(answer=answer_obj, author=user).first()
    if reaction is not None and toggle and reaction.kind == kind:
        reaction.delete()
        return None
    reaction = reaction or Reaction(answer=answer_obj)
    reaction.attach(user, Visibility.SHARED)
    reaction.kind = kind
    reaction.save()
    return reaction


def reply(user, answer_obj: Answer, text: str) -> Reply:
    """A few words in the thread under a revealed answer, from either partner."""
    text = text.strip()
    if not text:
        raise AnswerError("empty")
    if len(text) > Reply.MAX_LENGTH:
        raise AnswerError("too long")
    if not can_view(user, answer_obj) or not is_revealed(answer_obj.question, user):
        raise AnswerError("not revealed")
    if answer_obj.replies.count() >= Reply.MAX_IN_THREAD:
        raise AnswerError("thread full")
    new = Reply(answer=answer_obj)
    new.attach(user, Visibility.SHARED)
    new.text = text
    new.save()
    return new


def share(user, answer_obj: Answer) -> bool:
    """A solo answer, shared with the partner once there is one."""
    state = state_of(user)
    if answer_obj.author_id != user.pk or not state.is_linked:
        return False
    answer_obj.visibility = Visibility.SHARED
    answer_obj.couple = state.couple
    answer_obj.save(update_fields=["visibility", "couple", "updated_at"])
    return True


def history(user, limit: int = 60):
    """Past questions of every space this person was in, with what they may see of each."""
    space, _person = anchor(user)
    visible = Answer.objects.visible_to(user)
    questions = list(
        DailyQuestion.objects.filter(
            Q(space__in={space, f"u{user.pk}"}) | Q(pk__in=visible.values("question_id"))
        )
        .select_related("item")
        .order_by("-day")[:limit]
    )
    answers = {}
    for a in visible.filter(question__in=questions).select_related("author"):
        answers.setdefault(a.question_id, []).append(a)
    return [
        (q, sorted(answers.get(q.pk, []), key=lambda a: a.author_id != user.pk)) for q in questions
    ]
