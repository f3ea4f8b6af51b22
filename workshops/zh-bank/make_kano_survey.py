#!/usr/bin/env python3
"""Generate ``kano-survey.csv``, the Kano questionnaire export of the zh-bank example.

The file stands in for what a branch would export from its survey tool (问卷星 and the
like) after asking 120 lobby customers about 16 service features of the 明州分行
network. It is synthetic but built to be realistic and to make the classification
interesting:

* every feature has an intended Kano category profile (the probabilities of A/O/M/I/R/Q
  below): clear must-be features (k05 一次告知所需材料), performance features (k10 柜面
  办理时长≤10分钟), attractive ones (k04 业务办理进度可视化), indifferent ones (k07 厅堂
  WiFi), a reverse-ish one (k16 理财经理定期电话推荐产品, R just ahead of I) and
  contested ones whose two largest categories are close enough that Fong's test is not
  significant (k09 手机银行预约取号 and k01 取号后短信提醒叫号 A vs O, k06 理财产品风险
  讲解 M vs O); k12 老年人专属窗口 splits by the respondent's age band (attractive or
  must-be for customers aged 60+, indifferent for the rest);
* each respondent's category for a feature is drawn from that profile and turned into a
  (functional, dysfunctional) answer pair that maps to it through the standard 5x5 Kano
  evaluation table, choosing among the table's cells with realistic weights
  (e.g. attractive is mostly 我很喜欢/无所谓);
* two respondents are "straight-liners" (我很喜欢 to every functional and 我很不喜欢 to
  every dysfunctional question) for the optional respondent cleaning;
* a few answers are blank (skipped questions), as in real exports;
* ``<id>_importance`` is the self-stated importance on 1-9.

Answers are written as the questionnaire's Chinese wordings 我很喜欢 / 它理应如此 /
无所谓 / 能忍受 / 我很不喜欢. The output is UTF-8 without BOM, ``\\n`` line ends.

Deterministic: a fixed seed, so running it again gives the same file byte for byte.

Usage: python3 make_kano_survey.py [OUTPUT]   (default: kano-survey.csv beside this script)
"""

import csv
import random
import sys
from pathlib import Path

SEED = 20261120
RESPONDENTS = 120

# Answer codes 1..5 and the questionnaire's wordings.
WORDS = {1: "我很喜欢", 2: "它理应如此", 3: "无所谓", 4: "能忍受", 5: "我很不喜欢"}

# Cells of the standard evaluation table (functional, dysfunctional) per category, with
# weights for how often real respondents pick each cell.
CELLS = {
    "A": [((1, 3), 5), ((1, 4), 3), ((1, 2), 1)],
    "O": [((1, 5), 1)],
    "M": [((2, 5), 5), ((3, 5), 2), ((4, 5), 2)],
    "I": [((3, 3), 6), ((2, 3), 2), ((3, 4), 2), ((2, 2), 1), ((4, 4), 1), ((2, 4), 1),
          ((3, 2), 1), ((4, 3), 1), ((4, 2), 1)],
    "R": [((5, 1), 5), ((4, 1), 2), ((3, 1), 2), ((5, 3), 1), ((2, 1), 1), ((5, 2), 1),
          ((5, 4), 1)],
    "Q": [((1, 1), 1), ((5, 5), 1)],
}

