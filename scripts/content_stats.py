"""Print how far the question and note-starter pools reach, and flag near-duplicates.

Usage: .venv/bin/python scripts/content_stats.py [--threshold 0.6]

"Fits every couple in gentle mode" means: situations [all] (or empty), no `lives`, not
`tender`, not `shared_home`. Near-duplicates are pairs (within questions, within notes) whose
normalised word sets have a Jaccard similarity above the threshold.
"""

import argparse
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

BASE = Path(__file__).resolve().parent.parent
ROOT = BASE / "content"
sys.path.insert(0, str(BASE))
from nearer.library.schema import LIVES, SITUATIONS  # noqa: E402  (plain pydantic, no Django)
from nearer.library.translations import source_files  # noqa: E402


def load(kind):
    items = []
    for path in source_files(ROOT / kind):
        items += yaml.safe_load(path.read_text()) or []
    return items


def for_everyone(item):
    return (
        set(item.get("situations") or ["all"]) == {"all"}
        and not item.get("lives")
        and not item.get("tender")
        and not item.get("shared_home")
    )


def fits(item, situations, lives=(), gentle=False, living_apart=False):
    """The shared-surface rule as the content assumes it (nearer/couples/shared.py decides)."""
    wanted = set(item.get("situations") or ["all"])
    return (
        ("all" in wanted or bool(wanted & set(situations)))
        and set(item.get("lives") or []) <= set(lives)
        and not (gentle and item.get("tender"))
        and not (living_apart and item.get("shared_home"))
    )


def pools(items):
    """Pool size for a couple sharing one season (or none), no lives, living apart."""
    rows = []
    for season in ["(none)", *SITUATIONS]:
        shared = [] if season == "(none)" else [season]
        gentle = sum(fits(i, shared, gentle=True, living_apart=True) for i in items)
        open_ = sum(fits(i, shared, living_apart=True) for i in items)
        rows.append(f"{season} {gentle}/{open_}")
    return ", ".join(rows)


def tokens(text):
    return frozenset(re.findall(r"[a-z']+", text.lower().replace("’", "'")))


def near_duplicates(items, threshold):
    toks = [(item["id"], tokens(item["text"]), item["text"]) for item in items]
    pairs = []
    for (a, ta, xa), (b, tb, xb) in itertools.combinations(toks, 2):
        union = ta | tb
        if union and len(ta & tb) / len(union) > threshold:
            pairs.append((round(len(ta & tb) / len(union), 2), a, xa, b, xb))
    return sorted(pairs, reverse=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=0.6)
    args = parser.parse_args()
    problems = 0
    for kind in ("questions", "notes"):
        items = load(kind)
        ids = Counter(item["id"] for item in items)
        dupes = [i for i, n in ids.items() if n > 1]
        everyone = [i for i in items if for_everyone(i)]
        print(f"== {kind}: {len(items)} in total")
        print(f"  fit every couple in gentle mode: {len(everyone)}")
        if kind == "questions":
            talk = [i for i in everyone if i.get("kids_and_chores_free")]
            print(f"    of which kids_and_chores_free (15-minute talk): {len(talk)}")
            depth = Counter(i["depth"] for i in items)
            print(
                "  depth: "
                + ", ".join(
                    f"{d} {depth[d]} ({depth[d] * 100 // len(items)}%)"
                    for d in ("light", "meaningful", "deep")
                )
            )
        else:
            kinds = Counter(i["kind"] for i in everyone)
            print("  kinds among those: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        print(
            f"  pool per shared season, gentle/not gentle (no lives, living apart): {pools(items)}"
        )
        print(
            f"  tender: {sum(1 for i in items if i.get('tender'))}, "
            f"shared_home: {sum(1 for i in items if i.get('shared_home'))}"
        )
        print(
            "  per life: "
            + ", ".join(
                f"{life} {sum(1 for i in items if life in (i.get('lives') or []))}"
                for life in LIVES
            )
        )
        print(
            "  per situation: "
            + ", ".join(
                f"{s} {sum(1 for i in items if s in (i.get('situations') or []))}"
                for s in SITUATIONS
            )
        )
        if dupes:
            problems += 1
            print(f"  DUPLICATE IDS: {dupes}")
        pairs = near_duplicates(items, args.threshold)
        print(f"  near-duplicate pairs (Jaccard > {args.threshold}): {len(pairs)}")
        for score, a, xa, b, xb in pairs:
            problems += 1
            print(f"    {score} {a}: {xa}\n         {b}: {xb}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
