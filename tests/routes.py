"""Every route of the app, walked from the URL configuration, with its access rules.

``ROUTES`` must name every route the resolver knows (allauth's own pages excepted, which
have their own checks): a new route without an entry here fails the access-rule tests.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from nearer.testing import make_moment
from nearer.visibility import Visibility


@dataclass(frozen=True)
class Route:
    methods: tuple[str, ...]  # the methods it answers
    public: bool = False  # reachable without logging in
    api: bool = False
    # Given the cast, the URL kwargs of an object that belongs to A, and whether A's partner
    # may see it. None: the route has no object in its URL.
    obj: object = None
    partner_sees: bool = False
    # URL kwargs that are not an owned object (e.g. an invitation token).
    args: object = None
    # Acting on the object is for the partner (reacting to their answer), not the author.
    partner_acts: bool = False


def _a_token(cast):
    from nearer.accounts.models import ApiToken

    token, _raw = ApiToken.issue(cast.a, "script")
    return {"pk": token.pk}


def _a_shared_moment(cast):
    return {"pk": make_moment(cast.a, Visibility.SHARED).pk}


def _a_shared_moment_api(cast):
    return {"moment_id": make_moment(cast.a, Visibility.SHARED).pk}


def _a_export(cast):
    from nearer.datarights.models import ExportJob
    from nearer.datarights.services import run_export

    job = ExportJob.objects.create(user=cast.a)
    run_export(job)  # ready to download, so the author's download succeeds
    return {"pk": job.pk}


def _a_revealed_answer(cast):
    """A's answer, revealed: B may react to it, nobody else may."""
    from nearer.questions import services

    _library_key()
    question = services.question_for(cast.a)
    mine = services.answer(cast.a, question, "From A")
    services.answer(cast.b, question, "From B")
    return {"pk": mine.pk}


def _a_revealed_answer_api(cast):
    return {"answer_id": _a_revealed_answer(cast)["pk"]}


def _a_solo_answer(cast):
    from nearer.questions.models import Answer, DailyQuestion
    from nearer.visibility import Visibility

    question = DailyQuestion.objects.create(
        space=f"u{cast.a.pk}", day="2020-01-01", item_id=_item_pk()
    )
    answer = Answer(question=question)
    answer.attach(cast.a, Visibility.MUTUAL, question.mutual_key)
    answer.couple = None
    answer.text = "written alone"
    answer.save()
    return {"pk": answer.pk}


def _item_pk():
    from nearer.library.models import Item

    _library_key()
    return Item.objects.get(key="q-fun-999").pk


def _a_note(cast):
    from nearer.notes.services import send_note

    return {"pk": send_note(cast.a, "thinking of you").pk}


def _a_appreciation(cast):
    from nearer.notes.services import add_appreciation

    return {"pk": add_appreciation(cast.a, "the tea you made").pk}


def _a_checkin(cast):
    from nearer.checkins.services import check_in

    return {"pk": check_in(cast.a, 3, 4, "tired").pk}


def _invite_token(cast):
    from nearer.couples import services

    _invite, raw = services.create_invite(cast.solo)
    return {"token": raw}


def _library_key():
    from nearer.library.models import Item

    defaults = {
        "kind": "question",
        "title": "What made you laugh?",
        "tags": " situation:all depth:light kids_and_chores_free ",
        "content_hash": "x",
        "source": "test",
        "loaded_at": "2026-01-01T00:00Z",
    }
    item, _created = Item.objects.get_or_create(key="q-fun-999", defaults=defaults)
    return item.key


