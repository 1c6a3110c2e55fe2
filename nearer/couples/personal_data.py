from nearer import registry
from nearer.couples.models import Invite, Membership

registry.register(
    Membership, owner="user", rule=registry.Rule.ACCOUNT, section="couple", label="Couple space"
)
registry.register(
    Invite,
    owner="created_by",
    rule=registry.Rule.ACCOUNT,
    section="couple",
    label="Invitations",
    also_points_at=("used_by",),
    server_encrypted=("token_encrypted",),
)
