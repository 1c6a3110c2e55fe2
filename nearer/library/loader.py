"""Validate the content files and load them into the database, idempotently.

``read_library`` reads and validates every file (no database access) and raises
:class:`LibraryError` listing every problem with its file and item id. ``load_library``
then creates new items, updates changed ones, retires removed ones and leaves the rest
untouched, in one transaction.

Translations (``<file>.<language>.yaml`` beside ``<file>.yaml``, see ``translations.py``)
are read with their source: an entry must name an item of that source file and, merged
with the English, still be a valid item. They are stored on the item (``translations``).
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override
from pydantic import ValidationError

from nearer import yamltext
from nearer.library import translations as i18n
from nearer.library.models import Item
from nearer.library.schema import KINDS


class LibraryError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Entry:
    kind: str
    source: str
    item: object
    # language -> {"title", "body", "data": the translated fields, "stale"}
    translations: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.item.id

    def fields(self) -> dict:
        data = self.item.model_dump(mode="json")
        title, body = title_and_body(data)
        tags = [f"situation:{s}" for s in data.get("situations") or ["all"]]
        tags += [f"theme:{t}" for t in data.get("themes", [])]
        tags += [f"role:{r}" for r in data.get("roles", [])]
        tags += [f"life:{life}" for life in data.get("lives", [])]
        for facet in ("depth", "setting", "cost", "energy", "kind", "mode", "area"):
            if facet in data:
                tags.append(f"{facet}:{data[facet]}")
        if data.get("gentle_version_of"):
            tags += ["gentle_version", f"gentle_of:{data['gentle_version_of']}"]
        for flag in (
            "novelty",
            "after_bedtime",
            "kids_and_chores_free",
            "vulnerable",
            "solo",
            "tender",
            "shared_home",
        ):
            if data.get(flag):
                tags.append(flag)
        digest = hashlib.sha256(
            json.dumps([self.kind, data, self.translations], sort_keys=True).encode()
        ).hexdigest()
        return {
            "kind": self.kind,
            "title": title,
            "body": body,
            "tags": " " + " ".join(tags) + " ",
            "minutes": data.get("minutes"),
            "data": data,
            "content_hash": digest,
            "source": self.source,
            "translations": self.translations,
        }


def title_and_body(data: dict) -> tuple[str, str]:
    """What lists and search show of an item: its one line, and the rest as text."""
    title = data.get("text") or data.get("title") or data.get("question")
    body_parts = [data.get("summary", ""), data.get("answer", ""), *data.get("steps", [])]
    return title, "\n".join(part for part in body_parts if part)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0
    counts: dict = field(default_factory=dict)
    # language -> (items translated, of which stale)
    translated: dict = field(default_factory=dict)


def read_library(root: Path) -> list[Entry]:
    problems: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for folder, (kind, schema) in KINDS.items():
        for path in i18n.source_files(root / folder):
            source = str(path.relative_to(root))
            try:
                raw = yamltext.load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                problems.append(f"{source}: not valid YAML: {exc}")
                continue
            if raw is None:
                continue
            if not isinstance(raw, list):
                problems.append(f"{source}: must be a list of items")
                continue
            for position, data in enumerate(raw, start=1):
                item_id = data.get("id") if isinstance(data, dict) else None
                label = f"{source} item {item_id or f'#{position}'}"
                try:
                    item = schema.model_validate(data)
                except ValidationError as exc:
                    for error in exc.errors():
                        where = ".".join(str(part) for part in error["loc"]) or "item"
                        problems.append(f"{label}: {where}: {error['msg']}")
                    continue
                if item.id in seen:
                    problems.append(f"{label}: id {item.id} is also used in {seen[item.id]}")
                    continue
                seen[item.id] = source
                entries.append(Entry(kind=kind, source=source, item=item))
    problems += read_translations(root, entries)
    if problems:
        raise LibraryError(problems)
    return entries


def read_translations(root: Path, entries: list[Entry]) -> list[str]:
    """Attach every translation file's entries to their items; the problems, each with
    its file and id."""
    problems: list[str] = []
    by_source: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        by_source.setdefault(entry.source, {})[entry.key] = entry
    known = {entry.key: entry.source for entry in entries}
    for folder, (kind, schema) in KINDS.items():
        fields = i18n.TEXT_FIELDS[kind]
        for path in sorted((root / folder).glob("*.yaml")):
            name = i18n.TRANSLATION_NAME.match(path.name)
            if not name:
                continue
            label = str(path.relative_to(root))
            source = f"{folder}/{name['stem']}.yaml"
            if not (root / source).exists():
                problems.append(f"{label}: translates {source}, which does not exist")
                continue
            items = by_source.get(source, {})
            english = {key: entry.item.model_dump(mode="json") for key, entry in items.items()}
            try:
                raw = yamltext.load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                problems.append(f"{label}: not valid YAML: {exc}")
                continue
            found, file_problems = i18n.check_entries(raw, label, english, fields, known)
            problems += file_problems
            for key, translated in found.items():
                text = {n: translated[n] for n in fields if n in translated}
                merged = {**english[key], **text}
                try:
                    schema.model_validate(merged)
                except ValidationError as exc:
                    for error in exc.errors():
                        where = ".".join(str(part) for part in error["loc"]) or "item"
                        problems.append(f"{label} item {key}: {where}: {error['msg']}")
                    continue
                title, body = title_and_body(merged)
                stamp = translated.get("source")
                items[key].translations[name["language"]] = {
                    "title": title,
                    "body": body,
                    "data": text,
                    "stale": bool(stamp) and stamp != i18n.fingerprint(english[key], fields),
                }
    return problems


def load_library(root: Path) -> LoadReport:
    entries = read_library(root)
    report = LoadReport()
    now = timezone.now()
    # Read the items in English: the loader compares and writes the source text.
    with override(None), transaction.atomic():
        existing = {item.key: item for item in Item.objects.all()}
        to_create, to_update = [], []
        for entry in entries:
            fields = entry.fields()
            report.counts[entry.kind] = report.counts.get(entry.kind, 0) + 1
            for language, text in entry.translations.items():
                done, stale = report.translated.get(language, (0, 0))
                report.translated[language] = (done + 1, stale + text["stale"])
            item = existing.pop(entry.key, None)
            if item is None:
                to_create.append(Item(key=entry.key, loaded_at=now, **fields))
            elif item.content_hash != fields["content_hash"] or item.retired_at is not None:
                for name, value in fields.items():
                    setattr(item, name, value)
                item.loaded_at, item.retired_at = now, None
                to_update.append(item)
            else:
                report.unchanged += 1
        Item.objects.bulk_create(to_create, batch_size=500)
        update_fields = [
            "kind",
            "title",
            "body",
            "tags",
            "minutes",
            "data",
            "content_hash",
            "source",
            "translations",
        ]
        Item.objects.bulk_update(
            to_update, [*update_fields, "loaded_at", "retired_at"], batch_size=500
        )
        gone = [item.pk for item in existing.values() if item.retired_at is None]
        Item.objects.filter(pk__in=gone).update(retired_at=now)
    report.created, report.updated, report.retired = len(to_create), len(to_update), len(gone)
    return report
