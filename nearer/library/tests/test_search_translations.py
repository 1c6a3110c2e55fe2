"""Library search reads the translations too: a Spanish speaker finds items by their
Spanish words, with or without accents, and sees them in Spanish. Runs on SQLite and, with
``DATABASE_URL`` pointing at PostgreSQL, on PostgreSQL."""

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.translation import override

from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.library.search import Filters, search

pytestmark = pytest.mark.django_db


def make(key, title, body="", spanish=None):
    translations = {}
    if spanish:
        translations["es"] = {"title": spanish[0], "body": spanish[1], "data": {}, "stale": False}
    return Item.objects.create(
        key=key,
        kind="question",
        title=title,
        body=body,
        tags=" situation:all ",
        content_hash="x",
        source="test",
        loaded_at=timezone.now(),
        translations=translations,
    )


def keys(q, language="es"):
    with override(language):
        return [item.key for item in search(Filters(q=q))]


@pytest.fixture
def items():
    make("q-jealous", "When jealousy shows up", spanish=("Cuando aparecen los celos", ""))
    make(
        "q-cafe",
        "A slow morning at the café",
        spanish=("Una mañana lenta en la cafetería", "Pedid una canción para los dos."),
    )
    make("q-plain", "Kites over the bay", spanish=("Cometas sobre la bahía", ""))


def test_a_spanish_word_finds_the_translated_item(items):
    assert keys("celos") == ["q-jealous"]
    assert keys("cometas") == ["q-plain"]
    assert keys("celos", language="en") == ["q-jealous"]  # for everyone, whatever language


def test_accents_are_ignored_both_ways(items):
    assert keys("cancion") == ["q-cafe"]  # «canción» in the text
    assert keys("manana") == ["q-cafe"]
    assert keys("bahia") == ["q-plain"]
    assert keys("cafe", language="en") == ["q-cafe"]  # «café» in the English title
    assert keys("bahía") == keys("bahia")
    assert keys("CANCIÓN") == ["q-cafe"]


def test_english_still_works(items):
    assert keys("jealousy", language="en") == ["q-jealous"]
    assert keys("kites", language="en") == ["q-plain"]
    assert keys("kites") == ["q-plain"]  # a Spanish reader typing English
    assert keys("porcupines") == []


def test_results_show_in_the_readers_language(items):
    with override("es"):
        (item,) = search(Filters(q="celos"))
        assert item.title == "Cuando aparecen los celos"
    with override("en"):
        (item,) = search(Filters(q="celos"))
        assert item.title == "When jealousy shows up"


def test_the_readers_language_ranks_first(items):
    # (The other items make "tango" a rare word, as PostgreSQL's ranking weighs rarity.)
    make("q-english", "Tango lessons in the kitchen", spanish=("Bailar en la cocina", ""))
    make("q-spanish", "Dancing in the kitchen", spanish=("Clases de tango en la cocina", ""))
    # Both are found for everyone; the word in the reader's own language comes first.
    assert keys("tango", language="en") == ["q-english", "q-spanish"]
    assert keys("tango", language="es") == ["q-spanish", "q-english"]


def test_an_edited_translation_is_found_under_its_new_words(items):
    item = Item.objects.get(key="q-plain")
    item.translations = {"es": {"title": "Globos", "body": "", "data": {}, "stale": False}}
    item.save()
    assert keys("cometas") == []
    assert keys("globos") == ["q-plain"]
    Item.objects.filter(key="q-plain").delete()
    assert keys("globos") == []


def test_the_real_library_in_spanish():
    load_library(settings.NEARER_CONTENT_DIR)
    with override("es"):
        found = list(search(Filters(q="cita en casa"))[:5])
        assert "d-home-019" in [item.key for item in found]
        assert all(item.language == "es" for item in found if item.translations.get("es"))
    assert keys("mañana")[:10] == keys("manana")[:10] != []
    # No item says «celos» yet; its Spanish stem («cel») must not find «celebrar».
    assert keys("celos") == []
    assert "d-home-019" in keys("citas en casa")[:5]  # the stem: «citas» finds «cita»
    # The English search is untouched.
    assert keys("cheating", language="en")[0] == "f-rebuilding-trust-after-an-affair"
