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
    # Both the author and the partner act on it (the reply thread under a revealed answer).
    both_act: bool = False


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


# deeper work (issue 12) ------------------------------------------------------------------
def _a_shared_entry(cast):
    from nearer.journal import services

    entry = services.write(cast.a, "A shared page", ["us"])
    return {"pk": services.share(cast.a, entry).pk}


def _an_episode(cast):
    from nearer.cycle.services import log_episode

    return {"pk": log_episode(cast.a, {"happened": "We argued about the weekend"}).pk}


def _a_shared_commitment(cast):
    from nearer.trust.services import make_commitment

    return {"pk": make_commitment(cast.a, "I will call when I am late", share=True).pk}


def _a_kept_record(cast):
    from nearer.trust.models import Commitment
    from nearer.trust.services import record_kept

    commitment = Commitment.objects.get(pk=_a_shared_commitment(cast)["pk"])
    return {"pk": record_kept(cast.a, commitment).pk}


def _a_shared_counter(cast):
    from datetime import date

    from nearer.recovery.services import start_counter

    return {"pk": start_counter(cast.a, "days of care", date(2026, 1, 1), share=True).pk}


def _a_shared_session(cast):
    from datetime import date

    from nearer.recovery.services import log_session

    return {"pk": log_session(cast.a, "group", date(2026, 1, 1), "", share=True).pk}


def _a_shared_dream(cast):
    from nearer.dreams.services import add_dream

    return {"pk": add_dream(cast.a, "A small house by the sea").pk}


def _a_shared_goal(cast):
    from nearer.dreams.services import add_goal

    return {"pk": add_goal(cast.a, "together", "Walk the coast path", None, True).pk}


def _a_shared_step(cast):
    from nearer.dreams.models import Goal
    from nearer.dreams.services import add_step

    goal = Goal.objects.get(pk=_a_shared_goal(cast)["pk"])
    return {"pk": add_step(cast.a, goal, "Buy a map", None).pk}


def _a_shared_photo(cast):
    import io

    from PIL import Image

    from nearer.timeline.photos import add_photo

    out = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(out, format="PNG")
    return {"pk": add_photo(cast.a, make_moment(cast.a, Visibility.SHARED), out.getvalue()).pk}


def _a_shared_entry_api(cast):
    return {"entry_id": _a_shared_entry(cast)["pk"]}


def _desire_key(cast):
    from nearer.library.models import Item

    defaults = {
        "kind": "desire",
        "title": "Holding hands on a walk",
        "tags": " tender ",
        "content_hash": "x",
        "source": "test",
        "loaded_at": "2026-01-01T00:00Z",
    }
    item, _created = Item.objects.get_or_create(key="w-test-999", defaults=defaults)
    return {"key": item.key}


def _exercise_key(cast):
    from nearer.library.models import Item

    defaults = {
        "kind": "exercise",
        "title": "Two minutes of noticing",
        "minutes": 5,
        "data": {"steps": ["Sit together.", "Notice one thing."], "method": "Gottman method"},
        "content_hash": "x",
        "source": "test",
        "loaded_at": "2026-01-01T00:00Z",
    }
    item, _created = Item.objects.get_or_create(key="e-test-999", defaults=defaults)
    return {"key": item.key}


