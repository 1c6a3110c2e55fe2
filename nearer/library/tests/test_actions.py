"""Every step leads somewhere: each library kind has its action, and every plan step's
action page answers."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import resolve, reverse

from nearer.library.actions import PLACES, action_for, action_for_step, place_for
from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.plans import services as plans
from nearer.plans.definitions import all_plans

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def first(kind):
    return Item.objects.current().filter(kind=kind).first()


def test_each_kind_leads_to_its_own_place(library):
    prompt, note, question = first("prompt"), first("note"), first("question")
    exercise, date = first("exercise"), first("date")

    assert action_for(prompt).url == f"{reverse('journal:new')}?prompt={prompt.key}"
    assert action_for(note).url == f"{reverse('notes:index')}?starter={note.key}"
    assert action_for(question).url == f"{reverse('talks:talk')}?card={question.key}"
    assert action_for(exercise).url == reverse("journal:exercise", kwargs={"key": exercise.key})
    step_url = action_for(exercise, step="general:w1d2-solo").url
    assert parse_qs(urlsplit(step_url).query) == {"from": ["general:w1d2-solo"]}
    # Until the dates app is merged a date idea leads to its library page (one marked line).
    assert resolve(urlsplit(action_for(date).url).path).view_name in {
        "library:detail",
        "dates:propose",
    }


def every_plan_step():
    for plan in all_plans().values():
        for week in plan.weeks:
            for step in week.weekly:
                yield f"{plan.situation}:{step.key}", step
            for day in week.days:
                for step in day.steps:
                    yield f"{plan.situation}:{step.key}", step


def test_every_plan_step_action_page_answers(library, cast, client_for):
    client = client_for(cast.a)
    items = {item.key: item for item in Item.objects.current()}
    seen_urls = {}
    steps = list(every_plan_step())
    assert len(steps) > 600
    for ref, step in steps:
        assert step.item is None or step.item in items, f"{ref}: {step.item} is not in the library"
        action = action_for_step(step, ref, items.get(step.item))
        if action.url not in seen_urls:
            seen_urls[action.url] = client.get(action.url).status_code
        assert seen_urls[action.url] == 200, (ref, action.url)
    kinds = {resolve(urlsplit(url).path).view_name for url in seen_urls}
    assert {"journal:new", "notes:index", "talks:talk", "journal:exercise"} <= kinds


def test_prompt_action_opens_entry_with_that_prompt(library, cast, client_for):
    prompt = first("prompt")
    page = client_for(cast.a).get(action_for(prompt).url).content.decode()
    assert prompt.title in page
    assert f'name="prompt" value="{prompt.key}"' in page


def test_note_starter_fills_in_the_note_form(library, cast, client_for):
    note = first("note")
    response = client_for(cast.a).get(action_for(note).url)
    assert response.context["form"].initial["text"] == note.title
    assert note.title in response.content.decode()


def test_question_becomes_the_talk_card(library, cast, client_for):
    question = Item.objects.current().filter(kind="question").last()
    response = client_for(cast.a).get(action_for(question).url)
    assert response.context["card"] == question
    assert response.context["form"].initial["card"] == question.key


def test_unknown_keys_fall_back_quietly(library, cast, client_for):
    client = client_for(cast.a)
    assert client.get(reverse("journal:new") + "?prompt=nope").context["prompt"] is None
    assert client.get(reverse("notes:index") + "?starter=nope").status_code == 200
    assert client.get(reverse("talks:talk") + "?card=nope").context["card"] is not None
    assert client.get(reverse("journal:exercise", kwargs={"key": "e-nope"})).status_code == 404


def test_library_page_and_today_show_the_action(library, cast, client_for):
    prompt = first("prompt")
    page = client_for(cast.a).get(reverse("library:detail", kwargs={"key": prompt.key}))
    assert action_for(prompt).url.replace("&", "&amp;") in page.content.decode()

    plans.enroll(cast.a, ["general"])
    today = plans.today_for(cast.a)
    body = client_for(cast.a).get(reverse("today")).content.decode()
    for planned in today.daily + today.weekly:
        assert action_for(planned.item, planned.ref).url.replace("&", "&amp;") in body


def test_a_step_without_an_item_leads_to_writing_about_it(cast, client_for):
    ref, step = next((ref, step) for ref, step in every_plan_step() if step.item is None)
    action = action_for_step(step, ref)
    page = client_for(cast.a).get(action.url)
    assert page.status_code == 200
    assert step.title in page.content.decode()


def test_guided_exercise_walks_steps_and_marks_the_plan_step(library, cast, client_for):
    plans.enroll(cast.solo, ["general"])
    planned = next(
        p
        for p in plans.today_for(cast.solo).daily + plans.today_for(cast.solo).weekly
        if p.item.kind == "exercise"
    )
    client = client_for(cast.solo)
    url = action_for(planned.item, planned.ref).url
    steps = planned.item.data["steps"]
    first_page = client.get(url)
    assert first_page.context["number"] == 1 and steps[0] in first_page.content.decode()
    last = client.get(f"{url}&step={len(steps)}")
    assert steps[-1] in last.content.decode()
    assert client.get(f"{url}&step=999").context["number"] == len(steps)
    assert client.get(f"{url}&step=abc").context["number"] == 1
    if planned.item.minutes:
        assert f'data-timer="{planned.item.minutes * 60}"' in first_page.content.decode()

    response = client.post(url, {"text": "It felt shy, then good.", "step": planned.ref})
    assert response.status_code == 302
    again = next(
        p
        for p in plans.today_for(cast.solo).daily + plans.today_for(cast.solo).weekly
        if p.ref == planned.ref
    )
    assert again.status == "done"
    from nearer.journal.models import Entry

    entry = Entry.objects.get(author=cast.solo)
    assert entry.text == "It felt shy, then good." and entry.item == planned.item
    assert entry.visibility == "private"
    assert b"It felt shy" not in bytes(entry.text_encrypted)


def test_exercise_from_a_stale_step_still_keeps_the_writing(library, cast, client_for):
    exercise = first("exercise")
    response = client_for(cast.a).post(
        action_for(exercise).url, {"text": "notes", "step": "general:not-today"}
    )
    assert response.status_code == 302
    from nearer.journal.models import Entry

    assert Entry.objects.get(author=cast.a).text == "notes"


def test_exercises_that_ask_for_a_place_offer_it(library, cast, client_for):
    client = client_for(cast.a)
    for key in PLACES:
        item = Item.objects.current().get(key=key)
        place = place_for(item)
        assert client.get(place.url).status_code == 200, key
        page = client.get(action_for(item).url).content.decode()
        assert place.url in page, key
    assert place_for(first("prompt")) is None


def test_today_links_to_the_deeper_work(library, cast, client_for):
    plans.enroll(cast.a, ["after_betrayal"])
    page = client_for(cast.a).get(reverse("today")).content.decode()
    for name in ("journal:index", "cycle:index", "desires:index", "trust:index"):
        assert reverse(name) in page
    assert reverse("recovery:index") not in page
