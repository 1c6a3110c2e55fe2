"""The dreams board, goals with small steps, and individual growth goals."""

from datetime import date

from django.db.models import Exists, OuterRef

from nearer.core.paging import Prepared
from nearer.couples.services import state_of
from nearer.dreams.models import Dream, Goal, GoalKind, GoalStep, Hold
from nearer.visibility import Visibility, can_view


def _visibility(user, share: bool) -> str:
    return Visibility.SHARED if share and state_of(user).is_linked else Visibility.PRIVATE


def add_dream(user, text: str) -> Dream:
    """Dreams go on the board both partners see (private while one is alone)."""
    dream = Dream()
    dream.attach(user, _visibility(user, True))
    dream.text = text.strip()
    dream.save()
    return dream


def toggle_hold(user, dream: Dream) -> bool:
    """The partner's "I hold this too" (or taking it back); returns whether now held."""
    if dream.author_id == user.pk or not can_view(user, dream):
        raise PermissionError
    existing = Hold.objects.filter(dream=dream, author=user)
    if existing.exists():
        existing.delete()
        return False
    hold = Hold(dream=dream)
    hold.attach(user, Visibility.SHARED)
    hold.save()
    return True


def board(user):
    """Visible dreams, those both partners hold first (``both_hold``), then the newest; each
    knows whether this person holds it (``held_by_me``). A queryset: slice it for a page."""
    holds = Hold.objects.visible_to(user).filter(dream=OuterRef("pk"))
    return (
        Dream.objects.visible_to(user)
        .select_related("author")
        .annotate(
            both_hold=Exists(holds.exclude(author=OuterRef("author"))),
            held_by_me=Exists(holds.filter(author=user)),
        )
        .order_by("-both_hold", "-created_at", "-id")
    )


def add_goal(user, kind: str, title: str, target: date | None, share: bool) -> Goal:
    goal = Goal(kind=kind, target=target)
    # A goal for the two of you is shared whenever there are two of you.
    goal.attach(user, _visibility(user, share or kind == GoalKind.TOGETHER))
    goal.title = title.strip()
    goal.save()
    return goal


def add_step(user, goal: Goal, text: str, due: date | None) -> GoalStep:
    if goal.author_id != user.pk:
        raise PermissionError
    step = GoalStep(goal=goal, due=due)
    step.author, step.visibility, step.couple = user, goal.visibility, goal.couple
    step.text = text.strip()
    step.save()
    return step


def toggle_step(step: GoalStep) -> GoalStep:
    step.done = not step.done
    step.save(update_fields=["done", "updated_at"])
    return step


def goals_for(user) -> Prepared:
    """Visible goals; each page of them gets its visible steps (``visible_steps``)."""
    goals = Goal.objects.visible_to(user).select_related("author")
    return Prepared(goals, lambda page: _attach_steps(user, page))


def _attach_steps(user, goals: list[Goal]) -> None:
    steps = GoalStep.objects.visible_to(user).filter(goal__in=goals).select_related("author")
    by_goal = {}
    for step in steps:
        by_goal.setdefault(step.goal_id, []).append(step)
    for goal in goals:
        goal.visible_steps = by_goal.get(goal.pk, [])