ROUTES = {
    "landing": Route(("GET",), public=True),
    "safety": Route(("GET",), public=True),
    "healthz": Route(("GET",), public=True),
    # For the operator only (local or with NEARER_HEALTH_TOKEN); its own tests are in
    # nearer/background/tests. Its answer depends on the worker, so not walked here.
    "healthz_ready": Route((), public=True),
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
    "safety:gentle": Route(("POST",)),
    "audit:events": Route(("GET",)),
    "datarights:index": Route(("GET",)),
    "datarights:export": Route(("POST",)),
    "datarights:export_status": Route(("GET",), obj=_a_export),
    "datarights:export_download": Route(("GET",), obj=_a_export),
    "datarights:delete": Route(("POST",)),
    # Development only (NEARER_DEV_OUTBOX); in tests and production it answers 404.
    "accounts:dev_outbox": Route((), public=True),
    "api:export_request": Route(("POST",), api=True),
    "api:export_status": Route(("GET",), api=True, obj=lambda c: {"job_id": _a_export(c)["pk"]}),
    "api:export_download": Route(("GET",), api=True, obj=lambda c: {"job_id": _a_export(c)["pk"]}),
    "api:deletion_request": Route(("POST",), api=True),
    "api:deletion_cancel": Route(("DELETE",), api=True),
    "questions:today": Route(("GET", "POST")),
    "questions:history": Route(("GET",)),
    "questions:react": Route(("POST",), obj=_a_revealed_answer, partner_acts=True),
    "questions:share": Route(("POST",), obj=_a_solo_answer),
    "questions:reply": Route(("POST",), obj=_a_revealed_answer, both_act=True),
    "api:question_today": Route(("GET",), api=True),
    "api:question_answer": Route(("PUT",), api=True),
    "api:question_react": Route(("POST",), api=True, obj=_a_revealed_answer_api, partner_acts=True),
    "api:question_reply": Route(("POST",), api=True, obj=_a_revealed_answer_api, both_act=True),
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
    # progress (nearer/progress)
    "progress:index": Route(("GET",)),
    "progress:csi": Route(("GET", "POST")),
    "progress:share": Route(("POST",)),
    "progress:help": Route(("GET",), public=True),
    "progress:summary": Route(("GET", "POST")),
    "api:csi_results": Route(("GET",), api=True),
    "api:csi_record": Route(("POST",), api=True),
    "api:sharing_save": Route(("PUT",), api=True),
    "api:help_suggestions": Route(("GET",), api=True),
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
    # deeper work (issue 12)
    "journal:index": Route(("GET",)),
    "journal:new": Route(("GET", "POST")),
    "journal:detail": Route(("GET",), obj=_a_shared_entry, partner_sees=True),
    "journal:edit": Route(("GET", "POST"), obj=_a_shared_entry),
    "journal:share": Route(("POST",), obj=_a_shared_entry),
    "journal:unshare": Route(("POST",), obj=_a_shared_entry),
    "journal:delete": Route(("POST",), obj=_a_shared_entry),
    "journal:exercise": Route(("GET", "POST"), args=_exercise_key),
    "desires:index": Route(("GET", "POST")),
    "desires:together": Route(("GET",)),
    "cycle:index": Route(("GET",)),
    "cycle:episode_new": Route(("GET", "POST")),
    "cycle:episode_delete": Route(("POST",), obj=_an_episode),
    "cycle:map": Route(("GET", "POST")),
    "cycle:map_share": Route(("POST",)),
    "cycle:map_unshare": Route(("POST",)),
    "cycle:ours": Route(("GET",)),
    "trust:index": Route(("GET", "POST")),
    "trust:statement": Route(("GET", "POST")),
    "trust:statement_share": Route(("POST",)),
    "trust:statement_unshare": Route(("POST",)),
    "trust:commitment_delete": Route(("POST",), obj=_a_shared_commitment),
    "trust:kept": Route(("POST",), obj=_a_shared_commitment),
    "trust:noticed": Route(("POST",), obj=_a_kept_record, partner_acts=True),
    "trust:feelings": Route(("GET", "POST")),
    "recovery:index": Route(("GET", "POST")),
    "recovery:start_again": Route(("POST",), obj=_a_shared_counter),
    "recovery:counter_share": Route(("POST",), obj=_a_shared_counter),
    "recovery:counter_delete": Route(("POST",), obj=_a_shared_counter),
    "recovery:sessions": Route(("GET", "POST")),
    "recovery:session_delete": Route(("POST",), obj=_a_shared_session),
    "recovery:medical": Route(("GET",), public=True),
    "dreams:board": Route(("GET", "POST")),
    "dreams:hold": Route(("POST",), obj=_a_shared_dream, partner_acts=True),
    "dreams:dream_delete": Route(("POST",), obj=_a_shared_dream),
    "dreams:goals": Route(("GET", "POST")),
    "dreams:add_step": Route(("POST",), obj=_a_shared_goal),
    "dreams:goal_delete": Route(("POST",), obj=_a_shared_goal),
    "dreams:toggle_step": Route(("POST",), obj=_a_shared_step),
    "api:journal_entries": Route(("GET",), api=True),
    "api:journal_create": Route(("POST",), api=True),
    "api:journal_shared": Route(("GET",), api=True),
    "api:journal_entry": Route(("GET",), api=True, obj=_a_shared_entry_api, partner_sees=True),
    "api:journal_delete": Route(("DELETE",), api=True, obj=_a_shared_entry_api),
    "api:journal_share": Route(("POST",), api=True, obj=_a_shared_entry_api),
    "api:journal_unshare": Route(("POST",), api=True, obj=_a_shared_entry_api),
    "api:desires": Route(("GET",), api=True),
    "api:desire_answer": Route(("PUT",), api=True, args=_desire_key),
    "api:desires_together": Route(("GET",), api=True),
    "api:cycle_episodes": Route(("GET",), api=True),
    "api:cycle_episode_create": Route(("POST",), api=True),
    "api:cycle_pattern": Route(("GET",), api=True),
    "api:cycle_ours": Route(("GET",), api=True),
    "api:trust_commitments": Route(("GET",), api=True),
    "api:trust_commitment_create": Route(("POST",), api=True),
    "api:trust_kept": Route(
        ("POST",), api=True, obj=lambda c: {"commitment_id": _a_shared_commitment(c)["pk"]}
    ),
    "api:recovery_counters": Route(("GET",), api=True),
    "api:recovery_counter_create": Route(("POST",), api=True),
    "api:recovery_start_again": Route(
        ("POST",), api=True, obj=lambda c: {"counter_id": _a_shared_counter(c)["pk"]}
    ),
    "api:recovery_sessions": Route(("GET",), api=True),
    "api:recovery_session_create": Route(("POST",), api=True),
    "api:dreams": Route(("GET",), api=True),
    "api:dream_create": Route(("POST",), api=True),
    "api:dream_hold": Route(
        ("POST",), api=True, obj=lambda c: {"dream_id": _a_shared_dream(c)["pk"]}, partner_acts=True
    ),
    "api:goals": Route(("GET",), api=True),
    "api:goal_create": Route(("POST",), api=True),
    "timeline:photo_add": Route(("POST",), obj=_a_shared_moment),
    "timeline:milestones": Route(("POST",)),
    "timeline:photo": Route(("GET",), obj=_a_shared_photo, partner_sees=True),
    "timeline:photo_delete": Route(("POST",), obj=_a_shared_photo),
}


