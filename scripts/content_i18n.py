"""Keep the content library's translations honest.

Usage:
    .venv/bin/python scripts/content_i18n.py check es [--list]
    .venv/bin/python scripts/content_i18n.py stamp es [--refresh ID ... | --refresh-all]

``check`` prints, per kind, how many items have a translation; entries whose English
changed since they were stamped (*stale*: still shown, but worth a look); entries not yet
stamped; and errors (an id that is not in the English file, a field that is not
translatable, a translation that breaks the item's rules). With ``--list`` it also lists
the items still waiting for a translation. It exits with 1 when there is an error.

``stamp`` writes ``source:`` (the fingerprint of the English the entry translates) into
every translation entry that has none yet: run it once a translation is written. After
updating a stale translation, ``--refresh <id>`` re-stamps that entry (``--refresh-all``
re-stamps every entry: only when you have checked them all). The rest of each file, its
comments and order included, is kept as written.
"""

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
# Plain Python and pydantic, no Django.
from nearer.library import translations as i18n  # noqa: E402
from nearer.library.schema import KINDS  # noqa: E402
from nearer.plans.definitions import plan_texts  # noqa: E402

ROOT = BASE / "content"


@dataclass
class Source:
    """One English file and what a translation of it needs."""

    group: str  # a kind folder ("questions") or a directly-read file ("safety/resources")
    path: Path
    english: dict[str, dict]  # id -> the English entry
    fields: tuple | dict  # or id -> fields, where entries differ (plans)
    schema: object = None


@dataclass
class Report:
    translated: int = 0
    total: int = 0
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    unstamped: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def sources(root: Path) -> list[Source]:
    found = []
    for folder, (kind, schema) in KINDS.items():
        for path in i18n.source_files(root / folder):
            raw = i18n.read_yaml(path) or []
            english = {e["id"]: e for e in raw if isinstance(e, dict) and "id" in e}
            found.append(Source(folder, path, english, i18n.TEXT_FIELDS[kind], schema))
    for path in i18n.source_files(root / "plans"):
        english, fields = plan_texts(i18n.read_yaml(path))
        found.append(Source("plans", path, english, fields))
    for relative, (id_field, where, fields) in i18n.DIRECT_FILES.items():
        path = root / relative
        if path.exists():
            entries = i18n.entries_of(i18n.read_yaml(path), where)
            english = {e[id_field]: e for e in entries if id_field in e}
            found.append(Source(relative.removesuffix(".yaml"), path, english, fields))
    return found


def check(root: Path, language: str) -> dict[str, Report]:
    reports: dict[str, Report] = {}
    for source in sources(root):
        report = reports.setdefault(source.group, Report())
        report.total += len(source.english)
        target = i18n.translation_path(source.path, language)
        label = str(target.relative_to(root))
        found = {}
        if target.exists():
            try:
                raw = i18n.read_yaml(target)
            except yaml.YAMLError as exc:
                report.errors.append(f"{label}: not valid YAML: {exc}")
                raw = None
            found, problems = i18n.check_entries(raw, label, source.english, source.fields)
            report.errors += problems
        for key, entry in found.items():
            fields = i18n.fields_of(source.fields, key)
            text = {n: entry[n] for n in fields if n in entry}
            if source.schema is not None:
                try:
                    source.schema.model_validate({**source.english[key], **text})
                except Exception as exc:  # noqa: BLE001  (pydantic's message is the report)
                    report.errors.append(f"{label} item {key}: {exc}".splitlines()[0])
                    continue
            report.translated += 1
            if "source" not in entry:
                report.unstamped.append(key)
            elif entry["source"] != i18n.fingerprint(source.english[key], fields):
                report.stale.append(f"{label}: {key}")
        report.missing += [key for key in source.english if key not in found]
    return reports


