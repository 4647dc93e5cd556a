#!/usr/bin/env python3
"""Before/after review sheets: each pair of screenshots side by side, scaled down, as one JPEG.

Usage: python3 docs/review/side-by-side.py OUT_DIR NAME BEFORE.png AFTER.png [NAME B A ...]
Writes OUT_DIR/NAME.jpg (before on the left, after on the right, 720 px high per shot for
landscape shots, 960 px for portrait). Needs Debian's python3-pil.
"""
import sys
from pathlib import Path

from PIL import Image, ImageDraw


def sheet(before: Path, after: Path, out: Path) -> None:
    a, b = Image.open(before).convert("RGB"), Image.open(after).convert("RGB")
    portrait = a.height > a.width
    h = 960 if portrait else 540
    a = a.resize((round(a.width * h / a.height), h), Image.LANCZOS)
    b = b.resize((round(b.width * h / b.height), h), Image.LANCZOS)
    gap = 24
    canvas = Image.new("RGB", (a.width + b.width + gap, h + 36), (32, 36, 44))
    canvas.paste(a, (0, 36))
    canvas.paste(b, (a.width + gap, 36))
    d = ImageDraw.Draw(canvas)
    d.text((8, 10), "before", fill=(230, 230, 230))
    d.text((a.width + gap + 8, 10), "after", fill=(230, 230, 230))
    canvas.save(out, quality=78, optimize=True)


def main() -> int:
    if len(sys.argv) < 5 or (len(sys.argv) - 2) % 3:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    args = sys.argv[2:]
    for i in range(0, len(args), 3):
        sheet(Path(args[i + 1]), Path(args[i + 2]), out / f"{args[i]}.jpg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
