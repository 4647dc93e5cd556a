#!/usr/bin/env python3
"""Generate the kiosk's own art in assets/: brand mark, photo placeholder, display test
patterns and the attract-loop backdrops. None of them carries text.

Usage (from the repository root):
    /usr/bin/python3 assets/make-assets.py

Needs Debian's python3-pil. Deterministic (fixed geometry; the backdrops use the sample-media
canvas of content/scripts/media_canvas.py, seeded by name), so re-running gives the same
files. assets/README.md lists what it writes.

[SECTION] index: palette · brand mark (SVG + PNG from one geometry) · placeholder ·
test pattern · attract backdrops · main
"""
import math
import sys
from pathlib import Path

try:
    from PIL import Image, ImageDraw
except ImportError:  # pragma: no cover
    sys.exit("make-assets.py needs Pillow: apt-get install python3-pil (and run /usr/bin/python3)")

ASSETS = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ beside the sources (or in the .deb)
sys.path.insert(0, str(ASSETS.parent / "content" / "scripts"))
from media_canvas import Canvas, mix, shade  # noqa: E402  (the sample media's canvas, shared)

# [SECTION] palette: the theme's tokens (DESIGN.md, app/core/theme_tokens.hpp)
YANGTZE = (11, 61, 145)     # #0B3D91 primary
TEAL = (0, 137, 123)        # #00897B
GOLD = (242, 169, 0)        # #F2A900
BACKGROUND = (244, 246, 249)
TEXT = (26, 31, 43)
SECONDARY = (95, 107, 122)


def hexs(c):
    return "#%02X%02X%02X" % c


# [SECTION] brand mark: a gold sun over a green-white hill, the Yangtze as two waves, on a
# rounded Yangtze-blue tile. One geometry in a 512-unit box, written as SVG and drawn as PNG.

def wave(y, amp, phase, x0=56, x1=456, n=48):
    return [(x0 + (x1 - x0) * k / n, y + amp * math.sin(phase + 2 * math.pi * 1.5 * k / n)) for k in range(n + 1)]


def hill():
    pts = [(96, 330)]
    for k in range(41):
        x = 96 + 320 * k / 40
        # two summits, the left one higher (Jinshan and its neighbour), easing into the plain
        y = 330 - 150 * math.exp(-((x - 210) / 70) ** 2) - 90 * math.exp(-((x - 330) / 60) ** 2)
        pts.append((x, y))
    pts.append((416, 330))
    return pts


def mark_shapes():
    """(kind, geometry, colour, width) in draw order."""
    return [
        ("rrect", (0, 0, 512, 512, 112), YANGTZE, 0),
        ("circle", (340, 150, 52), GOLD, 0),
        ("polygon", hill(), (255, 255, 255), 0),
        ("polyline", wave(372, 14, 0.0), (255, 255, 255), 26),
        ("polyline", wave(424, 12, 1.3), mix(TEAL, (255, 255, 255), 0.35), 22),
    ]