# --- time together (dates, calendar, reminders) ------------------------------------------


def _date_key():
    from nearer.library.models import Item

    defaults = {
        "kind": "date",
        "title": "A picnic somewhere new",
        "tags": " situation:all situation:long_distance ",
        "content_hash": "x",
        "source": "test",
        "loaded_at": "2026-01-01T00:00Z",
    }
    item, _created = Item.objects.get_or_create(key="d-test-picnic", defaults=defaults)
    return item.key


def _a_proposal_obj(cast):
    from datetime import timedelta

    from django.utils import timezone

    from nearer.dates import services

    soon = timezone.now() + timedelta(days=7)
    return services.propose(cast.a, [soon, soon + timedelta(days=1)], title="Stargazing")


def _a_proposal(cast):
    return {"pk": _a_proposal_obj(cast).pk}


def _a_proposal_time(cast):
    proposal = _a_proposal_obj(cast)
    return {"pk": proposal.pk, "time_pk": proposal.times.first().pk}


def _a_accepted_date(cast):
    from nearer.dates import services

    proposal = _a_proposal_obj(cast)
    services.accept(cast.b, proposal, proposal.times.first())
    return {"pk": proposal.pk}


def _a_past_date(cast):
    """A's date that B accepted and that has happened (reflections and "we tried something
    new" open then)."""
    from datetime import timedelta

    from django.utils import timezone

    from nearer.dates.models import Proposal

    pk = _a_accepted_date(cast)["pk"]
    Proposal.objects.filter(pk=pk).update(starts_at=timezone.now() - timedelta(days=1))
    return {"proposal_id": pk}


