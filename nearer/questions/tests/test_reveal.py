"""The reveal: one-tap reactions, a short reply thread under each answer, and a moment of
warmth when both have answered, all without JavaScript (htmx only enhances)."""

import pytest
from django.conf import settings
from django.urls import reverse

from nearer.couples.services import leave_couple
from nearer.library.loader import load_library
from nearer.questions import services
from nearer.questions.models import Reaction, Reply

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def library():
    load_library(settings.NEARER_CONTENT_DIR)


@pytest.fixture
def revealed(cast):
    question = services.question_for(cast.a)
    ada = services.answer(cast.a, question, "The walk by the river")
    ben = services.answer(cast.b, question, "Our first dinner")
    return ada, ben


def test_the_second_answer_brings_a_moment_of_warmth(cast, client_for):
    question = services.question_for(cast.a)
    services.answer(cast.a, question, "The walk by the river")
    response = client_for(cast.b).post(
        reverse("questions:today"), {"text": "Our dinner"}, follow=True
    )
    html = response.content.decode()
    assert "You have both answered. Here is what you each wrote." in html
    assert 'class="warmth"' in html and "The walk by the river" in html


def test_reactions_are_one_tap_buttons_not_a_dropdown(revealed, cast, client_for):
    html = client_for(cast.b).get(reverse("questions:today")).content.decode()
    section = html.split('id="reveal-heading"')[1].split("</main>")[0]
    assert "<select" not in section
    for value, label in Reaction.Kind.choices:
        assert f'name="kind" value="{value}"' in section and str(label) in section


def test_one_tap_reacts_and_a_second_tap_takes_it_back(revealed, cast, client_for):
    ada, _ = revealed
    ben = client_for(cast.b)
    url = reverse("questions:react", args=[ada.pk])
    response = ben.post(url, {"kind": "heart"})
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{ada.pk}")
    assert Reaction.objects.get(answer=ada).kind == "heart"
    page = ben.get(reverse("questions:today")).content.decode()
    assert 'value="heart" class="secondary" aria-pressed="true"' in page
    assert "Ben: Love this" in client_for(cast.a).get(reverse("questions:today")).content.decode()
    ben.post(url, {"kind": "hug"})
    assert Reaction.objects.get(answer=ada).kind == "hug"
    ben.post(url, {"kind": "hug"})
    assert not Reaction.objects.filter(answer=ada).exists()


def test_both_partners_write_in_the_thread_under_an_answer(revealed, cast, client_for):
    ada, _ = revealed
    url = reverse("questions:reply", args=[ada.pk])
    assert client_for(cast.b).post(url, {"text": "I remember the herons"}).status_code == 302
    assert client_for(cast.a).post(url, {"text": "And the rain after"}).status_code == 302
    for person in (cast.a, cast.b):
        html = client_for(person).get(reverse("questions:today")).content.decode()
        thread = html.split(f'id="responses-{ada.pk}"')[1].split("</ul>")[0]
        assert thread.index("I remember the herons") < thread.index("And the rain after")


def test_replies_are_encrypted_and_registered(revealed, cast):
    from nearer import registry

    ada, _ = revealed
    reply = services.reply(cast.b, ada, "very tender words")
    assert b"very tender" not in bytes(Reply.objects.get(pk=reply.pk).text_encrypted)
    assert Reply.objects.get(pk=reply.pk).text == "very tender words"
    assert "text" in registry.entry_for(Reply).encrypted
    assert reply.export_data()["text"] == "very tender words"


def test_no_reply_before_the_reveal(cast, client_for):
    question = services.question_for(cast.a)
    ada = services.answer(cast.a, question, "only mine so far")
    url = reverse("questions:reply", args=[ada.pk])
    assert client_for(cast.a).post(url, {"text": "hello"}).status_code == 404
    assert client_for(cast.b).post(url, {"text": "hello"}).status_code == 404
    assert not Reply.objects.exists()


def test_the_thread_leaves_with_the_partner(revealed, cast, client_for):
    ada, _ = revealed
    services.reply(cast.b, ada, "from Ben")
    leave_couple(cast.b)
    cast.fresh()
    html = client_for(cast.a).get(reverse("questions:history")).content.decode()
    assert "from Ben" not in html
    assert not Reply.objects.visible_to(cast.a).exclude(author=cast.a).exists()


def test_bad_replies_get_a_message_and_no_error(revealed, cast, client_for):
    ada, _ = revealed
    ben = client_for(cast.b)
    url = reverse("questions:reply", args=[ada.pk])
    response = ben.post(url, {"text": "   "}, follow=True)
    assert response.status_code == 200 and "Write a few words" in response.content.decode()
    response = ben.post(url, {"text": "x" * 501}, follow=True)
    assert response.status_code == 200 and not Reply.objects.exists()
    for n in range(Reply.MAX_IN_THREAD):
        services.reply(cast.b if n % 2 else cast.a, ada, f"line {n}")
    response = ben.post(url, {"text": "one more"}, follow=True)
    assert "This thread is full" in response.content.decode()
    assert Reply.objects.filter(answer=ada).count() == Reply.MAX_IN_THREAD


def test_htmx_gets_just_the_answers_responses(revealed, cast, client_for):
    ada, _ = revealed
    ben = client_for(cast.b)
    response = ben.post(
        reverse("questions:reply", args=[ada.pk]), {"text": "lovely"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.strip().startswith(f'<div class="responses" id="responses-{ada.pk}"')
    assert "lovely" in html
    tapped = ben.post(
        reverse("questions:react", args=[ada.pk]), {"kind": "thanks"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'value="thanks" class="secondary" aria-pressed="true"' in tapped


def test_api_reply_and_thread(revealed, cast, client_for):
    ada, _ = revealed
    response = client_for(cast.b).post(
        f"/api/v1/question/answers/{ada.pk}/replies",
        {"text": "me too"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["mine"] is True
    client_for(cast.b).post(
        f"/api/v1/question/answers/{ada.pk}/reaction",
        {"kind": "heart"},
        content_type="application/json",
    )
    mine = client_for(cast.a).get("/api/v1/question").json()["my_answer"]
    assert mine["reactions"] == ["heart"]
    assert [r["text"] for r in mine["replies"]] == ["me too"]
