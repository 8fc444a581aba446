#!/usr/bin/env python3
"""Generate the FSRS-6 golden vectors (golden.json) by driving the py-fsrs oracle.

Usage (from the repository root, with py-fsrs 6.3.2 installed: pip install fsrs==6.3.2):

    python3 Tests/QuizEngineTests/Fixtures/fsrs/make_vectors.py \
        --oracle ../shared/reference/fsrs_oracle.py > Tests/QuizEngineTests/Fixtures/fsrs/golden.json

Every case is an oracle input (configuration + review sequences) and the oracle's output for
it, trimmed to the fields the Swift tests compare. The review times are chosen by simulating
the card with py-fsrs itself (so "at due", "a little late", "early", "same day", "exactly one
day later" and "a long gap" mean what they say), with a fixed seed per case: rerunning the
script gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

OLD_DEFAULTS = [0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178,
                1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2]
FITTED = [0.231, 1.453, 3.421, 9.404, 6.212, 0.665, 2.913, 0.017, 1.983, 0.226, 0.972,
          1.469, 0.068, 0.33, 1.578, 0.554, 2.242, 0.543, 0.09, 0.066, 0.198]
KEPT = ["state", "step", "stability", "difficulty", "due", "interval_days", "retrievability",
        "elapsed_days", "branch"]
DAY = timedelta(days=1)


def random_parameters(rng: random.Random) -> list[float]:
    """A vector drawn uniformly within py-fsrs's bounds, rounded to 4 decimals (still in bounds)."""
    out = []
    for lo, hi in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        value = round(rng.uniform(lo, hi), 4)
        out.append(min(max(value, lo), hi))
    return out


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat()


def pick_rating(rng: random.Random, style: str) -> int:
    if style == "uniform":
        return rng.randint(1, 4)
    if style == "good":
        return 3
    if style == "again-heavy":
        return rng.choices([1, 2, 3, 4], [0.5, 0.2, 0.2, 0.1])[0]
    return rng.choices([1, 2, 3, 4], [0.2, 0.15, 0.45, 0.2])[0]


def next_time(rng: random.Random, card: Card, now: datetime, gaps: str) -> datetime:
    """The next review time: at due, late, early, same day, on a day boundary, or much later."""
    kinds = ["due", "late", "early", "same_day", "boundary", "long"]
    weights = [0.35, 0.2, 0.1, 0.15, 0.1, 0.1]
    if gaps == "days":
        kinds, weights = ["due", "late", "early", "boundary", "long"], [0.4, 0.25, 0.1, 0.15, 0.1]
    kind = rng.choices(kinds, weights)[0]
    due = max(card.due, now)
    if kind == "due":
        when = due
    elif kind == "late":
        when = due + timedelta(seconds=rng.randint(1, 20 * 86400), microseconds=rng.randint(0, 999999))
    elif kind == "early":
        span = max((due - now).total_seconds(), 1.0)
        when = now + timedelta(seconds=rng.uniform(0, span))
    elif kind == "same_day":
        when = now + timedelta(seconds=rng.choice([1, 59, 600, 3600, 86399]), microseconds=rng.choice([0, 999999]))
    elif kind == "boundary":
        k = rng.randint(1, 40)
        when = now + k * DAY + timedelta(microseconds=rng.choice([-1, 0, 1]))
    else:
        when = now + timedelta(days=rng.randint(100, 3000), seconds=rng.randint(0, 86399))
    return max(when, now)


def make_sequences(rng: random.Random, opts: dict, count: int, length: tuple[int, int],
                   gaps: str = "mixed", style: str = "mixed", as_days: bool = False) -> list:
    scheduler = Scheduler(
        parameters=opts.get("parameters", DEFAULT_PARAMETERS),
        desired_retention=opts.get("desired_retention", 0.9),
        learning_steps=[timedelta(seconds=s) for s in opts.get("learning_steps_seconds", [60, 600])],
        relearning_steps=[timedelta(seconds=s) for s in opts.get("relearning_steps_seconds", [600])],
        maximum_interval=opts.get("maximum_interval", 36500),
        enable_fuzzing=False,
    )
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    sequences = []
    for _ in range(count):
        start = base + timedelta(days=rng.randint(0, 400), seconds=rng.randint(0, 86399),
                                 microseconds=rng.choice([0, 0, rng.randint(0, 999999)]))
        card, now = Card(card_id=1, due=start), start
        reviews = []
        for index in range(rng.randint(*length)):
            if index > 0:
                now = next_time(rng, card, now, gaps)
            rating = pick_rating(rng, style)
            if as_days:
                # days_since_start as a float, rounded so the input is short
                days = round((now - base).total_seconds() / 86400.0, rng.choice([2, 4, 6]))
                if reviews and days < reviews[-1]["days_since_start"]:
                    days = reviews[-1]["days_since_start"]
                reviews.append({"rating": rating, "days_since_start": days})
                now = base + timedelta(days=days)
            else:
                reviews.append({"rating": rating, "timestamp": iso(now)})
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=now)
        sequences.append(reviews if as_days else {"start": iso(start), "reviews": reviews})
    return sequences


