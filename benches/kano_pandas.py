#!/usr/bin/env python3
"""The alternative a consultant would write: Kano classification of a wide survey with pandas.

Vectorised over respondents: answers are mapped to codes 1-5, each (functional,
dysfunctional) pair is looked up in the standard evaluation table (METHODS section 1.2),
and the categories are counted per feature, with Better and Worse. Used by
`cargo bench --bench classify` to compare run time with `kano classify` on the same file.

Usage: kano_pandas.py FILE.csv   (columns <feature>_F / <feature>_D, codes 1-5 or wordings)
Prints one line per feature: id n A O M I R Q plurality better worse; and on stderr
the seconds taken and the peak memory in kB.
"""
import resource
import sys
import time

import numpy as np
import pandas as pd

WORDS = {
    "1": 1, "i like it": 1, "我很喜欢": 1,
    "2": 2, "i expect it": 2, "它理应如此": 2,
    "3": 3, "i am neutral": 3, "无所谓": 3,
    "4": 4, "i can live with it": 4, "能忍受": 4,
    "5": 5, "i dislike it": 5, "我很不喜欢": 5,
}
# rows: functional 1..5, columns: dysfunctional 1..5; 0=A 1=O 2=M 3=I 4=R 5=Q
TABLE = np.array([
    [5, 0, 0, 0, 1],
    [4, 3, 3, 3, 2],
    [4, 3, 3, 3, 2],
    [4, 3, 3, 3, 2],
    [4, 4, 4, 4, 5],
])
LETTERS = "AOMIRQ"
ORDER = [2, 1, 0, 3, 4, 5]  # ties: M > O > A > I > R > Q


def codes(col: pd.Series) -> np.ndarray:
    if pd.api.types.is_integer_dtype(col):
        return col.to_numpy()
    mapped = col.astype(str).str.strip().str.lower().map(WORDS)
    return mapped.fillna(0).astype(np.int64).to_numpy()


def main() -> None:
    start = time.perf_counter()
    df = pd.read_csv(sys.argv[1])
    features = [c[:-2] for c in df.columns if c.endswith("_F") and c[:-2] + "_D" in df.columns]
    for f in features:
        fc, dc = codes(df[f + "_F"]), codes(df[f + "_D"])
        ok = (fc >= 1) & (fc <= 5) & (dc >= 1) & (dc <= 5)
        cat = TABLE[fc[ok] - 1, dc[ok] - 1]
        counts = np.bincount(cat, minlength=6)
        a, o, m, i = counts[0], counts[1], counts[2], counts[3]
        denom = a + o + m + i
        better = (a + o) / denom if denom else float("nan")
        worse = -(o + m) / denom if denom else float("nan")
        top = max(ORDER, key=lambda k: (counts[k], -ORDER.index(k)))
        print(f, int(ok.sum()), *map(int, counts), LETTERS[top], f"{better:.6f}", f"{worse:.6f}")
    # seconds from reading the file to the last result, and peak memory in kB, for the bench
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{time.perf_counter() - start} {peak}", file=sys.stderr)


if __name__ == "__main__":
    main()
