"""Translations of the content files, kept beside their English source.

``content/<kind>/<file>.es.yaml`` translates ``content/<kind>/<file>.yaml``: a YAML list of
mappings, each holding the source item's ``id`` and only its translated text fields, with
the English field names. An optional ``source`` is the fingerprint of the English text the
entry translates (``scripts/content_i18n.py stamp es`` writes it); when the English changes
afterwards the translation is *stale*: still shown (a slightly older wording in the reader's
language beats switching language in the middle of a page) and listed by
``scripts/content_i18n.py check es`` until someone updates it.

This module is plain Python (no Django models), so that the script can use it too. The
library's items are loaded into the database by ``loader.py``; the files that pages read
directly are translated at read time: the plans by ``nearer/plans/definitions.py``, the
safety steps, safety resources and help directories by :func:`localized` (or, for the steps,
:func:`direct_translations`).
"""

import hashlib
import json
import logging
import re
from functools import cache
from pathlib import Path

import yaml

from nearer import yamltext

logger = logging.getLogger(__name__)

# "<stem>.<language>.yaml": a translation. Every other "*.yaml" file is a source.
TRANSLATION_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<language>[a-z]{2,3})\.yaml$")

# The text fields a translation may hold, per kind of library item (content/README.md).
TEXT_FIELDS = {
    "question": ("text",),
    "date": ("title", "summary", "steps"),
    "note": ("text",),
    "prompt": ("text",),
    "exercise": ("title", "summary", "steps"),
    "faq": ("question", "answer"),
    "desire": ("text",),
}

# Files read directly by the pages that show them: (path under content/, id field, the
# entries' location in the file, translatable fields). Resources and directories translate
# their descriptions; names of services, numbers and addresses stay as written.
DIRECT_FILES = {
    "safety/individual_steps.yaml": ("key", ("daily", "weekly"), ("title", "why")),
    "safety/resources.yaml": ("id", (), ("country", "name")),
    "help/directories.yaml": ("id", (), ("country", "name")),
}


def is_translation(path: Path) -> bool:
    return bool(TRANSLATION_NAME.match(path.name))


def source_files(folder: Path) -> list[Path]:
    """The English content files of a folder (never a translation)."""
    return [path for path in sorted(folder.glob("*.yaml")) if not is_translation(path)]


def translation_path(source: Path, language: str) -> Path:
    return source.with_name(f"{source.stem}.{language}.yaml")


def fingerprint(english: dict, fields) -> str:
    """A short fingerprint of the English text fields an entry translates."""
    text = {name: english[name] for name in fields if name in english}
    raw = json.dumps(text, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def read_yaml(path: Path):
    return yamltext.load(path.read_text(encoding="utf-8"))


def fields_of(fields, key: str) -> tuple:
    """The translatable fields of entry ``key``: one tuple for every entry of a file, or a
    mapping id -> tuple where entries differ (a plan, its weeks and its steps)."""
    return fields.get(key, ()) if isinstance(fields, dict) else fields


def check_entries(
    raw, label: str, english: dict[str, dict], fields, elsewhere: dict[str, str] | None = None
) -> tuple[dict, list[str]]:
    """Validate a translation file's entries against its source (``english``: id -> the
    English entry; ``fields``: see :func:`fields_of`; ``elsewhere``: id -> the file of every
    other item, for a helpful message). Returns ({id: entry}, problems); each problem names
    the file and id."""
    problems: list[str] = []
    found: dict[str, dict] = {}
    seen: set[str] = set()
    if raw is None:
        return found, problems
    if not isinstance(raw, list):
        return found, [f"{label}: must be a list of translations"]
    for position, entry in enumerate(raw, start=1):
        item_id = entry.get("id") if isinstance(entry, dict) else None
        where = f"{label} item {item_id or f'#{position}'}"
        if not isinstance(item_id, str):
            problems.append(f"{where}: each translation is a mapping with an id")
            continue
        if item_id not in english:
            hint = f" (it lives in {elsewhere[item_id]})" if item_id in (elsewhere or {}) else ""
            problems.append(f"{where}: no item {item_id} in the English source file{hint}")
            continue
        if item_id in seen:
            problems.append(f"{where}: translated twice in this file")
            continue
        seen.add(item_id)
        before = len(problems)
        allowed = fields_of(fields, item_id)
        extra = set(entry) - {"id", "source", *allowed}
        if extra:
            problems.append(f"{where}: not a translatable field: {', '.join(sorted(extra))}")
        if "source" in entry and not isinstance(entry["source"], str):
            problems.append(f"{where}: source must be a text fingerprint")
        text = {name: entry[name] for name in allowed if name in entry}
        if not text:
            problems.append(f"{where}: translates no field")
        for name, value in text.items():
            original = english[item_id].get(name)
            if isinstance(original, list):
                texts = isinstance(value, list) and all(isinstance(v, str) for v in value)
                ok = texts and all(v.strip() for v in value)
                if not ok or len(value) != len(original):
                    problems.append(
                        f"{where}: {name} must be a list of {len(original)} texts, like the English"
                    )
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: {name} must be a text")
        if len(problems) == before:
            found[item_id] = entry
    return found, problems


def entries_of(raw, where: tuple[str, ...]) -> list[dict]:
    """The entries of a directly-read file: the list itself, or the lists under ``where``."""
    if not where:
        return [e for e in raw or [] if isinstance(e, dict)]
    return [e for part in where for e in (raw or {}).get(part) or [] if isinstance(e, dict)]


def read_direct(source: Path, language: str, kind: str) -> tuple[dict[str, dict], list[str]]:
    """(id -> translated fields, problems) for a directly-read file playing the role of
    ``kind`` (a key of DIRECT_FILES; a self-hoster's own list may have any name). A file
    without a translation gives an empty table."""
    path = translation_path(source, language)
    if not path.exists():
        return {}, []
    id_field, where, fields = DIRECT_FILES[kind]
    label = f"{path.parent.name}/{path.name}"
    try:
        english = {e[id_field]: e for e in entries_of(read_yaml(source), where) if id_field in e}
        found, problems = check_entries(read_yaml(path), label, english, fields)
    except (OSError, yaml.YAMLError) as exc:
        return {}, [f"{label}: {exc}"]
    table = {key: {n: entry[n] for n in fields if n in entry} for key, entry in found.items()}
    return table, problems


@cache
def direct_translations(source: str, language: str, kind: str) -> dict[str, dict]:
    """The table of :func:`read_direct`, read once per process. ``load_library`` refuses a
    translation with problems; should one slip through (a self-hoster's file), the valid
    entries are still used and the rest shows in English (never an error on these pages)."""
    table, problems = read_direct(Path(source), language, kind)
    for problem in problems:
        logger.warning("content translation problem: %s", problem)
    return table


def active_language() -> str:
    from django.utils.translation import get_language

    return (get_language() or "").split("-")[0]


def localized(source, entry: dict, kind: str) -> dict:
    """``entry`` from a directly-read file, with its text in the active language where a
    translation exists (a copy; the cached English stays untouched)."""
    language = active_language()
    id_field = DIRECT_FILES[kind][0]
    if not language or language == "en" or id_field not in entry:
        return entry
    text = direct_translations(str(source), language, kind).get(entry[id_field])
    return {**entry, **text} if text else entry
