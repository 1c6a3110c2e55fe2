"""Translated content: ``<file>.es.yaml`` beside a content file is loaded onto its items,
shown to people whose language is Spanish (English per item where a translation is
missing), checked like the source, and kept honest by ``scripts/content_i18n.py``."""

import shutil
import sys
from pathlib import Path

import pytest
import time_machine
import yaml
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from nearer.library.loader import LibraryError, load_library, read_library
from nearer.library.models import Item
from nearer.plans import definitions
from nearer.plans import services as plans
from nearer.questions import services as questions
from nearer.safety import services as safety

sys.path.insert(0, str(Path(settings.BASE_DIR) / "scripts"))
import content_i18n  # noqa: E402

pytestmark = pytest.mark.django_db

QUESTIONS = """\
- id: q-test-001
  text: What made you smile this week?
  depth: light
  themes: [everyday]
  situations: [all]
  kids_and_chores_free: true
- id: q-test-002
  text: Which trip would you take again?
  depth: light
  themes: [memories]
  situations: [all]
  kids_and_chores_free: true
"""

QUESTIONS_ES = """\
# Spanish for q.yaml: a comment the stamp must keep.
- id: q-test-001
  text: ¿Qué te ha hecho sonreír esta semana?
"""

FAQ = """\
- id: f-test-one
  question: Can my partner read my journal?
  answer: No. Your journal is **yours alone**; nothing in it reaches your partner unless
    you share it.
- id: f-test-two
  question: Does Nearer send my data anywhere?
  answer: No. Everything stays on the server you use, and you can export or delete it at any time.
"""

FAQ_ES = """\
- id: f-test-one
  question: ¿Puede mi pareja leer mi diario?
  answer: No. Tu diario es **solo tuyo**; nada de lo que hay en él llega a tu pareja salvo
    que lo compartas.
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path):
    """A small content folder: two questions and two FAQ answers, one of each translated."""
    write(tmp_path, "questions/q.yaml", QUESTIONS)
    write(tmp_path, "questions/q.es.yaml", QUESTIONS_ES)
    write(tmp_path, "faq/faq.yaml", FAQ)
    write(tmp_path, "faq/faq.es.yaml", FAQ_ES)
    return tmp_path


@pytest.fixture
def content(tmp_path):
    """A copy of the real content folder, to add translations to."""
    root = tmp_path / "content"
    shutil.copytree(settings.NEARER_CONTENT_DIR, root)
    return root


def translate(root: Path, item: Item, **text) -> None:
    """Give ``item`` this Spanish translation in the file beside its source (replacing the
    one the real content may already have)."""
    path = root / item.source.replace(".yaml", ".es.yaml")
    entries = (yaml.safe_load(path.read_text()) if path.exists() else None) or []
    entries = [e for e in entries if e["id"] != item.key] + [{"id": item.key, **text}]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


def untranslate(root: Path, item: Item) -> None:
    """Take ``item``'s Spanish translation out of the file beside its source."""
    path = root / item.source.replace(".yaml", ".es.yaml")
    entries = (yaml.safe_load(path.read_text()) if path.exists() else None) or []
    entries = [e for e in entries if e["id"] != item.key]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


def english_title(item: Item) -> str:
    with override("en"):
        return Item.objects.get(pk=item.pk).title


def speaking(user, language):
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_translation_files_are_not_read_as_new_english_items(small):
    assert sorted(entry.key for entry in read_library(small)) == [
        "f-test-one",
        "f-test-two",
        "q-test-001",
        "q-test-002",
    ]


def test_items_show_in_the_active_language_and_fall_back_to_english_per_item(small):
    load_library(small)
    with override("es"):
        items = {item.key: item for item in Item.objects.all()}
        assert items["q-test-001"].title == "¿Qué te ha hecho sonreír esta semana?"
        assert items["q-test-001"].data["text"] == items["q-test-001"].title
        assert items["q-test-001"].data["depth"] == "light"  # only the text is translated
        assert items["q-test-002"].title == "Which trip would you take again?"
        assert "**solo tuyo**" in items["f-test-one"].data["answer"]
        assert items["f-test-two"].data["answer"].startswith("No. Everything stays")
    with override("en"):
        assert Item.objects.get(key="q-test-001").title == "What made you smile this week?"


def test_a_shown_translation_is_never_written_back_as_the_english(small):
    load_library(small)
    with override("es"):
        item = Item.objects.get(key="q-test-001")
        with pytest.raises(ValueError, match="translated item"):
            item.save()
        load_library(small)  # a reload while Spanish is active still writes English
    with override("en"):
        assert Item.objects.get(key="q-test-001").title == "What made you smile this week?"