def _a_series(cast):
    from datetime import datetime

    from nearer.dates import services

    series = services.add_series(
        cast.a,
        kind="together",
        title="Friday is ours",
        rule="FREQ=WEEKLY;BYDAY=FR",
        starts_local=datetime(2026, 1, 2, 19, 0),
    )
    return {"pk": series.pk}


def _a_skipped_series(cast):
    """A's series with one time skipped, so bringing it back succeeds for A."""
    from datetime import datetime

    from nearer.dates import services
    from nearer.dates.models import Series

    pk = _a_series(cast)["pk"]
    services.skip_occurrence(cast.a, Series.objects.get(pk=pk), datetime(2026, 1, 9, 19, 0))
    return {"pk": pk}


def _a_free_time(cast):
    from datetime import time

    from nearer.dates import services

    return {"pk": services.add_free_time(cast.a, 2, time(18, 0), time(21, 0)).pk}


def _a_visit(cast):
    from datetime import date

    from nearer.dates import services

    return {"pk": services.add_visit(cast.a, date(2030, 5, 1), date(2030, 5, 9), "Lisbon").pk}


def _a_feed_token(cast):
    from nearer.dates.calendar import regenerate_feed

    return {"token": regenerate_feed(cast.a).token}


def _a_unsubscribe_token(cast):
    from nearer.reminders.services import unsubscribe_token

    return {"token": unsubscribe_token(cast.a)}