def cases(rng_seed: int) -> list[dict]:
    out = []

    def add(name: str, opts: dict, seed: int, count: int, length=(8, 24), **kw):
        rng = random.Random(rng_seed * 1000 + seed)
        inp = dict(opts)
        inp["sequences"] = make_sequences(rng, opts, count, length, **kw)
        out.append({"name": name, "input": inp})

    add("defaults", {}, 1, 24)
    add("defaults-uniform-ratings", {}, 2, 12, style="uniform")
    add("defaults-again-heavy", {}, 3, 10, style="again-heavy")
    add("no-steps-days", {"learning_steps_seconds": [], "relearning_steps_seconds": []}, 4, 14, gaps="days")
    add("no-steps-mixed", {"learning_steps_seconds": [], "relearning_steps_seconds": []}, 5, 10)
    add("three-steps-retention-0.95-max-365",
        {"learning_steps_seconds": [30, 300, 3600], "relearning_steps_seconds": [600, 3600],
         "desired_retention": 0.95, "maximum_interval": 365}, 6, 15)
    add("one-step-retention-0.8-max-30",
        {"learning_steps_seconds": [120], "relearning_steps_seconds": [], "desired_retention": 0.8,
         "maximum_interval": 30}, 7, 15)
    add("microsecond-steps",
        {"learning_steps_seconds": [59.9999995, 600.0000005, 0.0000025],
         "relearning_steps_seconds": [90.5000015]}, 8, 10, style="uniform")
    add("multi-day-steps", {"learning_steps_seconds": [86400, 2 * 86400], "relearning_steps_seconds": [3 * 86400]},
        9, 10, style="uniform")
    add("old-defaults", {"parameters": OLD_DEFAULTS}, 10, 10)
    add("fitted-parameters-0.8", {"parameters": FITTED, "desired_retention": 0.8}, 11, 10)
    add("lower-bounds", {"parameters": list(LOWER_BOUNDS_PARAMETERS)}, 12, 8, style="uniform")
    add("upper-bounds", {"parameters": list(UPPER_BOUNDS_PARAMETERS), "maximum_interval": 365}, 13, 8,
        style="uniform")
    prng = random.Random(rng_seed)
    for index in range(4):
        params = random_parameters(prng)
        opts = {"parameters": params,
                "desired_retention": [0.8, 0.9, 0.95, 0.85][index],
                "learning_steps_seconds": [[60, 600], [], [600], [30, 300, 3600]][index],
                "relearning_steps_seconds": [[600], [], [300, 1200], []][index],
                "maximum_interval": [36500, 365, 30, 1000][index]}
        add(f"random-parameters-{index}", opts, 20 + index, 8)
    add("days-since-start", {"start": "2024-01-01T00:00:00+00:00"}, 30, 15, as_days=True)
    # Known answers (fsrs6.md §1.9) as oracle input.
    t0 = datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc)
    known = [{"rating": r, "timestamp": iso(t0 + timedelta(days=d))}
             for r, d in zip([1, 3, 3, 3, 3, 3], [0, 0, 1, 4, 12, 33])]
    pure = [{"rating": r, "days_since_start": d} for r, d in zip([3, 3, 3, 1, 2, 4], [0, 2, 13, 60, 61, 66])]
    out.append({"name": "known-answers", "input": {"sequences": [known]}})
    out.append({"name": "known-answers-no-steps",
                "input": {"learning_steps_seconds": [], "relearning_steps_seconds": [], "sequences": [pure]}})
    out.append({"name": "oracle-example", "input": {
        "sequences": [
            [{"rating": 3, "days_since_start": 0}, {"rating": 3, "days_since_start": 0.01},
             {"rating": 3, "days_since_start": 2.01}, {"rating": 1, "days_since_start": 13},
             {"rating": 3, "days_since_start": 13.01}],
            [{"rating": 4, "timestamp": "2024-03-01T08:00:00Z"}, {"rating": 2, "timestamp": "2024-03-09T20:00:00Z"}],
        ]}})
    return out


def run_oracle(oracle: str, payload: dict) -> dict:
    done = subprocess.run([sys.executable, oracle], input=json.dumps(payload), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oracle", default="../shared/reference/fsrs_oracle.py", help="path to fsrs_oracle.py")
    ap.add_argument("--seed", type=int, default=6, help="base seed (default 6)")
    args = ap.parse_args()

    all_cases = cases(args.seed)
    total = 0
    versions = None
    for case in all_cases:
        result = run_oracle(args.oracle, case["input"])
        versions = result["versions"]
        case["expected"] = [[{k: step[k] for k in KEPT} for step in seq] for seq in result["results"]]
        total += sum(len(seq) for seq in result["results"])
    # One review per line keeps the file diffable.
    lines = ['{"generator": "make_vectors.py --seed %d", "fsrs": %s, "reviews": %d, "cases": ['
             % (args.seed, json.dumps(versions["fsrs"]), total)]
    for index, case in enumerate(all_cases):
        lines.append(' {"name": %s,' % json.dumps(case["name"]))
        lines.append('  "input": %s,' % json.dumps(case["input"]))
        lines.append('  "expected": [')
        for s, seq in enumerate(case["expected"]):
            lines.append('   [')
            for r, step in enumerate(seq):
                lines.append('    ' + json.dumps(step) + (',' if r + 1 < len(seq) else ''))
            lines.append('   ]' + (',' if s + 1 < len(case["expected"]) else ''))
        lines.append('  ]}' + (',' if index + 1 < len(all_cases) else ''))
    lines.append(']}')
    print("\n".join(lines))
    print(f"{len(all_cases)} cases, {total} reviews", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