ROUTES = {
    "landing": Route(("GET",), public=True),
    "safety": Route(("GET",), public=True),
    "healthz": Route(("GET",), public=True),
    "manifest": Route(("GET",), public=True),
    "service_worker": Route(("GET",), public=True),
    "favicon": Route(("GET",), public=True),
    "offline": Route(("GET",), public=True),
    "set_language": Route(("GET", "POST"), public=True),
    "today": Route(("GET",)),
    "accounts:settings": Route(("GET", "POST")),
    "accounts:token_create": Route(("POST",)),
    "accounts:token_revoke": Route(("POST",), obj=_a_token),
    "couples:settings": Route(("GET",)),
    "couples:invite_create": Route(("POST",)),
    "couples:invite_revoke": Route(("POST",)),
    "couples:leave": Route(("POST",)),
    "couples:join": Route(("GET", "POST"), public=True, args=_invite_token),
    "timeline:index": Route(("GET", "POST")),
    "timeline:detail": Route(("GET",), obj=_a_shared_moment, partner_sees=True),
    "timeline:delete": Route(("POST",), obj=_a_shared_moment),
    # Ninja's catch-all for the bare prefix: it answers 404 to everything.
    "library:index": Route(("GET",), public=True),
    "library:detail": Route(("GET",), public=True, args=lambda cast: {"key": _library_key()}),
    "api:library_search": Route(("GET",), api=True),
    "api:library_item": Route(("GET",), api=True, args=lambda cast: {"key": _library_key()}),
    "plans:start": Route(("GET", "POST")),
    "plans:overview": Route(("GET",)),
    "plans:pause": Route(("POST",)),
    "plans:resume": Route(("POST",)),
    "plans:mark": Route(("POST",)),
    "api:plan": Route(("GET",), api=True),
    "api:today": Route(("GET",), api=True),
    "api:mark_step": Route(("POST",), api=True, args=lambda cast: {"ref": "general:w1d1-both"}),
    "safety:check": Route(("GET", "POST")),
    "audit:events": Route(("GET",)),
    "datarights:index": Route(("GET",)),
    "datarights:export": Route(("POST",)),
    "datarights:export_status": Route(("GET",), obj=_a_export),
    "datarights:export_download": Route(("GET",), obj=_a_export),
    "datarights:delete": Route(("POST",)),
    "questions:today": Route(("GET", "POST")),
    "questions:history": Route(("GET",)),
    "questions:react": Route(("POST",), obj=_a_revealed_answer, partner_acts=True),
    "questions:share": Route(("POST",), obj=_a_solo_answer),
    "api:question_today": Route(("GET",), api=True),
    "api:question_answer": Route(("PUT",), api=True),
    "api:question_react": Route(("POST",), api=True, obj=_a_revealed_answer_api, partner_acts=True),
    "api:question_history": Route(("GET",), api=True),
    "notes:index": Route(("GET", "POST")),
    "notes:delete": Route(("GET", "POST"), obj=_a_note),
    "notes:jar": Route(("GET", "POST")),
    "notes:jar_delete": Route(("POST",), obj=_a_appreciation),
    "api:notes": Route(("GET",), api=True),
    "api:note_create": Route(("POST",), api=True),
    "api:note_delete": Route(("DELETE",), api=True, obj=lambda c: {"note_id": _a_note(c)["pk"]}),
    "api:appreciations": Route(("GET",), api=True),
    "api:appreciation_create": Route(("POST",), api=True),
    "checkins:checkin": Route(("GET", "POST")),
    "checkins:checkin_share": Route(("POST",), obj=_a_checkin),
    "checkins:meeting": Route(("GET", "POST")),
    "api:checkins": Route(("GET",), api=True),
    "api:checkin_create": Route(("POST",), api=True),
    "api:checkin_share": Route(
        ("POST",), api=True, obj=lambda c: {"checkin_id": _a_checkin(c)["pk"]}
    ),
    "api:meetings": Route(("GET",), api=True),
    "api:meeting_create": Route(("POST",), api=True),
    "api:prep": Route(("GET",), api=True),
    "api:prep_save": Route(("PUT",), api=True),
    "talks:talk": Route(("GET", "POST")),
    "api:talk_card": Route(("GET",), api=True),
    "api:talks": Route(("GET",), api=True),
    "api:talk_create": Route(("POST",), api=True),
    "api:api-root": Route((), public=True, api=True),
    "api:openapi-json": Route(("GET",), public=True, api=True),
    "api:me": Route(("GET",), api=True),
    "api:update_me": Route(("PATCH",), api=True),
    "api:couple": Route(("GET",), api=True),
    "api:invite_create": Route(("POST",), api=True),
    "api:invite_revoke": Route(("DELETE",), api=True),
    "api:invite_accept": Route(("POST",), api=True),
    "api:leave": Route(("POST",), api=True),
    "api:moment_list": Route(("GET",), api=True),
    "api:moment_create": Route(("POST",), api=True),
    "api:moment_detail": Route(("GET",), api=True, obj=_a_shared_moment_api, partner_sees=True),
    "api:moment_delete": Route(("DELETE",), api=True, obj=_a_shared_moment_api),
}


@dataclass
class Discovered:
    name: str
    pattern: str
    module: str
    params: tuple = ()


def discover():
    def walk(patterns, prefix="", namespace=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
            elif isinstance(p, URLPattern):
                name = f"{namespace}:{p.name}" if namespace else p.name
                params = tuple(p.pattern.regex.groupindex)
                yield Discovered(name, prefix + str(p.pattern), p.callback.__module__, params)

    return list(walk(get_resolver().url_patterns))


def is_admin(d):
    return d.name.startswith("admin:")


def ours():
    return [d for d in discover() if not d.module.startswith("allauth") and not is_admin(d)]


def admin_routes():
    return [d for d in discover() if is_admin(d)]


def allauth_routes():
    return [d for d in discover() if d.module.startswith("allauth")]


def path_methods():
    """For each URL path, every method some route on it answers."""
    methods = {}
    for d in ours():
        methods.setdefault(d.pattern, set()).update(
            ROUTES[d.name].methods if d.name in ROUTES else ()
        )
    return methods