def mark_svg():
    out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
           '  <title>zjmap-kiosk</title>']
    for kind, g, col, width in mark_shapes():
        if kind == "rrect":
            out.append(f'  <rect x="{g[0]}" y="{g[1]}" width="{g[2]}" height="{g[3]}" rx="{g[4]}" fill="{hexs(col)}"/>')
        elif kind == "circle":
            out.append(f'  <circle cx="{g[0]}" cy="{g[1]}" r="{g[2]}" fill="{hexs(col)}"/>')
        else:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in g)
            if kind == "polygon":
                out.append(f'  <polygon points="{pts}" fill="{hexs(col)}"/>')
            else:
                out.append(f'  <polyline points="{pts}" fill="none" stroke="{hexs(col)}" '
                           f'stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def mark_png(size):
    ss = 4
    k = size * ss / 512
    img = Image.new("RGBA", (size * ss, size * ss), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for kind, g, col, width in mark_shapes():
        if kind == "rrect":
            d.rounded_rectangle([g[0] * k, g[1] * k, g[2] * k - 1, g[3] * k - 1], radius=g[4] * k, fill=col)
        elif kind == "circle":
            d.ellipse([(g[0] - g[2]) * k, (g[1] - g[2]) * k, (g[0] + g[2]) * k, (g[1] + g[2]) * k], fill=col)
        elif kind == "polygon":
            d.polygon([(x * k, y * k) for x, y in g], fill=col)
        else:
            pts = [(x * k, y * k) for x, y in g]
            d.line(pts, fill=col, width=int(width * k), joint="curve")
            r = width * k / 2
            for x, y in (pts[0], pts[-1]):
                d.ellipse([x - r, y - r, x + r, y + r], fill=col)
    return img.resize((size, size), Image.LANCZOS)


# [SECTION] placeholder for a missing or broken photo: a quiet tile with a picture glyph

def placeholder(w=1920, h=1200):
    img = Image.new("RGB", (w, h), BACKGROUND)
    top = Image.new("RGB", (1, 2))
    top.putdata([mix(BACKGROUND, (255, 255, 255), 0.6), mix(BACKGROUND, SECONDARY, 0.12)])
    img = top.resize((w, h), Image.BILINEAR)
    ss = 4
    g = Image.new("L", (w * ss // 4, h * ss // 4), 0)   # glyph mask at 1x of a quarter-size tile
    gw, gh = g.size
    d = ImageDraw.Draw(g)
    cx, cy, s = gw / 2, gh / 2, min(gw, gh) * 0.16
    line = max(2, int(s * 0.09))
    d.rounded_rectangle([cx - s * 1.3, cy - s, cx + s * 1.3, cy + s], radius=s * 0.22, outline=255, width=line)
    d.polygon([(cx - s * 1.05, cy + s * 0.75), (cx - s * 0.35, cy - s * 0.15), (cx + s * 0.15, cy + s * 0.45),
               (cx + s * 0.5, cy + s * 0.1), (cx + s * 1.05, cy + s * 0.75)], fill=255)
    d.ellipse([cx + s * 0.45, cy - s * 0.7, cx + s * 0.85, cy - s * 0.3], fill=255)
    g = g.resize((w, h), Image.LANCZOS)
    img.paste(mix(BACKGROUND, SECONDARY, 0.45), (0, 0, w, h), g)
    return img


# [SECTION] test pattern: geometry, grey steps, colour bars, sharpness and the edges

def test_pattern(w, h):
    img = Image.new("RGB", (w, h), (24, 24, 24))
    d = ImageDraw.Draw(img)
    step = 60
    for x in range(0, w, step):
        d.line([(x, 0), (x, h)], fill=(90, 90, 90))
    for y in range(0, h, step):
        d.line([(0, y), (w, y)], fill=(90, 90, 90))
    d.rectangle([0, 0, w - 1, h - 1], outline=(255, 255, 255), width=2)   # overscan: all four edges seen
    for cx, cy in ((0, 0), (w, 0), (0, h), (w, h)):                      # corner markers
        d.polygon([(cx, cy), (cx + (120 if cx == 0 else -120), cy), (cx, cy + (120 if cy == 0 else -120))], fill=GOLD)
    r = min(w, h) * 0.42                                                  # a true circle: aspect check
    d.ellipse([w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r], outline=(255, 255, 255), width=3)
    d.line([(w / 2, h / 2 - r), (w / 2, h / 2 + r)], fill=(255, 255, 255), width=1)
    d.line([(w / 2 - r, h / 2), (w / 2 + r, h / 2)], fill=(255, 255, 255), width=1)
    bars = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0), (0, 0, 255),
            YANGTZE, TEAL, GOLD, (198, 40, 40), (239, 108, 0)]
    bw = int(r * 1.4)
    x0, y0 = int(w / 2 - bw / 2), int(h / 2 - r * 0.55)
    for k, c in enumerate(bars):
        d.rectangle([x0 + bw * k // len(bars), y0, x0 + bw * (k + 1) // len(bars) - 1, y0 + int(r * 0.4)], fill=c)
    y1 = int(h / 2 + r * 0.1)
    for k in range(11):                                                   # 0..100 % grey in 10 % steps
        v = round(255 * k / 10)
        d.rectangle([x0 + bw * k // 11, y1, x0 + bw * (k + 1) // 11 - 1, y1 + int(r * 0.2)], fill=(v, v, v))
    y2 = y1 + int(r * 0.26)                                              # 1, 2 and 3 px line pairs
    for k, px in enumerate((1, 2, 3)):
        xa = x0 + bw * k // 3
        xb = x0 + bw * (k + 1) // 3 - 8
        for x in range(xa, xb, px * 2):
            d.rectangle([x, y2, x + px - 1, y2 + int(r * 0.18)], fill=(255, 255, 255))
    return img


# [SECTION] attract backdrops: the river at first light, open sky where the UI puts its title

def attract(w, h, name):
    c = Canvas(name, w, h)
    c.sky([(0.0, "#1d3a78"), (0.4, "#5f7fb8"), (0.6, "#f0b38e"), (0.68, "#ffdcb4"), (1.0, "#ffdcb4")])
    c.sun(0.5, 0.6, 0.02 * min(1.0, h / w * 1.6), (255, 240, 210), 0.5, (255, 190, 140))
    c.clouds(0.05, 0.5, (255, 222, 204), (140, 130, 170), 0.35, 0.7)
    haze = (255, 214, 180)
    far = mix((86, 78, 112), haze, 0.7)
    c.ridge(0.64, 0.06, far, foot=mix(far, haze, 0.6), rough=0.5)
    c.haze(0.6, 0.68, haze, 0.5, 0.5)
    c.water(0.66, (238, 190, 160), (40, 52, 96), 0.6, 0.8, sun_x=0.5)
    return c.finish(grain=2, vignette=0.3)


# [SECTION] main

def main():
    (ASSETS / "brand").mkdir(exist_ok=True)
    (ASSETS / "brand" / "zjmap-mark.svg").write_text(mark_svg(), encoding="utf-8")
    for size in (64, 128, 256, 512):
        mark_png(size).save(ASSETS / "brand" / f"zjmap-mark-{size}.png", optimize=True)
    (ASSETS / "placeholder").mkdir(exist_ok=True)
    placeholder().save(ASSETS / "placeholder" / "photo-missing.png", optimize=True)
    (ASSETS / "test-pattern").mkdir(exist_ok=True)
    test_pattern(1920, 1080).save(ASSETS / "test-pattern" / "test-pattern-1920x1080.png", optimize=True)
    test_pattern(1080, 1920).save(ASSETS / "test-pattern" / "test-pattern-1080x1920.png", optimize=True)
    (ASSETS / "attract").mkdir(exist_ok=True)
    attract(1920, 1080, "attract-16x9").save(ASSETS / "attract" / "attract-16x9.jpg", quality=86, optimize=True)
    attract(1080, 1920, "attract-9x16").save(ASSETS / "attract" / "attract-9x16.jpg", quality=86, optimize=True)
    for p in sorted(ASSETS.rglob("*")):
        if p.is_file() and p.suffix in (".png", ".jpg", ".svg"):
            print(f"  {p.relative_to(ASSETS)}  {p.stat().st_size // 1000} kB")


if __name__ == "__main__":
    main()
