#!/usr/bin/env python3
"""Review pictures: screenshots in one row, scaled to one height, each with its caption, as a JPEG.

Usage: python3 docs/review/row.py OUT.jpg HEIGHT CAPTION=SHOT.png [CAPTION=SHOT.png ...]
Needs Debian's python3-pil.
"""
import sys
from pathlib import Path

from PIL import Image, ImageDraw


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    out, h = Path(sys.argv[1]), int(sys.argv[2])
    shots = []
    for arg in sys.argv[3:]:
        caption, _, path = arg.partition("=")
        im = Image.open(path).convert("RGB")
        shots.append((caption, im.resize((round(im.width * h / im.height), h), Image.LANCZOS)))
    gap, top = 24, 36
    width = sum(im.width for _, im in shots) + gap * (len(shots) - 1)
    canvas = Image.new("RGB", (width, h + top), (32, 36, 44))
    d = ImageDraw.Draw(canvas)
    x = 0
    for caption, im in shots:
        canvas.paste(im, (x, top))
        d.text((x + 8, 10), caption, fill=(230, 230, 230))
        x += im.width + gap
    canvas.save(out, quality=78, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