def print_check(reports: dict[str, Report], language: str, list_missing: bool) -> int:
    errors = 0
    for group, report in reports.items():
        share = 100 * report.translated / report.total if report.total else 100
        print(
            f"{group}: {report.translated}/{report.total} translated into {language} "
            f"({share:.0f}%), {len(report.stale)} stale, {len(report.unstamped)} not stamped"
        )
        for line in report.stale:
            print(f"  stale (the English changed since): {line}")
        for line in report.errors:
            print(f"  error: {line}")
        if list_missing and report.missing:
            print("  not translated yet: " + ", ".join(report.missing))
        errors += len(report.errors)
    if any(report.unstamped for report in reports.values()):
        print(f"Run `scripts/content_i18n.py stamp {language}` to stamp the new translations.")
    return 1 if errors else 0


ENTRY_START = re.compile(r"^(?P<indent> *)- +id: *(?P<q>[\"']?)(?P<id>[^\"'\s#]+)(?P=q) *(#.*)?$")


def stamped_text(text: str, stamps: dict[str, str]) -> str:
    """``text`` with ``source: <stamp>`` set in each entry named in ``stamps``, written as
    the line after the entry's id; everything else stays as it was."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        start = ENTRY_START.match(line.rstrip("\n"))
        if not start or start["id"] not in stamps:
            continue
        child = " " * (len(start["indent"]) + 2)
        new = f"{child}source: {stamps[start['id']]}\n"
        end = index
        while end < len(lines):
            stripped = lines[end].strip()
            indent = len(lines[end]) - len(lines[end].lstrip(" "))
            if stripped and not stripped.startswith("#") and indent < len(child):
                break
            end += 1
        body = lines[index:end]
        existing = [n for n, b in enumerate(body) if b.startswith(f"{child}source:")]
        if existing:
            body[existing[0]] = new
        else:
            body.insert(0, new)
        out += body
        index = end
    return "".join(out)


def reemitted_text(text: str, entries: list) -> str:
    """The file written afresh (when its layout is too unusual to edit line by line),
    keeping the comment lines at its top."""
    header = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)
    return "".join(header) + body


def stamp(root: Path, language: str, refresh: set[str], refresh_all: bool) -> int:
    changed = 0
    for source in sources(root):
        target = i18n.translation_path(source.path, language)
        if not target.exists():
            continue
        text = target.read_text(encoding="utf-8")
        entries = yaml.safe_load(text) or []
        stamps = {}
        for entry in entries:
            key = entry.get("id") if isinstance(entry, dict) else None
            if key not in source.english:
                continue  # `check` reports it; nothing to fingerprint
            if "source" in entry and not (refresh_all or key in refresh):
                continue
            new = i18n.fingerprint(source.english[key], i18n.fields_of(source.fields, key))
            if entry.get("source") != new:
                stamps[key] = new
        if not stamps:
            continue
        wanted = [
            {**e, "source": stamps[e["id"]]} if isinstance(e, dict) and e.get("id") in stamps else e
            for e in entries
        ]
        new_text = stamped_text(text, stamps)
        if yaml.safe_load(new_text) != wanted:
            wanted = [_source_after_id(e) for e in wanted]
            new_text = reemitted_text(text, wanted)
        target.write_text(new_text, encoding="utf-8")
        changed += len(stamps)
        print(f"{target.relative_to(root)}: stamped {len(stamps)}")
    print(f"Stamped {changed} translation(s).")
    return 0


def _source_after_id(entry):
    if not isinstance(entry, dict) or "source" not in entry:
        return entry
    rest = {k: v for k, v in entry.items() if k not in ("id", "source")}
    return {"id": entry["id"], "source": entry["source"], **rest}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "stamp"])
    parser.add_argument("language")
    parser.add_argument("--root", type=Path, default=ROOT, help="the content folder")
    parser.add_argument("--list", action="store_true", help="list untranslated ids (check)")
    parser.add_argument("--refresh", nargs="*", default=[], help="ids to re-stamp (stamp)")
    parser.add_argument("--refresh-all", action="store_true", help="re-stamp every entry")
    args = parser.parse_args(argv)
    if args.language == "en":
        parser.error("English is the source language")
    if args.command == "check":
        return print_check(check(args.root, args.language), args.language, args.list)
    return stamp(args.root, args.language, set(args.refresh), args.refresh_all)


if __name__ == "__main__":
    sys.exit(main())
