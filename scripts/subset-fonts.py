#!/usr/bin/env python3
"""Subset Noto Sans SC Regular/Bold to the character set kano's PDF reports need.

Source
    npm package ``@expo-google-fonts/noto-sans-sc`` version 0.4.3
    (npm shasum 6b71695df3314f2557f61e0eab3bf8f07c279bea), which ships the static
    Google Fonts "Noto Sans SC" v40 TrueType (glyf) files, font version 2.004.
    Inputs used (paths inside the extracted package):

      400Regular/NotoSansSC_400Regular.ttf
        sha256 d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16
      700Bold/NotoSansSC_700Bold.ttf
        sha256 9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96

Licence
    The fonts are under the SIL Open Font License, Version 1.1 (OFL-1.1),
    "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name
    'Source'" (the package's LICENSE_FONT, copied to templates/fonts/OFL.txt).
    The npm package as a whole is "MIT AND OFL-1.1": MIT covers only Expo's
    JavaScript wrapper, which we do not use. The subsets are Modified Versions
    under the OFL: they keep the full name table (family "Noto Sans SC", which is
    not a Reserved Font Name) and must never be renamed to anything containing
    "Source".

How to run
    pip install fonttools==4.68.0
    mkdir /tmp/nsc && cd /tmp/nsc && npm pack @expo-google-fonts/noto-sans-sc@0.4.3
    tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz      # -> /tmp/nsc/package
    python3 scripts/subset-fonts.py /tmp/nsc/package       # from the repo root

    SRC_DIR is the extracted npm ``package`` directory (or any directory holding
    the two .ttf files above). The script checks the input sha256s, writes
    templates/fonts/NotoSansSC-{Regular,Bold}.subset.ttf (override with --out),
    and then prints the glyph count and coverage of each output. With the same
    inputs and fontTools version the outputs are byte-for-byte identical
    (fontTools keeps head.modified from the input; nothing depends on the clock).
    ``--check`` only runs the coverage check on existing outputs.

Character set (computed, not listed, so it is exact and reviewable)
    * GB2312: every char that Python's 'gb2312' codec decodes from rows
      0xA1-0xF7 x cells 0xA1-0xFE (7,445 chars, 6,763 hanzi).
    * Big5 level 1 via Python's 'big5' codec: symbol rows 0xA140-0xA3BF (408)
      and the common hanzi 0xA440-0xC67E (5,401; 2,073 of them not in GB2312).
    * ASCII U+0020-007E, Latin-1 U+00A0-00FF, Latin Extended-A U+0100-017F,
      General Punctuation U+2000-206F, CJK Symbols and Punctuation U+3000-303F,
      Halfwidth and Fullwidth Forms U+FF00-FFEF, Arrows U+2190-21FF, Enclosed
      Alphanumerics U+2460-24FF, Geometric Shapes U+25A0-25FF, Greek U+0391-03C9.
    * Singles used by reports: U+2212 U+2264 U+2265 U+00D7 U+00B7 U+2014 U+2026
      U+2713 U+2717 U+2605 U+2606 U+00B1 U+2030 U+2116.
    Code points the font lacks are simply skipped by the subsetter. Notably
    U+2717 BALLOT X is not in Noto Sans SC at all (nor U+2715/2716/2718/274C):
    reports must draw a cross as U+00D7 or U+2573 instead. Four Big5 symbol-row
    chars are absent too (U+02CD, U+203E, U+223C, U+2252).

Subsetting options (same as ``pyftsubset --no-hinting
--layout-features='kern,liga,vert,vrt2,locl,halt,palt' --name-IDs='*'
--name-languages='*'``; everything else is fontTools' default).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

FONTTOOLS_VERSION = "4.68.0"

INPUTS = {
    # output name: (file name in the package, sha256)
    "NotoSansSC-Regular.subset.ttf": (
        "400Regular/NotoSansSC_400Regular.ttf",
        "d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16",
    ),
    "NotoSansSC-Bold.subset.ttf": (
        "700Bold/NotoSansSC_700Bold.ttf",
        "9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96",
    ),
}

LAYOUT_FEATURES = ["kern", "liga", "vert", "vrt2", "locl", "halt", "palt"]

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0391, 0x03C9),  # Greek
    (0x2000, 0x206F),  # General Punctuation
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (circled numbers)
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

SINGLES = [
    0x2212, 0x2264, 0x2265, 0x00D7, 0x00B7, 0x2014, 0x2026,
    0x2713, 0x2717, 0x2605, 0x2606, 0x00B1, 0x2030, 0x2116,
]

# In SINGLES but absent from the source fonts, so not treated as an error.
KNOWN_ABSENT = {0x2717}

# Must render: Traditional-only hanzi from the spike paragraph, Simplified, ASCII.
SAMPLES = "廣資視覺參認為課內實與兩個單" + "服务创新体验创值客户旅程" + "".join(
    chr(c) for c in range(0x20, 0x7F)
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "templates" / "fonts"


def _dbcs(codec: str, leads, trails, lo: int, hi: int) -> set[int]:
    """Code points decodable from the 2-byte codes lead<<8|trail in [lo, hi]."""
    out = set()
    for a in leads:
        for b in trails:
            code = (a << 8) | b
            if not lo <= code <= hi:
                continue
            try:
                s = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def gb2312_chars() -> set[int]:
    return _dbcs("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF), 0xA1A1, 0xF7FE)


def gb2312_hanzi() -> set[int]:
    return _dbcs("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF), 0xB0A1, 0xF7FE)


BIG5_TRAILS = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))


def big5_l1_symbols() -> set[int]:
    return _dbcs("big5", range(0xA1, 0xA4), BIG5_TRAILS, 0xA140, 0xA3BF)


def big5_l1_hanzi() -> set[int]:
    return _dbcs("big5", range(0xA4, 0xC7), BIG5_TRAILS, 0xA440, 0xC67E)


def charset() -> set[int]:
    cps = gb2312_chars() | big5_l1_symbols() | big5_l1_hanzi() | set(SINGLES)
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    return cps


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def find_input(src: Path, rel: str) -> Path:
    for cand in (src / rel, src / Path(rel).name):
        if cand.is_file():
            return cand
    sys.exit(f"error: {rel} not found under {src} (pass the extracted npm 'package' dir)")


def subset_one(src: Path, dst: Path, unicodes: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.hinting = False
    options.layout_features = list(LAYOUT_FEATURES)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    font = subset.load_font(str(src), options)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    dst.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(dst), options)
    font.close()


def check(path: Path) -> bool:
    """Print glyph count and coverage; return False if a must-have char is missing."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    cmap = set(font.getBestCmap())
    family = font["name"].getDebugName(1)
    glyf = "glyf" in font
    gb_all, gb_h = gb2312_chars(), gb2312_hanzi()
    b5_s, b5_h = big5_l1_symbols(), big5_l1_hanzi()
    missing = [c for c in SAMPLES if ord(c) not in cmap]
    singles_missing = [f"U+{c:04X}" for c in SINGLES if c not in cmap and c not in KNOWN_ABSENT]
    absent = [f"U+{c:04X}" for c in sorted(KNOWN_ABSENT) if c not in cmap]
    print(f"{path.name}: {path.stat().st_size:,} bytes, sha256 {sha256(path)}")
    print(f"  family={family!r} weight={font['OS/2'].usWeightClass} glyf={glyf} "
          f"glyphs={len(font.getGlyphOrder()):,} cmap={len(cmap):,}")
    print(f"  GB2312 all {len(gb_all & cmap)}/{len(gb_all)}, hanzi {len(gb_h & cmap)}/{len(gb_h)}")
    print(f"  Big5-L1 symbols {len(b5_s & cmap)}/{len(b5_s)}, hanzi {len(b5_h & cmap)}/{len(b5_h)}"
          f" (not in GB2312: {len((b5_h - gb_all) & cmap)}/{len(b5_h - gb_all)})")
    print(f"  samples missing: {''.join(missing) or 'none'}; singles missing: "
          f"{' '.join(singles_missing) or 'none'} (known absent in source: {' '.join(absent) or 'none'})")
    ok = (glyf and not missing and not singles_missing and family == "Noto Sans SC"
          and gb_all <= cmap and b5_h <= cmap)
    if "source" in (family or "").lower():
        ok = False
        print("  ERROR: family name contains the Reserved Font Name 'Source'")
    font.close()
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src_dir", nargs="?", type=Path,
                    help="extracted @expo-google-fonts/noto-sans-sc@0.4.3 'package' dir")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="only check existing outputs")
    args = ap.parse_args()

    import fontTools

    if fontTools.version != FONTTOOLS_VERSION:
        print(f"warning: fontTools {fontTools.version} != {FONTTOOLS_VERSION}; "
              "output may not be byte-identical to the checked-in files", file=sys.stderr)

    if not args.check:
        if args.src_dir is None:
            ap.error("SRC_DIR is required unless --check")
        unicodes = charset()
        print(f"char set: {len(unicodes):,} code points requested")
        for out_name, (rel, want) in INPUTS.items():
            src = find_input(args.src_dir, rel)
            got = sha256(src)
            if got != want:
                sys.exit(f"error: {src} sha256 {got} != expected {want}")
            subset_one(src, args.out / out_name, unicodes)

    ok = all([check(args.out / name) for name in INPUTS])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
