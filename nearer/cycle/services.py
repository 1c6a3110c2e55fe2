"""Episodes, the person's recurring pattern in their own words, maps, and "our cycle".

The pattern is built only from the person's own episodes. The familiar shapes from
Emotionally Focused Therapy are offered as possibilities once at least two episodes show
them, with words that leave the conclusion to the person: never a diagnosis.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from nearer.couples.services import state_of
from nearer.cycle.models import CycleMap, Episode, Move
from nearer.visibility import Visibility

TEXT_FIELDS = ("trigger", "happened", "felt", "did", "saw", "needed")
RECURS = 2  # seen in at least this many episodes
PATTERN_WINDOW = 200  # the pattern reads the most recent episodes

SHAPES = {
    "pursue_withdraw": (
        _("Pursue and withdraw"),
        _(
            "One of you reaches harder while the other steps back, and each move invites "
            "more of the other. Many couples know this dance; it may or may not fit yours."
        ),
    ),
    "attack_attack": (
        _("Attack and attack"),
        _(
            "Both of you push back at once, and the argument grows faster than either of "
            "you wants. This is one possible reading, not a verdict."
        ),
    ),
    "withdraw_withdraw": (
        _("Withdraw and withdraw"),
        _(
            "Both of you go quiet to keep the peace, and the distance grows in the silence. "
            "It is a possibility to talk about, if it rings true."
        ),
    ),
}
PUSHING = {Move.REACH, Move.ATTACK}


def shape_of(mine: str, theirs: str) -> str | None:
    if {mine, theirs} == {Move.REACH, Move.WITHDRAW}:
        return "pursue_withdraw"
    if mine == theirs == Move.WITHDRAW:
        return "withdraw_withdraw"
    if mine == Move.ATTACK and theirs in PUSHING or theirs == Move.ATTACK and mine in PUSHING:
        return "attack_attack"
    return None


def words(raw: str) -> list[str]:
    """ "Alone, unheard ,alone" -> ["alone", "unheard"]."""
    found = []
    for part in (raw or "").split(","):
        word = " ".join(part.split()).lower()[:40]
        if word and word not in found:
            found.append(word)
    return found[:10]


def log_episode(user, data: dict) -> Episode:
    episode = Episode()
    episode.attach(user, Visibility.PRIVATE)
    content = {name: (data.get(name) or "").strip() for name in TEXT_FIELDS}
    content["my_move"] = data.get("my_move") or ""
    content["their_move"] = data.get("their_move") or ""
    episode.content = content
    episode.words = {"feelings": words(data.get("feelings")), "needs": words(data.get("needs"))}
    episode.save()
    return episode


@dataclass
class Pattern:
    episodes: int = 0
    triggers: list = field(default_factory=list)  # [(words, times)]
    feelings: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    shapes: list = field(default_factory=list)  # [(title, explanation, times)]


def _recurring(counter: Counter) -> list:
    return [(text, n) for text, n in counter.most_common(5) if n >= RECURS]


def pattern_for(user) -> Pattern:
    triggers, feelings, needs, shapes = Counter(), Counter(), Counter(), Counter()
    episodes = list(Episode.objects.authored_by(user).select_related("author")[:PATTERN_WINDOW])
    for episode in episodes:
        content, chosen = episode.content, episode.words
        trigger = " ".join(content.get("trigger", "").lower().split())
        if trigger:
            triggers[trigger] += 1
        feelings.update(chosen.get("feelings", []))
        needs.update(chosen.get("needs", []))
        shape = shape_of(content.get("my_move", ""), content.get("their_move", ""))
        if shape:
            shapes[shape] += 1
    return Pattern(
        episodes=len(episodes),
        triggers=_recurring(triggers),
        feelings=_recurring(feelings),
        needs=_recurring(needs),
        shapes=[(*SHAPES[key], n) for key, n in shapes.most_common() if n >= RECURS],
    )


def map_of(user) -> CycleMap | None:
    return CycleMap.objects.authored_by(user).select_related("author").first()


def save_map(user, data: dict) -> CycleMap:
    cycle_map = map_of(user)
    if cycle_map is None:
        cycle_map = CycleMap()
        cycle_map.attach(user, Visibility.PRIVATE)
    cycle_map.content = {name: (data.get(name) or "").strip() for name in CycleMap.FIELDS}
    cycle_map.save()
    return cycle_map


def share_map(user) -> bool:
    cycle_map, state = map_of(user), state_of(user)
    if cycle_map is None or not state.is_linked:
        return False
    cycle_map.visibility, cycle_map.couple = Visibility.SHARED, state.couple
    cycle_map.save(update_fields=["visibility", "couple", "updated_at"])
    return True


def unshare_map(user) -> bool:
    cycle_map = map_of(user)
    if cycle_map is None:
        return False
    cycle_map.visibility, cycle_map.couple = Visibility.PRIVATE, None
    cycle_map.save(update_fields=["visibility", "couple", "updated_at"])
    return True


def ours(user) -> tuple[CycleMap, CycleMap] | None:
    """(mine, theirs) when both partners have shared their map with each other."""
    mine = map_of(user)
    if mine is None or mine.visibility != Visibility.SHARED:
        return None
    theirs = CycleMap.objects.visible_to(user).exclude(author=user).select_related("author").first()
    if theirs is None or mine.couple_id != theirs.couple_id:
        return None
    return mine, theirs
