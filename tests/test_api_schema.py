"""Property-based API testing with schemathesis against /api/v1/openapi.json.

For every route and method in the schema, a bounded number of generated requests (valid and
invalid) with a real token: no server errors, responses that match the documented schema,
and every route refuses requests without credentials.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth

from nearer.accounts.models import ApiToken
from nearer.testing import link, make_user
from nearer.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.specs.openapi.checks.response_schema_conformance,
    schemathesis.specs.openapi.checks.content_type_conformance,
    ignored_auth,
]


@pytest.fixture
def token(db):
    ada = make_user("ada@example.com", "Ada")
    link(ada, make_user("ben@example.com", "Ben"))
    _token, raw = ApiToken.issue(ada, "schemathesis")
    return raw


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
