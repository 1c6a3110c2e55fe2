from nearer import registry
from nearer.questions.models import Answer, Reaction

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
