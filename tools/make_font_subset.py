#!/usr/bin/env python3
"""Rebuild resources/fonts/PlainviewSansSC-Regular.otf, the font Plainview ships.

A fresh machine often has no CJK font, and sometimes no font at all: Qt then draws Chinese
(and, with no font, everything) as empty boxes, in widgets and in PDF reports alike. Plainview
therefore ships a subset of Noto Sans CJK SC (SIL Open Font License 1.1) that covers:

- every character of the app's own texts (resources/**/*.toml, *.md, the Qt .ts files), so
  every screen, report and letter renders in both languages;
- the whole of GB 2312 (6,763 common hanzi plus its symbols), for what people write in their
  own data (names, messages, searches);
- ASCII, Latin-1, general punctuation, CJK symbols and full-width forms.

The source is Noto Sans CJK's SC face, e.g. from Debian's ``fonts-noto-cjk`` (it need not be
installed: ``apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto``) or
from the upstream release. The family is renamed to "Plainview Sans SC" so it never competes
with a Noto Sans CJK the user has installed (OFL section 3 also asks a modified version not to
use the reserved name).

    python tools/make_font_subset.py [--source NotoSansCJK-Regular.ttc] [--check]

``--check`` only reports characters of the app's texts that the shipped font lacks (the test
suite runs the same check: tests/unit/test_bundled_font.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "PlainviewSansSC-Regular.otf"
FAMILY = "Plainview Sans SC"
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# The app's own texts: every file under these folders with these endings.
TEXT_GLOBS = ("resources/**/*.toml", "resources/**/*.md", "resources/**/*.ts")
# Characters of the app's texts that Noto Sans CJK lacks, drawn with a look-alike glyph it has
# (TikTok's menu button, written "Menu ☰" in the explanations, is three bars like "≡").
LOOK_ALIKES = {"☰": "≡"}
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
)


def gb2312_chars() -> set[str]:
    """Every character GB 2312 encodes (rows 1-9 symbols, 16-87 hanzi)."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def text_chars(root: Path = ROOT) -> set[str]:
    """Every non-control character used in the app's own texts."""
    chars: set[str] = set()
    for pattern in TEXT_GLOBS:
        for path in root.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() and not c.isspace()}


def wanted_chars(root: Path = ROOT) -> set[str]:
    chars = text_chars(root) | gb2312_chars()
    for lo, hi in RANGES:
        chars.update(chr(cp) for cp in range(lo, hi + 1))
    return chars


def missing_from(font_path: Path, chars: Iterable[str]) -> list[str]:
    from fontTools.ttLib import TTFont

    cmap = TTFont(font_path).getBestCmap()
    return sorted(c for c in chars if ord(c) not in cmap)


def build(source: Path, out: Path = OUT) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() == ".ttc":
        collection = TTCollection(source)
        font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        font = TTFont(source)
    cmap = font.getBestCmap()
    chars = wanted_chars()
    unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
    lacking = sorted(
        c for c in chars if ord(c) not in cmap and c in text_chars() and c not in LOOK_ALIKES
    )
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    rename(font)
    add_look_alikes(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    print(f"{out.relative_to(ROOT)}: {len(unicodes)} characters, {out.stat().st_size:,} bytes")
    if lacking:
        print(f"not in the source font: {''.join(lacking)!r}", file=sys.stderr)


def add_look_alikes(font: object) -> None:
    """Map each of LOOK_ALIKES to the glyph of its look-alike, in every Unicode cmap."""
    cmap = font.getBestCmap()  # type: ignore[attr-defined]
    for table in font["cmap"].tables:  # type: ignore[index]
        if table.isUnicode():
            for char, like in LOOK_ALIKES.items():
                table.cmap[ord(char)] = cmap[ord(like)]


def rename(font: object) -> None:
    """Name the subset "Plainview Sans SC" (family, full, PostScript and CFF names)."""
    names = font["name"]  # type: ignore[index]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = "PlainviewSansSC-Regular"
        elif record.nameID == 3:
            record.string = "PlainviewSansSC-Regular;subset of Noto Sans CJK SC"
    if "CFF " in font:  # type: ignore[operator]
        cff = font["CFF "].cff  # type: ignore[index]
        cff.fontNames = ["PlainviewSansSC-Regular"]
        top = cff.topDictIndex[0]
        top.FullName = f"{FAMILY} Regular"
        top.FamilyName = FAMILY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="Noto Sans CJK .ttc or SC .otf")
    parser.add_argument("--check", action="store_true", help="only list missing characters")
    args = parser.parse_args(argv)
    if args.check:
        missing = missing_from(OUT, text_chars())
        if missing:
            print(f"missing from {OUT.name}: {''.join(missing)!r}; rebuild with this tool")
            return 1
        print(f"{OUT.name} covers every character of the app's texts")
        return 0
    source = args.source or DEFAULT_SOURCE
    if not source.is_file():
        parser.error("no source font found; pass --source (see the docstring for where)")
    build(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