TIME_TOGETHER_ROUTES = {
    "dates:index": Route(("GET",)),
    "dates:propose": Route(("GET", "POST")),
    "dates:ideas": Route(("GET",)),
    "dates:mark_idea": Route(("POST",), args=lambda cast: {"key": _date_key()}),
    "dates:reflect": Route(("POST",)),
    "dates:tried_new": Route(("POST",)),
    "dates:detail": Route(("GET",), obj=_a_proposal, partner_sees=True),
    "dates:accept": Route(("POST",), obj=_a_proposal_time, partner_acts=True),
    "dates:suggest": Route(("POST",), obj=_a_proposal, partner_acts=True),
    "dates:decline": Route(("POST",), obj=_a_proposal, partner_acts=True),
    "dates:cancel": Route(("POST",), obj=_a_proposal),
    "dates:event_ics": Route(("GET",), obj=_a_accepted_date, partner_sees=True),
    "dates:series": Route(("GET", "POST")),
    "dates:series_edit": Route(("GET", "POST"), obj=_a_series),
    "dates:series_skip": Route(("POST",), obj=_a_series),
    "dates:series_unskip": Route(("POST",), obj=_a_skipped_series),
    "dates:series_delete": Route(("POST",), obj=_a_series),
    "dates:series_ics": Route(("GET",), obj=_a_series, partner_sees=True),
    "dates:calendar": Route(("GET",)),
    "dates:feed_settings": Route(("GET", "POST")),
    "dates:feed": Route(("GET",), public=True, args=_a_feed_token),
    "dates:distance": Route(("GET",)),
    "dates:free_add": Route(("POST",)),
    "dates:free_delete": Route(("POST",), obj=_a_free_time),
    "dates:visit_add": Route(("POST",)),
    "dates:visit_edit": Route(("GET", "POST"), obj=_a_visit),
    "dates:visit_delete": Route(("POST",), obj=_a_visit),
    "dates:visit_ics": Route(("GET",), obj=_a_visit, partner_sees=True),
    "reminders:settings": Route(("GET", "POST")),
    "reminders:push_subscribe": Route(("POST",)),
    "reminders:unsubscribe": Route(("GET", "POST"), public=True, args=_a_unsubscribe_token),
}
TIME_TOGETHER_ROUTES |= {
    "api:dates": Route(("GET",), api=True),
    "api:date_create": Route(("POST",), api=True),
    "api:date_detail": Route(
        ("GET",), api=True, obj=lambda c: {"proposal_id": _a_proposal(c)["pk"]}, partner_sees=True
    ),
    "api:date_accept": Route(
        ("POST",),
        api=True,
        obj=lambda c: {
            "proposal_id": (t := _a_proposal_time(c))["pk"],
            "time_id": t["time_pk"],
        },
        partner_acts=True,
    ),
    "api:date_decline": Route(
        ("POST",), api=True, obj=lambda c: {"proposal_id": _a_proposal(c)["pk"]}, partner_acts=True
    ),
    "api:date_suggest": Route(
        ("POST",), api=True, obj=lambda c: {"proposal_id": _a_proposal(c)["pk"]}, partner_acts=True
    ),
    # Either partner calls off a planned date.
    "api:date_cancel": Route(
        ("POST",),
        api=True,
        obj=lambda c: {"proposal_id": _a_accepted_date(c)["pk"]},
        both_act=True,
    ),
    "api:date_reflections": Route(("GET",), api=True, obj=_a_past_date, partner_sees=True),
    "api:date_reflect": Route(("POST",), api=True, obj=_a_past_date, both_act=True),
    "api:date_tried_new": Route(("PUT",), api=True, obj=_a_past_date, both_act=True),
    "api:new_things": Route(("GET",), api=True),
    "api:date_ideas": Route(("GET",), api=True),
    "api:date_idea_mark": Route(("PUT",), api=True, args=lambda cast: {"key": _date_key()}),
    "api:calendar": Route(("GET",), api=True),
    "api:feed": Route(("GET",), api=True),
    "api:feed_regenerate": Route(("POST",), api=True),
    "api:feed_revoke": Route(("DELETE",), api=True),
    "api:feed_titles": Route(("PUT",), api=True),
    "api:series_list": Route(("GET",), api=True),
    "api:series_create": Route(("POST",), api=True),
    "api:series_skip": Route(("POST",), api=True, obj=lambda c: {"series_id": _a_series(c)["pk"]}),
    "api:series_update": Route(
        ("PATCH",), api=True, obj=lambda c: {"series_id": _a_series(c)["pk"]}
    ),
    "api:series_unskip": Route(
        ("POST",), api=True, obj=lambda c: {"series_id": _a_skipped_series(c)["pk"]}
    ),
    "api:series_delete": Route(
        ("DELETE",), api=True, obj=lambda c: {"series_id": _a_series(c)["pk"]}
    ),
    "api:visits": Route(("GET",), api=True),
    "api:visit_next": Route(("GET",), api=True),
    "api:visit_create": Route(("POST",), api=True),
    "api:visit_update": Route(("PATCH",), api=True, obj=lambda c: {"visit_id": _a_visit(c)["pk"]}),
    "api:visit_delete": Route(("DELETE",), api=True, obj=lambda c: {"visit_id": _a_visit(c)["pk"]}),
    "api:free_times": Route(("GET",), api=True),
    "api:free_times_set": Route(("PUT",), api=True),
    "api:free_windows": Route(("GET",), api=True),
    "api:preferences": Route(("GET",), api=True),
    "api:preferences_save": Route(("PUT",), api=True),
}
ROUTES.update(TIME_TOGETHER_ROUTES)


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