# id, name, intended profile {category: probability}, mean self-stated importance (1-9).
# "old" overrides the profile for respondents aged 60+ (only k12 uses it).
FEATURES = [
    ("k01", "取号后短信提醒叫号", {"A": .42, "O": .28, "M": .08, "I": .18, "R": .01, "Q": .03}, 6.4),
    ("k02", "大堂经理主动引导分流", {"O": .42, "M": .25, "A": .14, "I": .16, "R": .01, "Q": .02}, 7.2),
    ("k03", "等候区饮水与充电", {"M": .44, "I": .28, "A": .12, "O": .12, "R": .01, "Q": .03}, 5.1),
    ("k04", "业务办理进度可视化", {"A": .50, "O": .16, "I": .26, "M": .05, "Q": .03}, 6.0),
    ("k05", "一次告知所需材料", {"M": .56, "O": .30, "A": .05, "I": .06, "Q": .03}, 8.3),
    ("k06", "理财产品风险讲解", {"M": .36, "O": .33, "I": .20, "A": .06, "R": .02, "Q": .03}, 7.0),
    ("k07", "厅堂WiFi", {"I": .56, "A": .17, "M": .12, "O": .10, "R": .02, "Q": .03}, 3.6),
    ("k08", "生日祝福与小礼品", {"I": .46, "A": .29, "R": .13, "O": .05, "M": .02, "Q": .05}, 3.2),
    ("k09", "手机银行预约取号", {"A": .36, "O": .35, "I": .20, "M": .05, "Q": .04}, 6.6),
    ("k10", "柜面办理时长≤10分钟", {"O": .52, "M": .28, "A": .10, "I": .07, "Q": .03}, 8.0),
    ("k11", "投诉24小时回访", {"O": .39, "M": .30, "A": .13, "I": .14, "R": .02, "Q": .02}, 7.1),
    ("k12", "老年人专属窗口", {"I": .44, "A": .24, "O": .12, "M": .08, "R": .07, "Q": .05}, 5.4,
     {"A": .36, "O": .26, "M": .22, "I": .12, "Q": .04}),
    ("k13", "填单电子化/免填单", {"O": .44, "A": .28, "M": .12, "I": .12, "Q": .04}, 7.3),
    ("k14", "营业时间延长至晚上", {"A": .40, "I": .32, "O": .16, "M": .05, "R": .03, "Q": .04}, 5.8),
    ("k15", "客户经理一对一专属服务", {"A": .44, "I": .28, "O": .18, "M": .04, "R": .03, "Q": .03}, 5.5),
    ("k16", "理财经理定期电话推荐产品", {"R": .47, "I": .34, "A": .07, "O": .03, "M": .02, "Q": .07}, 2.4),
]

STRAIGHT_LINERS = {17, 88}   # respondent numbers answering like/dislike everywhere
P_BLANK_PAIR = 0.004         # a skipped feature (both answers blank)
P_BLANK_ONE = 0.002          # one answer of the pair blank
P_BLANK_IMPORTANCE = 0.006
SHARE_OLD = 0.25             # respondents aged 60+


def pick(rng, weighted):
    """Draw one key from a {key: weight} dict or a [(key, weight)] list."""
    items = list(weighted.items()) if isinstance(weighted, dict) else weighted
    total = sum(w for _, w in items)
    x = rng.random() * total
    for key, w in items:
        x -= w
        if x < 0:
            return key
    return items[-1][0]


def importance(rng, mean):
    """Self-stated importance 1..9 around a feature's mean."""
    return max(1, min(9, round(rng.gauss(mean, 1.4))))


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("kano-survey.csv")
    rng = random.Random(SEED)
    header = ["respondent"]
    for f in FEATURES:
        header += [f"{f[0]}_F", f"{f[0]}_D"]
    header += [f"{f[0]}_importance" for f in FEATURES]
    rows = []
    for r in range(1, RESPONDENTS + 1):
        old = rng.random() < SHARE_OLD
        answers, imps = [], []
        for f in FEATURES:
            fid, _name, profile, mean = f[:4]
            if old and len(f) > 4:
                profile = f[4]
            if r in STRAIGHT_LINERS:
                fd = (1, 5)
            else:
                fd = pick(rng, CELLS[pick(rng, profile)])
            cells = [WORDS[fd[0]], WORDS[fd[1]]]
            u = rng.random()
            if u < P_BLANK_PAIR:
                cells = ["", ""]
            elif u < P_BLANK_PAIR + P_BLANK_ONE:
                cells[rng.randrange(2)] = ""
            answers += cells
            imp = importance(rng, mean + (1.5 if old and fid == "k12" else 0))
            imps.append("" if rng.random() < P_BLANK_IMPORTANCE else str(imp))
        rows.append([f"R{r:03d}"] + answers + imps)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {out} ({len(rows)} respondents, {len(FEATURES)} features)")


if __name__ == "__main__":
    main()
