from nearer import registry
from nearer.talks.models import Talk, TalkNote

registry.register(
    Talk,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("feeling",),
    section="talks",
    label="Talks",
)
registry.register(
    TalkNote,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="talk_notes",
    label="Notes after a talk",
)
