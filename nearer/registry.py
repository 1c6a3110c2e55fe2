"""The registry of personal data: every model that holds something a person wrote or chose.

Each app declares its models in its own ``personal_data.py`` (found at start-up, like
``admin.py``)::

    from nearer import registry
    from nearer.journal.models import Entry

    registry.register(
        Entry,
        owner="author",               # the field that points at the person it belongs to
        rule=registry.Rule.AUTHORED,  # who may see it (see Rule)
        encrypted=("text",),          # fields stored encrypted at rest
        section="journal",            # the export section it appears in
        label="Journal entries",      # a human title for that section
    )

Export, deletion and the access-rule tests walk this registry, and a reflective test fails
when a model with a foreign key to the user is missing from it (as ``tests/routes.py`` does
for URLs). A model that points at the user but holds nothing a person wrote or chose is
declared with ``rule=Rule.NOT_PERSONAL`` and a ``reason``.

Every other registered model has ``export_data(self) -> dict``: human-readable values (no
internal ids, aware datetimes, decrypted text, library items by title). When what a partner
may see of a record differs from what its author sees (a talk's private feeling), the method
takes a keyword ``viewer`` and leaves out what that person may not see. The exporter
(``nearer/datarights/export.py``) takes, for each entry, the queryset method
``exportable_to(user)`` when the model defines one (notes: sent, plus delivered to me),
else ``visible_to(user)`` for authored records and ``owned_by(user)`` for the rest.

Other options: ``server_encrypted=("token_encrypted",)`` names columns encrypted with the
server key, which ``manage.py rotate_server_key`` re-wraps; ``example=callable(user)``
builds one saved record for the tests that walk every kind, when the generic factory in
``nearer/testing.py`` cannot.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.module_loading import autodiscover_modules


class Rule(StrEnum):
    # Authored records: private / shared / mutual, decided by ``nearer.visibility``.
    AUTHORED = "authored"
    # Only the owner ever sees it (``Model.objects.owned_by(user)``).
    OWNER_ONLY = "owner_only"
    # Account-level records (the user row itself, memberships, tokens, security events).
    ACCOUNT = "account"
    # Points at a user but holds nothing they wrote or chose (say why in ``reason``).
    NOT_PERSONAL = "not_personal"


class Deletion(StrEnum):
    # Removed with the user's row by the database (on_delete=CASCADE).
    CASCADE = "cascade"
    # Kept, with the person's link cleared (e.g. an invitation they used).
    DETACH = "detach"


@dataclass(frozen=True)
class Entry:
    model: type
    owner: str
    rule: Rule
    encrypted: tuple[str, ...] = ()
    section: str = ""
    label: str = ""
    deletion: Deletion = Deletion.CASCADE
    # Other fields that point at a person (e.g. a note's recipient).
    also_points_at: tuple[str, ...] = ()
    reason: str = ""
    server_encrypted: tuple[str, ...] = ()
    example: object = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.model._meta.app_label}.{self.model.__name__}"

    @property
    def kind(self) -> str:
        """The record type as written in an export, e.g. ``timeline.moment``."""
        return self.model._meta.label_lower

    @property
    def exported(self) -> bool:
        return self.rule != Rule.NOT_PERSONAL


_entries: dict[type, Entry] = {}


def register(model, *, owner: str, rule: Rule, **options) -> Entry:
    if model in _entries:
        raise ValueError(f"{model.__name__} is registered twice.")
    if rule not in (Rule.NOT_PERSONAL, Rule.ACCOUNT) and not options.get("section"):
        raise ValueError(f"{model.__name__} needs an export section.")
    if rule == Rule.NOT_PERSONAL and not options.get("reason"):
        raise ValueError(f"{model.__name__} is declared not personal without a reason.")
    entry = Entry(model=model, owner=owner, rule=rule, **options)
    _entries[model] = entry
    return entry


def entries() -> list[Entry]:
    return list(_entries.values())


def entry_for(model) -> Entry | None:
    return _entries.get(model)


def authored_data(obj) -> dict:
    """What every authored record says about itself in an export."""
    return {
        "who_can_see": str(obj.get_visibility_display()),
        "written": obj.created_at,
    }


def autodiscover() -> None:
    autodiscover_modules("personal_data")
