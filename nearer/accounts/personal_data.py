from nearer import registry
from nearer.accounts.models import ApiToken, User

registry.register(User, owner="pk", rule=registry.Rule.ACCOUNT, section="account", label="Account")
registry.register(
    ApiToken, owner="user", rule=registry.Rule.ACCOUNT, section="api_tokens", label="API tokens"
)
