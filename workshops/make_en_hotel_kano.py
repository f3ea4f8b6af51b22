"""Writes en-hotel-kano.csv: the hotel's Kano answers, one row per guest, whose tallies are
exactly the per-category counts of the METHODS.md worked example and the other features
(so `kano classify` gives the same categories from the answers as from the counts).

Answers use the questionnaire's English wordings; a guest who skipped a feature leaves both
cells blank. Importance (1-9) is drawn per guest and feature. Deterministic: seed 7.
Run from the repository root: python3 workshops/make_en_hotel_kano.py
"""
import csv
import random

COUNTS = {  # feature: A, O, M, I, R, Q (as in en-hotel.yaml)
    "f1": (12, 30, 5, 8, 1, 0),
    "f2": (3, 18, 52, 4, 0, 1),
    "f3": (8, 34, 27, 9, 0, 2),
    "f4": (38, 10, 3, 22, 1, 2),
    "f5": (30, 28, 6, 12, 0, 1),
    "f6": (20, 5, 2, 44, 3, 1),
    "f7": (12, 4, 1, 30, 27, 4),
    "f8": (2, 25, 48, 3, 0, 2),
}
WORDS = ["I like it", "I expect it", "I am neutral", "I can tolerate it", "I dislike it"]
# answer pairs (functional, dysfunctional), codes 1..5, that the standard table maps to each
PAIRS = {
    "A": [(1, 3), (1, 4), (1, 3), (1, 2)],
    "O": [(1, 5)],
    "M": [(2, 5), (3, 5), (4, 5), (2, 5)],
    "I": [(3, 3), (2, 3), (3, 4), (2, 2), (3, 2), (4, 4)],
    "R": [(5, 1), (3, 1), (4, 1), (5, 3)],
    "Q": [(1, 1), (5, 5)],
}
IMPORTANCE = {"A": (4, 8), "O": (6, 9), "M": (6, 9), "I": (2, 6), "R": (1, 4), "Q": (3, 7)}

rng = random.Random(7)
n = max(sum(c) for c in COUNTS.values())
columns = {}
for f, counts in COUNTS.items():
    cells = []
    for cat, k in zip("AOMIRQ", counts):
        for i in range(k):
            fa, da = PAIRS[cat][i % len(PAIRS[cat])]
            lo, hi = IMPORTANCE[cat]
            cells.append((WORDS[fa - 1], WORDS[da - 1], str(rng.randint(lo, hi))))
    cells += [("", "", "")] * (n - len(cells))
    rng.shuffle(cells)
    columns[f] = cells

with open("workshops/en-hotel-kano.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    head = ["guest"]
    for f in COUNTS:
        head += [f"{f} functional", f"{f} dysfunctional"]
    head += [f"{f}_importance" for f in COUNTS]
    w.writerow(head)
    for r in range(n):
        row = [f"G{r + 1:03d}"]
        for f in COUNTS:
            row += list(columns[f][r][:2])
        row += [columns[f][r][2] for f in COUNTS]
        w.writerow(row)