def test_reloading_is_idempotent_and_a_changed_translation_updates_its_item(small):
    first = load_library(small)
    assert (first.created, first.updated) == (4, 0)
    assert first.translated == {"es": (2, 0)}
    again = load_library(small)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    write(small, "questions/q.es.yaml", QUESTIONS_ES.replace("esta semana", "estos días"))
    changed = load_library(small)
    assert (changed.updated, changed.unchanged) == (1, 3)
    with override("es"):
        assert Item.objects.get(key="q-test-001").title == "¿Qué te ha hecho sonreír estos días?"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("- id: q-nope-001\n  text: ¿Quién?\n", "questions/q.es.yaml item q-nope-001: no item"),
        (
            "- id: f-test-one\n  text: ¿Qué?\n",
            "questions/q.es.yaml item f-test-one: no item f-test-one in the English source "
            "file (it lives in faq/faq.yaml)",
        ),
        (
            "- id: q-test-001\n  depth: deep\n",
            "questions/q.es.yaml item q-test-001: not a translatable field: depth",
        ),
        (
            "- id: q-test-001\n  text: Sin pregunta\n",
            "questions/q.es.yaml item q-test-001: text: Value error, a question ends with '?'",
        ),
        ("- id: q-test-001\n  text: ''\n", "questions/q.es.yaml item q-test-001: text must be"),
    ],
)
def test_the_loader_rejects_a_bad_translation_naming_file_and_id(small, entry, problem):
    write(small, "questions/q.es.yaml", entry)
    with pytest.raises(LibraryError) as error:
        load_library(small)
    assert any(p.startswith(problem) for p in error.value.problems), error.value.problems
    assert not Item.objects.exists()  # nothing half-loaded


def test_check_reports_coverage_unstamped_stale_and_unknown_entries(small, capsys):
    report = content_i18n.check(small, "es")
    assert (report["questions"].translated, report["questions"].total) == (1, 2)
    assert report["questions"].missing == ["q-test-002"]
    assert report["questions"].unstamped == ["q-test-001"]
    assert report["questions"].stale == []

    assert content_i18n.main(["stamp", "es", "--root", str(small)]) == 0
    stamped = (small / "questions/q.es.yaml").read_text()
    assert stamped.startswith("# Spanish for q.yaml: a comment the stamp must keep.\n")
    assert "- id: q-test-001\n  source: " in stamped
    assert content_i18n.check(small, "es")["questions"].unstamped == []

    # The English changes: the translation is stale, still loaded and shown, and listed.
    write(small, "questions/q.yaml", QUESTIONS.replace("this week", "these days"))
    report = content_i18n.check(small, "es")
    assert report["questions"].stale == ["questions/q.es.yaml: q-test-001"]
    assert load_library(small).translated == {"es": (2, 1)}
    with override("es"):
        assert Item.objects.get(key="q-test-001").title.startswith("¿Qué te ha hecho")

    # Once someone updates it, re-stamping that one entry makes it current again.
    content_i18n.main(["stamp", "es", "--root", str(small), "--refresh", "q-test-001"])
    assert content_i18n.check(small, "es")["questions"].stale == []

    write(small, "faq/faq.es.yaml", "- id: f-unknown\n  question: ¿Qué?\n")
    assert content_i18n.main(["check", "es", "--root", str(small)]) == 1
    assert "error: faq/faq.es.yaml item f-unknown: no item" in capsys.readouterr().out


def test_spanish_speaker_sees_the_spanish_question_of_the_day(cast, client_for, content):
    load_library(content)
    with time_machine.travel("2026-06-01 12:00Z", tick=False):
        item = questions.question_for(cast.a).item
        translate(content, item, text="¿Qué pequeño gesto de hoy quieres recordar?")
        load_library(content)
        speaking(cast.a, "es")
        spanish = client_for(cast.a).get(reverse("questions:today")).content.decode()
        english = client_for(cast.b).get(reverse("questions:today")).content.decode()
        today = client_for(cast.a).get(reverse("today")).content.decode()
    assert "¿Qué pequeño gesto de hoy quieres recordar?" in spanish
    assert "¿Qué pequeño gesto de hoy quieres recordar?" in today
    assert english_title(item) in english and "¿Qué pequeño gesto" not in english


def test_the_api_answers_in_the_persons_language_by_session_or_token(cast, client, content):
    from nearer.accounts.models import ApiToken

    load_library(content)
    with time_machine.travel("2026-06-01 12:00Z", tick=False):
        item = questions.question_for(cast.a).item
        translate(content, item, text="¿Qué pequeño gesto de hoy quieres recordar?")
        load_library(content)
        _token, raw = ApiToken.issue(speaking(cast.a, "es"), "script")
        by_token = client.get("/api/v1/question", headers={"Authorization": f"Bearer {raw}"})
        client.force_login(cast.b)
        by_session = client.get("/api/v1/question")
    assert by_token.json()["question"] == "¿Qué pequeño gesto de hoy quieres recordar?"
    assert by_session.json()["question"] == english_title(item)


