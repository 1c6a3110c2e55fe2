"""List the interface strings that still need a translation.

    .venv/bin/python scripts/i18n_check.py            # every language in nearer/locale
    .venv/bin/python scripts/i18n_check.py es         # one language

Prints each untranslated or fuzzy entry of nearer/locale/<lang>/LC_MESSAGES/django.po with
where it is used, and exits 1 when there is any. Run `manage.py makemessages -l es` first so
the catalogue knows every string (docs/translating.md has the whole workflow).
tests/test_translations.py runs the same check.
"""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "nearer" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False
    where: list[str] = field(default_factory=list)

    def problem(self) -> str | None:
        if self.fuzzy:
            return "fuzzy"
        if not self.msgstr or not all(self.msgstr):
            return "untranslated"
        wanted = sorted(PLACEHOLDER.findall(self.msgid_plural or self.msgid))
        for text in self.msgstr:
            # A singular may leave out the count ("One thing"), a plural may not.
            last = text is self.msgstr[-1] or not self.msgid_plural
            if wanted and last and sorted(PLACEHOLDER.findall(text)) != wanted:
                return f"placeholders differ: {wanted}"
        return None


def _unquote(line: str) -> str:
    return line[line.index('"') + 1 : line.rindex('"')]


def parse(path: Path) -> list[Entry]:
    """The entries of a .po file (the header excluded), enough for checking."""
    entries = []
    for block in path.read_text("utf-8").split("\n\n"):
        entry, current = Entry(), None
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            elif line.startswith("#:"):
                entry.where += line[2:].split()
            elif line.startswith("#~"):
                current = None  # an obsolete entry: ignored
                entry = None
                break
            elif line.startswith("msgid_plural"):
                current = "msgid_plural"
                entry.msgid_plural = _unquote(line)
            elif line.startswith("msgid"):
                current = "msgid"
                entry.msgid = _unquote(line)
            elif line.startswith("msgstr"):
                current = "msgstr"
                entry.msgstr.append(_unquote(line))
            elif line.startswith('"') and current:
                if current == "msgstr":
                    entry.msgstr[-1] += _unquote(line)
                else:
                    setattr(entry, current, getattr(entry, current) + _unquote(line))
        if entry is not None and entry.msgid:
            entries.append(entry)
    return entries


def problems(language: str) -> list[tuple[Entry, str]]:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    return [(e, p) for e in parse(path) if (p := e.problem())]


def main(argv):
    languages = argv[1:] or sorted(p.name for p in LOCALE.iterdir() if p.is_dir())
    found = 0
    for language in languages:
        for entry, problem in problems(language):
            found += 1
            print(f"[{language}] {problem}: {entry.msgid!r}  ({', '.join(entry.where[:2])})")
    print(f"{found} string(s) need translating." if found else "Every string is translated.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
