#!/usr/bin/env python3
"""Generate ``servqual-responses.csv``, the raw SERVQUAL answers of the zh-bank example.

The file stands in for the questionnaire export behind the item means that
``workshop.yaml`` lists under ``servqual.items``: 120 lobby customers of six branches
answered the 22 paired items (expectation E and perception P, 1-7) and shared 100 points
over the five dimensions. It is synthetic but consistent with the workshop file:

* every item's mean E and mean P over the respondents who answered both round to the
  two-decimal means in ``workshop.yaml``, and the number of such respondents is the
  item's ``n`` there (an ``n`` of 119 or 118 means one or two respondents skipped the item:
  both cells blank);
* answers are whole numbers 1-7 drawn around those means, perception carrying a per
  respondent tendency (some customers are harsher than others), then nudged by one point
  at a time until each item's sum is exact;
* the points are whole numbers summing to 100 per respondent whose column means are
  exactly the ``servqual.weights`` of ``workshop.yaml`` (11.4 / 29.6 / 23.8 / 19.5 / 15.7).

Columns: ``编号`` (respondent), ``网点`` (branch), ``<item>_E``, ``<item>_P`` for the 22
items T1-T4, R1-R5, SP1-SP4, A1-A4, E1-E5 (the standard mapping ``kano`` ships), then
``有形度权重`` … ``移情度权重``. UTF-8 without BOM, ``\\n`` line ends.

Deterministic: a fixed seed, so running it again gives the same file byte for byte.

Usage: python3 make_servqual_responses.py [OUTPUT]   (default: beside this script)
"""

import csv
import random
import re
import sys
from pathlib import Path

SEED = 20261021
RESPONDENTS = 120
BRANCHES = ["鼓楼支行", "江东支行", "海曙支行", "北仑支行", "镇海支行", "高新区支行"]
DIMENSIONS = ["有形度", "可靠度", "响应度", "专业度", "移情度"]


def item_means(workshop):
    """(id, E, P, n) of every item line of workshop.yaml, in order."""
    pat = re.compile(
        r"\{id: (\w+), dimension: \S+, statement: [^,]*(?:,[^,]*)*?, expectation: ([\d.]+), "
        r"perception: ([\d.]+), n: (\d+)"
    )
    out = []
    for line in workshop.splitlines():
        m = pat.search(line)
        if m:
            out.append((m.group(1), float(m.group(2)), float(m.group(3)), int(m.group(4))))
    return out


def weights(workshop):
    """The mean points per dimension, in DIMENSIONS order."""
    found = {}
    for d in DIMENSIONS:
        m = re.search(rf"^\s+{d}: ([\d.]+)", workshop, re.M)
        found[d] = float(m.group(1))
    return [found[d] for d in DIMENSIONS]


def draws(rng, mean, count, shifts):
    """`count` whole answers 1-7 around `mean` whose sum is round(mean * count)."""
    values = [min(7, max(1, round(rng.gauss(mean + s, 0.85)))) for s in shifts[:count]]
    target = round(mean * count)
    while sum(values) != target:
        i = rng.randrange(count)
        if sum(values) < target and values[i] < 7:
            values[i] += 1
        elif sum(values) > target and values[i] > 1:
            values[i] -= 1
    return values


def points(rng, means):
    """One row of whole points per respondent, each summing to 100, column sums exact."""
    rows = []
    for _ in range(RESPONDENTS):
        raw = [max(0.0, rng.gauss(m, m * 0.35)) for m in means]
        scale = 100 / sum(raw)
        row = [int(round(x * scale)) for x in raw]
        row[1] += 100 - sum(row)  # reliability absorbs the rounding
        rows.append(row)
    targets = [round(m * RESPONDENTS) for m in means]
    assert sum(targets) == 100 * RESPONDENTS
    for _ in range(100000):
        diff = [sum(r[d] for r in rows) - targets[d] for d in range(5)]
        if not any(diff):
            break
        over = max(range(5), key=lambda d: diff[d])
        under = min(range(5), key=lambda d: diff[d])
        r = rows[rng.randrange(RESPONDENTS)]
        if r[over] > 0:
            r[over] -= 1
            r[under] += 1
    assert all(sum(r) == 100 and min(r) >= 0 for r in rows)
    return rows


def main():
    here = Path(__file__).resolve().parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "servqual-responses.csv"
    workshop = (here / "workshop.yaml").read_text(encoding="utf-8")
    items = item_means(workshop)
    assert len(items) == 22, items
    rng = random.Random(SEED)
    harsh = [rng.gauss(0, 0.45) for _ in range(RESPONDENTS)]
    keen = [rng.gauss(0, 0.25) for _ in range(RESPONDENTS)]
    columns = {}
    for item, e_mean, p_mean, n in items:
        answered = sorted(rng.sample(range(RESPONDENTS), n))
        e = draws(rng, e_mean, n, [keen[i] for i in answered])
        p = draws(rng, p_mean, n, [-harsh[i] for i in answered])
        assert f"{sum(e) / n:.2f}" == f"{e_mean:.2f}" and f"{sum(p) / n:.2f}" == f"{p_mean:.2f}"
        e_col = [""] * RESPONDENTS
        p_col = [""] * RESPONDENTS
        for k, i in enumerate(answered):
            e_col[i], p_col[i] = str(e[k]), str(p[k])
        columns[item] = (e_col, p_col)
    pts = points(rng, weights(workshop))
    header = ["编号", "网点"]
    for item, *_ in items:
        header += [f"{item}_E", f"{item}_P"]
    header += [f"{d}权重" for d in DIMENSIONS]
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for i in range(RESPONDENTS):
            row = [f"S{i + 1:03d}", BRANCHES[i % len(BRANCHES)]]
            for item, *_ in items:
                e_col, p_col = columns[item]
                row += [e_col[i], p_col[i]]
            row += [str(x) for x in pts[i]]
            w.writerow(row)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