def test_spanish_speaker_sees_the_spanish_faq_and_english_where_untranslated(
    cast, client_for, content
):
    load_library(content)
    first, second = Item.objects.filter(kind="faq").order_by("key")[:2]
    translate(
        content,
        first,
        question="¿Una pregunta de prueba?",
        answer="Una respuesta de prueba, con **negrita**, lo bastante larga para el esquema.",
    )
    untranslate(content, second)
    load_library(content)
    client = client_for(speaking(cast.a, "es"))
    html = client.get(reverse("library:detail", args=[first.key])).content.decode()
    assert "<h1>¿Una pregunta de prueba?</h1>" in html and "<strong>negrita</strong>" in html
    untranslated = client.get(reverse("library:detail", args=[second.key])).content.decode()
    assert f"<h1>{english_title(second)}</h1>" in untranslated.replace("&#x27;", "'")
    english = client_for(cast.b).get(reverse("library:detail", args=[first.key])).content.decode()
    assert "<h1>¿Una pregunta de prueba?</h1>" not in english


@time_machine.travel("2026-06-01 12:00Z", tick=False)
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_danger_path_speaks_the_persons_language(cast, client_for, language):
    load_library(settings.NEARER_CONTENT_DIR)
    person = speaking(cast.a, language)
    plans.enroll(person, ["many_years"])
    safety.record(person, {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"})
    with override("en"):
        step = plans.today_for(person).daily[0].step
    spanish = {
        e["id"]: e
        for e in yaml.safe_load(
            (settings.NEARER_CONTENT_DIR / "safety/individual_steps.es.yaml").read_text()
        )
    }
    html = client_for(person).get(reverse("today")).content.decode().replace("&#x27;", "'")
    safety_page = client_for(person).get(reverse("safety")).content.decode()
    if language == "es":
        assert spanish[step.key]["title"] in html and step.title not in html
        assert "Encuentra una línea de ayuda en tu país" in html
        assert "Encuentra una línea de ayuda en tu país" in safety_page
    else:
        assert step.title in html and spanish[step.key]["title"] not in html
        assert "Find a helpline in your country" in safety_page


def test_help_directories_show_spanish_descriptions_and_keep_the_country_filter(client_for, cast):
    client = client_for(speaking(cast.a, "es"))
    html = client.get(reverse("progress:help"), {"country": "United Kingdom"}).content.decode()
    assert "Reino Unido" in html and "Samaritans (24 horas)" in html
    assert "Relationships Australia" not in html


def test_spanish_pages_cost_the_same_queries_as_english_ones(cast, client_for, content):
    load_library(content)
    for item in Item.objects.filter(kind="question").order_by("key")[:60]:
        translate(content, item, text=f"¿{item.title.removesuffix('?')} (es)?")
    load_library(content)
    url = reverse("library:index") + "?kind=question"
    counts = {}
    for user, language in ((cast.a, "es"), (cast.b, "en")):
        client = client_for(speaking(user, language))
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        counts[language] = len(queries)
        assert ("(es)?" in html) is (language == "es")
    assert counts["es"] == counts["en"]


@pytest.fixture
def plans_from(settings):
    """Read the plans from another content folder for one test."""

    def use(root):
        settings.NEARER_CONTENT_DIR = root
        definitions.english_plans.cache_clear()
        definitions.plans_in.cache_clear()

    yield use
    definitions.english_plans.cache_clear()
    definitions.plans_in.cache_clear()


@time_machine.travel("2026-06-01 12:00Z", tick=False)
def test_plan_steps_show_in_the_persons_language(cast, client_for, content, plans_from):
    from django.core.management import CommandError, call_command

    load_library(content)
    plans_from(content)
    plans.enroll(cast.a, ["general"])
    with override("en"):
        step = plans.today_for(cast.a).daily[0].step
    write(
        content,
        "plans/general.es.yaml",
        f"- id: {step.key}\n  title: Un paso de prueba en español\n"
        "  why: Porque así se comprueba que el plan habla tu idioma.\n"
        "- id: week-1\n  focus: Una primera semana de prueba\n",
    )
    plans_from(content)
    spanish = client_for(speaking(cast.a, "es")).get(reverse("today")).content.decode()
    english = client_for(cast.b).get(reverse("today")).content.decode()
    assert "Un paso de prueba en español" in spanish
    assert "Un paso de prueba en español" not in english
    assert definitions.english_plans()["general"].step(step.key).title == step.title

    write(content, "plans/general.es.yaml", "- id: no-such-step\n  title: Nada aquí\n")
    with pytest.raises(CommandError, match="plans/general.es.yaml item no-such-step: no item"):
        call_command("load_library", path=content)


def test_a_self_hosters_own_resource_list_is_translated_by_the_file_beside_it(settings, tmp_path):
    from nearer.core.safety import resources

    write(tmp_path, "hotlines.yaml", "- id: r-local\n  country: Iceland\n  name: Local line\n")
    write(tmp_path, "hotlines.es.yaml", "- id: r-local\n  name: Línea local\n")
    settings.NEARER_SAFETY_RESOURCES = str(tmp_path / "hotlines.yaml")
    with override("es"):
        assert resources() == [{"id": "r-local", "country": "Iceland", "name": "Línea local"}]
    with override("en"):
        assert resources()[0]["name"] == "Local line"
