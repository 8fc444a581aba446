#!/usr/bin/env python3
"""Fixtures for quiz's FSRS-6 optimizer and evaluator, with fsrs-rs as the oracle.

Run once with fsrs-rs-python 0.9.3 (`pip install fsrs-rs-python==0.9.3`):
    python3 make_fixtures.py            # writes learners.json next to this file

Simulated learners whose true parameters are unlike the defaults review cards for two years:
each card's reviews are drawn from the true FSRS-6 memory model (fsrs-rs's own
`memory_state`), intervals are the true stability with some scatter, and a failed first
answer or lapse is followed by a same-day review (delta_t 0). Each learner has a training
set and a held-out set of other cards. Items are every prefix of a card's history whose last
review is on a later day (as Anki makes them), ordered by the day of that last review, then
by card: the order fsrs-rs weights by recency.

Recorded per learner and size: fsrs-rs's fitted parameters, fsrs-rs's evaluation of the
defaults and of its fitted parameters on the training and held-out items, and evaluations
of a few parameter vectors on the held-out items (for the evaluator's 1e-4 check).
"""
import json
import math
import os
import random
import sys

import fsrs_rs_python as fr

DEFAULT = [round(x, 4) for x in fr.DEFAULT_PARAMETERS]
HORIZON = 730

LEARNERS = {
    # Forgets slower than the defaults assume (flatter curve), and rates Hard more often.
    "slow-forgetter": {
        "parameters": [0.6, 2.4, 5.5, 16.0, 5.8, 0.6, 2.2, 0.02, 2.1, 0.12, 1.1,
                       1.2, 0.08, 0.35, 1.9, 0.45, 2.4, 0.35, 0.25, 0.1, 0.35],
        "first": [0.15, 0.2, 0.55, 0.1], "success": [0.25, 0.65, 0.1],
    },
    # Steeper forgetting, harsher lapses, an easy-leaning grader.
    "steep-forgetter": {
        "parameters": [0.1, 0.8, 1.6, 5.0, 7.2, 1.1, 3.6, 0.05, 1.5, 0.22, 0.6,
                       1.8, 0.05, 0.18, 1.3, 0.7, 1.5, 0.7, 0.05, 0.03, 0.6],
        "first": [0.3, 0.1, 0.45, 0.15], "success": [0.1, 0.6, 0.3],
    },
}

SIZES = [("small", 300), ("medium", 2000), ("large", 8000)]


def curve(parameters, t, s):
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * t / s) ** decay


def simulate_card(rng, model, learner):
    """One card's reviews as [rating, day] pairs."""
    parameters = learner["parameters"]
    start = rng.randrange(0, 365)
    reviews = [[rng.choices([1, 2, 3, 4], learner["first"])[0], start]]
    day = start
    if reviews[0][0] <= 2:
        reviews.append([3 if rng.random() < 0.85 else 1, day])
    while True:
        item = fr.FSRSItem([fr.FSRSReview(r, 0 if i == 0 else d - reviews[i - 1][1])
                            for i, (r, d) in enumerate(reviews)])
        s = model.memory_state(item).stability
        interval = max(1, round(s * rng.uniform(0.8, 1.25)))
        day += interval
        if day >= start + HORIZON or len(reviews) >= 40:
            return reviews
        recalled = rng.random() < curve(parameters, interval, s)
        rating = rng.choices([2, 3, 4], learner["success"])[0] if recalled else 1
        reviews.append([rating, day])
        if rating == 1:
            reviews.append([3 if rng.random() < 0.9 else 2, day])


def items_of(cards):
    """Every prefix whose last review is on a later day, ordered by that day, then card."""
    keyed = []
    for index, card in enumerate(cards):
        for end in range(1, len(card)):
            if card[end][1] > card[end - 1][1]:
                keyed.append((card[end][1], index, end))
    keyed.sort()
    return [[[r, 0 if i == 0 else cards[c][i][1] - cards[c][i - 1][1]]
             for i, (r, _) in enumerate(cards[c][: end + 1])] for _, c, end in keyed]


def to_fsrs(items):
    return [fr.FSRSItem([fr.FSRSReview(r, t) for r, t in item]) for item in items]


def evaluation(parameters, items):
    e = fr.FSRS(parameters).evaluate(items)
    return {"log_loss": e.log_loss, "rmse_bins": e.rmse_bins}


def main():
    out = {"generator": "make_fixtures.py", "fsrs_rs_python": "0.9.3", "default": DEFAULT, "learners": []}
    for seed, (name, learner) in enumerate(LEARNERS.items()):
        model = fr.FSRS(learner["parameters"])
        for size_name, count in SIZES:
            rng = random.Random(f"{name}-{size_name}")
            train = [simulate_card(rng, model, learner) for _ in range(count)]
            held_out = [simulate_card(rng, model, learner) for _ in range(max(300, count // 2))]
            train_items, held_items = to_fsrs(items_of(train)), to_fsrs(items_of(held_out))
            fitted = fr.FSRS(DEFAULT).compute_parameters(train_items)
            probes = [learner["parameters"], fitted,
                      [round(x * (1.07 if i % 2 else 0.95), 4) if i < 17 else x for i, x in enumerate(DEFAULT)]]
            record = {
                "learner": name, "size": size_name, "true_parameters": learner["parameters"],
                "train": train, "held_out": held_out,
                "train_items": len(train_items), "held_out_items": len(held_items),
                "fsrs_rs": {
                    "fitted": fitted,
                    "train": {"default": evaluation(DEFAULT, train_items), "fitted": evaluation(fitted, train_items)},
                    "held_out": {"default": evaluation(DEFAULT, held_items), "fitted": evaluation(fitted, held_items)},
                    "probes": [{"parameters": p, "held_out": evaluation(p, held_items)} for p in probes],
                },
            }
            print(name, size_name, len(train_items), record["fsrs_rs"]["held_out"], file=sys.stderr)
            out["learners"].append(record)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "learners.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
