from nearer import registry
from nearer.cycle.models import CycleMap, Episode
from nearer.visibility import Visibility


def _example_episode(user, marker):
    """An episode shaped as the app writes it: its story and the person's own words are
    exported side by side, so they do not share a key."""
    episode = Episode()
    episode.attach(user, Visibility.SHARED)
    episode.content = {"happened": f"{marker}-content"}
    episode.words = {"feelings": [f"{marker}-words"], "needs": []}
    episode.save()
    return episode


registry.register(
    Episode,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content", "words"),
    section="cycle_episodes",
    example=_example_episode,
    label="Our cycle: your episodes",
)
registry.register(
    CycleMap,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content",),
    section="cycle_map",
    label="Our cycle: your map",
)
