"""Print how many minutes a person's week takes in each plan, under the time budget rule.

Usage: .venv/bin/python scripts/plan_budget.py [content folder]

For each plan on its own, and over every combination of plans, every person (alone, linked,
each role or none) and every week: the longest and the typical (median) week, counting the
daily steps plus the weekly steps, and the longest day. Also the individual safety track.
The plans are read without the budget check (``load_library`` applies it), so this works on
content that breaks it too.
"""

import statistics
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
from nearer import yamltext  # noqa: E402
from nearer.plans.definitions import (  # noqa: E402  (plain pydantic, no Django)
    DAYS,
    WEEKS,
    Plan,
    Step,
    every_person,
    person_weeks,
)


def week_totals(plans, only=None):
    totals, days = [], []
    for sits, _who, wanted in every_person(plans):
        if only is not None and sits != (only,):
            continue
        for week_days, (_where, weekly) in person_weeks(plans, sits, wanted):
            daily = [sum(s.minutes for s in steps) for _where, steps in week_days]
            totals.append(sum(daily) + sum(s.minutes for s in weekly))
            days.append(max(daily))
    return totals, days


def main(root: Path):
    plans = {}
    for path in sorted((root / "plans").glob("*.yaml")):
        plan = Plan.model_validate(yamltext.load(path.read_text(encoding="utf-8")))
        plans[plan.situation] = plan
    print(f"{'plan':<16} {'max week':>8} {'typical':>8} {'max day':>8}")
    for situation in plans:
        totals, days = week_totals(plans, situation)
        print(f"{situation:<16} {max(totals):>8} {statistics.median(totals):>8} {max(days):>8}")
    totals, days = week_totals(plans)
    print(
        f"{'every combination':<16} {max(totals):>8} {statistics.median(totals):>8} "
        f"{max(days):>8}  ({len(totals)} person-weeks)"
    )
    track = yamltext.load((root / "safety" / "individual_steps.yaml").read_text())
    daily = [Step.model_validate(s) for s in track["daily"]]
    weekly = [Step.model_validate(s) for s in track["weekly"]]
    weeks = [
        sum(daily[(w * DAYS + d) % len(daily)].minutes for d in range(DAYS))
        + weekly[w % len(weekly)].minutes
        for w in range(WEEKS)
    ]
    print(
        f"{'safety track':<16} {max(weeks):>8} {statistics.median(weeks):>8} "
        f"{max(s.minutes for s in daily):>8}  (longest weekly step "
        f"{max(s.minutes for s in weekly)})"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else BASE / "content")
