from nearer import registry
from nearer.questions.models import Answer, Reaction, Reply

registry.register(
    Answer,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="answers",
    label="Answers to the question of the day",
)
registry.register(
    Reaction,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("reply",),
    section="reactions",
    label="Reactions",
)
registry.register(
    Reply,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="replies",
    label="Replies under answers to the question of the day",
)
